import { isOmitted, nameKey, nearestNames, quotedList, shown } from "./names";
import {
  type CalendarDate,
  type Period,
  type Quarter,
  dateFromExcelSerial,
  isValidDate,
  isoDate,
  MONTH_FORMS,
  monthFromName,
  monthNames,
  quarter,
  quarterEndingOn,
  shiftQuarter,
} from "./calendar";
import { invalidValue, notAvailable } from "./errors";

/** Which release's figure to read when a later release restated a period. */
export type Vintage =
  | { readonly kind: "latest" }
  | { readonly kind: "first" }
  | { readonly kind: "release"; readonly id: string };

export interface PeriodRequest {
  readonly period: Period;
  readonly vintage: Vintage;
  /** The date the user gave, when they gave one (balance sheets are "as of" a date). */
  readonly date?: CalendarDate;
}

export const PERIOD_FORMS =
  '1Q01, Q1 FY2001, FY2001 Q1, 1Q2001, FY2001, a quarter-end date (2001-06-30, "Jun 30, 2001" or an Excel date), FQ0 (latest quarter), FQ-1, FQ-4; add "@first" for the first-reported figure';

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n >= 90 ? 1900 + n : 2000 + n;
}

function quarterOnDate(d: CalendarDate, said: string): Quarter {
  if (!isValidDate(d))
    throw invalidValue(`"${said}" is not a valid date. Periods: ${PERIOD_FORMS}.`);
  const q = quarterEndingOn(d);
  if (!q) {
    throw notAvailable(
      `${isoDate(d)} is not a fiscal quarter end; IIJ's quarters end on Jun 30, Sep 30, Dec 31 and Mar 31 (fiscal year starts April 1).`
    );
  }
  return q;
}

const QUARTER_FORMS: readonly [RegExp, (m: RegExpExecArray) => [number, number]][] = [
  [/^([1-4])Q'?(\d{2}|\d{4})$/, (m) => [Number(m[1]), fullYear(m[2])]],
  [/^Q([1-4]) ?FY'?(\d{2}|\d{4})$/, (m) => [Number(m[1]), fullYear(m[2])]],
  [/^FY'?(\d{2}|\d{4}) ?Q([1-4])$/, (m) => [Number(m[2]), fullYear(m[1])]],
  [/^FY'?(\d{2}|\d{4}) ?([1-4])Q$/, (m) => [Number(m[2]), fullYear(m[1])]],
];

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const PRINTED_DATE = /^([A-Z]+\.?) (\d{1,2}),? (\d{4})$/;
const FISCAL_YEAR = /^FY'?(\d{2}|\d{4})$/;
const RELATIVE = /^FQ ?([+-]?\d{1,3})$/;
const VINTAGE = /^(.*?) ?@ ?(FIRST|LATEST|\d{4}-\d{2}-\d{2})$/;

/** The month a printed date names ("Jun", "June", "jun."); anything else is #VALUE! naming the forms. */
function month(word: string): number {
  const m = monthFromName(word);
  if (m !== null) return m;
  const near = nearestNames(
    word,
    monthNames().map((n) => [nameKey(n), n])
  );
  const hint = near.length ? ` Did you mean ${quotedList(near)}?` : "";
  throw invalidValue(
    `"${shown(word)}" is not a month.${hint} Write a month as ${MONTH_FORMS}. Periods: ${PERIOD_FORMS}.`
  );
}

/**
 * Reads a period argument as analysts type it. Numbers are Excel date serials (a cell holding a
 * date); text is trimmed and case-insensitive. `anchor` is the latest reported quarter, for FQ0.
 */
export function parsePeriod(input: unknown, anchor: Quarter): PeriodRequest {
  if (isOmitted(input)) {
    throw invalidValue(`A period is required. Periods: ${PERIOD_FORMS}.`);
  }
  if (typeof input === "boolean") {
    throw invalidValue(`A period cannot be TRUE or FALSE. Periods: ${PERIOD_FORMS}.`);
  }
  if (typeof input === "number") {
    const d = dateFromExcelSerial(input);
    if (!d) {
      throw invalidValue(
        `${input} is not an Excel date serial number (a whole number from 61). Periods: ${PERIOD_FORMS}.`
      );
    }
    return { period: quarterOnDate(d, String(input)), vintage: { kind: "latest" }, date: d };
  }
  if (typeof input !== "string") {
    throw invalidValue(`A period must be text or a date. Periods: ${PERIOD_FORMS}.`);
  }
  let text = input.trim().toUpperCase().replace(/\s+/g, " ");
  let vintage: Vintage = { kind: "latest" };
  const v = VINTAGE.exec(text);
  if (v) {
    text = v[1];
    vintage =
      v[2] === "FIRST"
        ? { kind: "first" }
        : v[2] === "LATEST"
          ? { kind: "latest" }
          : { kind: "release", id: v[2] };
  }
  for (const [form, read] of QUARTER_FORMS) {
    const m = form.exec(text);
    if (m) {
      const [q, fy] = read(m);
      return { period: quarter(fy, q), vintage };
    }
  }
  const fyMatch = FISCAL_YEAR.exec(text);
  if (fyMatch) return { period: { kind: "year", fy: fullYear(fyMatch[1]) }, vintage };
  const rel = RELATIVE.exec(text);
  if (rel) return { period: shiftQuarter(anchor, Number(rel[1])), vintage };
  let date: CalendarDate | null = null;
  const iso = ISO_DATE.exec(text);
  const us = US_DATE.exec(text);
  const printed = PRINTED_DATE.exec(text);
  if (iso) date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else if (us) date = { year: Number(us[3]), month: Number(us[1]), day: Number(us[2]) };
  else if (printed) {
    // The month as typed, not upper-cased: "ſep" upper-cases to "SEP" but is no month.
    const typed = input.trim().split(/\s+/)[0];
    date = { year: Number(printed[3]), month: month(typed), day: Number(printed[2]) };
  }
  if (date) return { period: quarterOnDate(date, input.trim()), vintage, date };
  throw invalidValue(`"${shown(input)}" is not a period. Periods: ${PERIOD_FORMS}.`);
}

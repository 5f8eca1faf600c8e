import { FISCAL_YEAR_START_MONTH } from "../data/calendar";

/** A fiscal quarter (`fy` is the fiscal year: FY2001 runs April 2001 to March 2002) or a fiscal year. */
export type Period =
  | { readonly kind: "quarter"; readonly fy: number; readonly q: 1 | 2 | 3 | 4 }
  | { readonly kind: "year"; readonly fy: number };

export type Quarter = Extract<Period, { kind: "quarter" }>;

export function quarter(fy: number, q: number): Quarter {
  return { kind: "quarter", fy, q: q as Quarter["q"] };
}

/** The house form IIJ prints: `1Q01` for the first quarter of fiscal 2001, `FY2001` for the year. */
export function periodKey(p: Period): string {
  return p.kind === "quarter" ? `${p.q}Q${String(p.fy % 100).padStart(2, "0")}` : `FY${p.fy}`;
}

/**
 * The same period, by its full fiscal year. Keys alone are not enough: `periodKey` writes two
 * digits of the year, so 1Q1900, 1Q2000 and 1Q2100 all print as "1Q00".
 */
export function samePeriod(a: Period, b: Period): boolean {
  if (a.kind === "quarter" && b.kind === "quarter") return quarterIndex(a) === quarterIndex(b);
  return a.kind === b.kind && a.fy === b.fy;
}

/** Quarters since year 0, so quarters compare and shift by plain integer arithmetic. */
export function quarterIndex(p: Quarter): number {
  return p.fy * 4 + (p.q - 1);
}

function quarterFromIndex(index: number): Quarter {
  return quarter(Math.floor(index / 4), (index % 4) + 1);
}

export function shiftQuarter(p: Quarter, by: number): Quarter {
  return quarterFromIndex(quarterIndex(p) + by);
}

/** A calendar date without time or zone. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isoDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(d: CalendarDate): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** The last day of a fiscal quarter: 1Q01 ends 2001-06-30, 4Q00 ends 2001-03-31. */
export function quarterEnd(p: Quarter): CalendarDate {
  const monthsFromStart = p.q * 3 - 1; // 0-based month offset of the quarter's last month
  const absMonth = FISCAL_YEAR_START_MONTH - 1 + monthsFromStart;
  const year = p.fy + Math.floor(absMonth / 12);
  const month = (absMonth % 12) + 1;
  return { year, month, day: daysInMonth(year, month) };
}

export function quarterStart(p: Quarter): CalendarDate {
  const absMonth = FISCAL_YEAR_START_MONTH - 1 + (p.q - 1) * 3;
  return { year: p.fy + Math.floor(absMonth / 12), month: (absMonth % 12) + 1, day: 1 };
}

/** The fiscal quarter that ends on `d`, or null when `d` is not a quarter end. */
export function quarterEndingOn(d: CalendarDate): Quarter | null {
  const offset = (d.month - FISCAL_YEAR_START_MONTH + 12) % 12;
  if (offset % 3 !== 2 || d.day !== daysInMonth(d.year, d.month)) return null;
  const fy = d.month >= FISCAL_YEAR_START_MONTH ? d.year : d.year - 1;
  return quarter(fy, (offset - 2) / 3 + 1);
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "Jun 30, 2001", as the statements' column headers print dates. */
export function printedDate(d: CalendarDate): string {
  return `${MONTH_NAMES[d.month - 1].slice(0, 3)} ${d.day}, ${d.year}`;
}

/**
 * Months by their lower-case full name and three-letter abbreviation, and nothing else: a prefix
 * match would read "Junk" as June and "Marc" as March, and give a figure for a typo.
 */
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
  ])
);

/** How a month may be written, for messages. */
export const MONTH_FORMS =
  'the full name or its three-letter abbreviation, in any case, with or without a period ("June" or "Jun", "Jun.")';

/** The month (1-12) a name spells exactly (full or three-letter, any case, optional period), or null. */
export function monthFromName(name: string): number | null {
  return MONTH_NUMBERS.get(name.toLowerCase().replace(/\.$/, "")) ?? null;
}

/** Every spelling `monthFromName` reads, for suggestions. */
export function monthNames(): readonly string[] {
  return MONTH_NAMES.flatMap((name) => [name, name.slice(0, 3)]);
}

// Excel's serial 1 is 1900-01-01 but it counts a 29 Feb 1900 that never was; from 1900-03-01 on, a
// serial is the number of days since 1899-12-30.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function excelSerial(d: CalendarDate): number {
  return Math.round((Date.UTC(d.year, d.month - 1, d.day) - EXCEL_EPOCH_MS) / DAY_MS);
}

/** Serials before 61 (1900-03-01) are not mapped: Excel's 1900 leap-year bug makes them ambiguous. */
export function dateFromExcelSerial(serial: number): CalendarDate | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return null;
  const t = new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

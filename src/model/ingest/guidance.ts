/**
 * The guidance table ("Anticipated Financial Performance for the 2nd Quarter (JPY in millions)"):
 * its quarter from the header ("The 2 nd Quarter of the Fiscal 2001"), one range per metric as
 * printed ("(-)100 - (+)50"), each metric by the model's id. The release states the same ranges in
 * words ("total revenues to be between JPY9.0 billion and JPY9.5 billion"): a bound the OCR garbled
 * in the table ("9.000") is settled only where the words give the one reading it can have.
 */
import type {
  PrintedGuidance,
  PrintedGuidanceRange,
  PrintedOutlook,
  Repair,
  UnresolvedCell,
} from "../../data/types";
import { Dec, formatPrinted } from "../decimal";
import { nameKey } from "../names";
import { type FigureReading, readCell, readingsOf } from "./cells";
import { GUIDANCE_METRICS } from "./lexicon";
import type { GuidancePlace } from "./locate";
import { sentencesOf, stripMarkup } from "./text";

/** "The 2 nd Quarter of the Fiscal 2001" -> "2Q01". */
function guidanceQuarter(text: string): string | null {
  const m = /(\d)\s*(?:st|nd|rd|th)\s*Quarter\b.*?(?:Fiscal|FY)\s*(?:Year\s*)?(\d{4})/i.exec(text);
  return m ? `${m[1]}Q${m[2].slice(2)}` : null;
}

const METRIC_WORDS: Readonly<Record<string, RegExp>> = {
  revenues: /revenues/i,
  operating_income: /operating (?:\(loss\) income|income \(loss\)|income|loss)/i,
  ebitda: /EBITDA/i,
};

const AMOUNT = /(\(([-+])\))?\s*JPY\s*([\d.,]+)\s*(billion|million)/gi;

/** The bounds the text gives a metric for the quarter, in JPY millions: "between X and Y". */
function proseBounds(
  paragraphs: readonly string[],
  quarter: string,
  id: string
): [Dec, Dec] | null {
  const words = METRIC_WORDS[id];
  if (!words) return null;
  const sentence = paragraphs
    .flatMap((p) => sentencesOf(p))
    .find((s) => s.includes(quarter) && /expects?/.test(s) && words.test(s));
  if (!sentence) return null;
  const from = sentence.search(words);
  const clause = sentence.slice(from).split(/,\s*(?:and\s+)?(?=[a-zA-Z(]+[^,]*to be between)/)[0];
  const amounts = [...clause.matchAll(AMOUNT)].slice(0, 2).map((m) => {
    const value = new Dec(m[3].replace(/,/g, "")).times(
      m[4].toLowerCase() === "billion" ? 1000 : 1
    );
    return m[2] === "-" ? value.negated() : value;
  });
  return amounts.length === 2 ? [amounts[0], amounts[1]] : null;
}

interface Bound {
  readonly text: string;
  readonly repaired?: string;
}

/** A bound as the guidance table prints it: "(-)100" for a loss. */
function guidanceForm(value: Dec): string {
  return value.isNegative() ? `(-)${formatPrinted(value.abs())}` : formatPrinted(value);
}

/**
 * One bound: its readings in the table's form (whole millions). With the text's figure, the one
 * reading that agrees (or the text's, for a lost bound); without it, only a clean printed figure.
 */
function settleBound(raw: string, stated: Dec | undefined): Bound | null {
  const readings = readingsOf(readCell(raw)).filter((r) => r.places !== 3 || r.fault);
  if (stated === undefined)
    return readings.length === 1 && !readings[0].fault ? { text: readings[0].text } : null;
  const says = `the text states ${guidanceForm(stated)}`;
  const agreeing = readings.filter((r: FigureReading) => r.value !== null && r.value.eq(stated));
  if (agreeing.length === 1)
    return agreeing[0].text === raw ? { text: raw } : { text: agreeing[0].text, repaired: says };
  if (readings.length === 0)
    return { text: formatPrinted(stated), repaired: `the bound is lost; ${says}` };
  return null;
}

export interface GuidanceReading {
  readonly guidance: PrintedGuidance;
  readonly repairs: readonly Repair[];
  /** Ranges not settled: left out of the guidance, with what the table and the text print. */
  readonly unresolved: readonly UnresolvedCell[];
  readonly problems: readonly string[];
}

function readRange(
  row: { label: string; range: string },
  period: string,
  unit: PrintedGuidanceRange["unit"],
  prose: readonly string[],
  out: {
    ranges: PrintedGuidanceRange[];
    repairs: Repair[];
    unresolved: UnresolvedCell[];
    problems: string[];
  }
): void {
  const metric = GUIDANCE_METRICS.find((g) =>
    g.labels.some((l) => nameKey(l) === nameKey(row.label))
  );
  const id = metric?.id ?? nameKey(row.label);
  const parts = row.range.split(/\s+-\s+/);
  const stated = proseBounds(prose, period, id);
  const bounds = parts.length === 2 ? parts.map((p, i) => settleBound(p.trim(), stated?.[i])) : [];
  const settled = bounds.length === 2 && bounds.every((b) => b !== null);
  if (!settled) {
    const text = stated ? stated.map(guidanceForm).join(" - ") : undefined;
    out.unresolved.push({
      statement: "GUIDANCE",
      rowId: id,
      column: 0,
      ocr: row.range,
      candidates: [row.range, ...(text ? [text] : [])],
      why: stated
        ? `the table prints "${row.range}" and the text states ${text}: the table's bounds do not read as the text's`
        : `"${row.range}" does not read as a range, and the text states none for ${period}`,
    });
    return;
  }
  const range = bounds.map((b) => (b as Bound).text).join(" - ");
  if (range !== row.range)
    out.repairs.push({
      statement: "GUIDANCE",
      rowId: id,
      column: 0,
      ocr: row.range,
      settled: range,
      reason: `${bounds
        .map((b) => (b as Bound).repaired)
        .filter((r) => r)
        .join("; ")}: ${stated?.map(guidanceForm).join(" to ")} JPY millions.`,
    });
  out.ranges.push({ id, label: row.label, period, unit, range });
}

export function readGuidance(
  place: GuidancePlace | null,
  outlooks: readonly PrintedOutlook[],
  prose: readonly string[] = []
): GuidanceReading {
  if (!place)
    return {
      guidance: { title: "", page: "", ranges: [], outlooks },
      repairs: [],
      unresolved: [],
      problems: [],
    };
  const header = place.rows.find((r) => guidanceQuarter(r.cells.join(" ")) !== null);
  const period = header ? (guidanceQuarter(header.cells.join(" ")) as string) : "";
  const unit = /JPY in millions/i.test(place.title) ? "JPY millions" : "JPY thousands";
  const out = {
    ranges: [] as PrintedGuidanceRange[],
    repairs: [] as Repair[],
    unresolved: [] as UnresolvedCell[],
    problems: [] as string[],
  };
  for (const row of place.rows) {
    if (row === header) continue;
    const label = stripMarkup(row.cells[0] ?? "");
    const range = stripMarkup(row.cells.slice(1).find((c) => stripMarkup(c) !== "") ?? "");
    if (label !== "" && range !== "") readRange({ label, range }, period, unit, prose, out);
  }
  if (!header) out.problems.push("the guidance table names no quarter");
  return {
    guidance: { title: place.title, page: place.page, ranges: out.ranges, outlooks },
    ...out,
  };
}

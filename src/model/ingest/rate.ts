/**
 * The convenience rate: read from the statements' notes, in any of the ways a rate is printed
 * ("JPY 124.73 =$1", "¥124.73 = US$1.00", "US$1 = JPY 124.73"), and held against the USD column,
 * which prints every translated figure at that rate. A note the OCR misread ("JPY 124.78") is
 * repaired only where the USD column settles it: the rate most notes print leaves many of its
 * cells failing, and one other reading makes them hold and no other does: first a rate another
 * note prints, then a reading one slip from a note's print. Where none or several fit, the
 * printed rate stands, and the USD cells it fails are left to the cells' own arithmetic.
 */
import type { ConvenienceRate, Repair, StatementId } from "../../data/types";
import { Dec } from "../decimal";
import { type Values, translations } from "./constraints";
import type { DraftTable } from "./draft";
import { type Grid, cleanReading, knownOf } from "./grid";
import { isoDate } from "../calendar";
import { firstDateIn } from "./prose";

const YEN = String.raw`(?:JPY|¥|[Yy]en)`;
const DOLLAR = String.raw`(?:U\.?\s?S\.?\s*)?\\?\$\s*1(?:\.0+)?(?!\d|[.,]\d)`;
const NUMBER = String.raw`(\d{2,4}(?:\s?[.,]\s?\d{1,4})?)`;
const RATE_PRINTS: readonly RegExp[] = [
  new RegExp(String.raw`${YEN}\s*${NUMBER}\s*(?:=|to|per)\s*${DOLLAR}`),
  new RegExp(String.raw`${DOLLAR}\s*=\s*${YEN}\s*${NUMBER}`),
];

/** A rate as one statement's note prints it. */
interface NoteRate {
  readonly statement: StatementId;
  /** "124.73": a comma or a space the OCR put in the decimal point read as the point. */
  readonly jpyPerUsd: string;
  /** The rate as printed: "JPY 124.73 =$1", and its number as printed: "124.73". */
  readonly rate: string;
  readonly number: string;
  /** The rate and the words after it to the date: "JPY 124.73 =$1, the approximate ... 2001". */
  readonly printed: string;
  readonly asOf?: string;
}

function noteRate(statement: StatementId, note: string): NoteRate | null {
  const text = note.replace(/\\\$/g, "$");
  for (const pattern of RATE_PRINTS) {
    const m = pattern.exec(text);
    if (!m || m.index === undefined) continue;
    // The date the rate approximates, in the same sentence: the print runs to its end.
    const sentence = text.slice(m.index).split(/(?<=\.)\s+(?=[A-Z])/)[0];
    const date = firstDateIn(sentence);
    return {
      statement,
      jpyPerUsd: m[1].replace(/\s/g, "").replace(",", "."),
      rate: m[0].trim(),
      number: m[1],
      printed: date ? sentence.slice(0, date.end).trim() : m[0].trim(),
      ...(date ? { asOf: isoDate(date.date) } : {}),
    };
  }
  return null;
}

/**
 * The readings of a rate one OCR slip away: a digit misread, two neighbours swapped, one lost
 * (the rate had one more) or one doubled (the rate had one fewer).
 */
function slipsOf(rate: string): string[] {
  const out = new Set<string>();
  const at = [...rate].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
  for (let i = 0; i <= rate.length; i++)
    for (const d of "0123456789") out.add(`${rate.slice(0, i)}${d}${rate.slice(i)}`);
  for (const i of at) {
    for (const d of "0123456789") out.add(`${rate.slice(0, i)}${d}${rate.slice(i + 1)}`);
    out.add(`${rate.slice(0, i)}${rate.slice(i + 1)}`);
    const j = at[at.indexOf(i) + 1];
    if (j === i + 1) out.add(`${rate.slice(0, i)}${rate[j]}${rate[i]}${rate.slice(j + 1)}`);
  }
  out.delete(rate);
  return [...out].filter((r) => /^[1-9]\d*(\.\d+)?$/.test(r) && !r.endsWith("."));
}

interface Score {
  readonly holds: number;
  readonly fails: number;
}

/** How many of the USD cells printed clean beside a clean amount hold at `rate`, and fail. */
function scoreOf(rate: string, tables: readonly DraftTable[], grid: Grid, base: Values): Score {
  const rules = translations({ tables, rate: new Dec(rate), labels: grid.labels() });
  let [holds, fails] = [0, 0];
  for (const rule of rules) {
    const verdict = rule.check(base);
    if (verdict === "fails") fails++;
    else if (verdict !== "open") holds++;
  }
  return { holds, fails };
}

/** At most one USD cell in twenty failing: the rest are the cells' own misreads. */
const fits = (s: Score) => s.holds > 0 && s.fails * 20 <= s.holds + s.fails;

export interface SettledRate {
  readonly rate: ConvenienceRate;
  /** A note whose rate the OCR misread, each with the evidence. */
  readonly repairs: readonly Repair[];
}

/** The rate the USD column settles: the notes' (most printed) one, or the one reading that fits. */
function settledReading(
  read: readonly NoteRate[],
  score: (rate: string) => Score
): { rate: string; why?: string } {
  const counts = new Map<string, number>();
  for (const r of read) counts.set(r.jpyPerUsd, (counts.get(r.jpyPerUsd) ?? 0) + 1);
  const printed = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const asPrinted = score(printed);
  // No USD figure to hold the rate against: the notes' rate stands, and nothing is repaired.
  if (asPrinted.holds === 0) return { rate: printed };
  const others = counts.get(printed) as number;
  if (fits(asPrinted))
    return {
      rate: printed,
      why: `the other notes print ${printed} (${others} of ${read.length}), and at ${printed} the USD column translates: ${asPrinted.holds} of ${asPrinted.holds + asPrinted.fails} figures hold.`,
    };
  const why = (r: string, s: Score, how: string) =>
    `at ${printed}, ${asPrinted.fails} of ${asPrinted.holds + asPrinted.fails} USD figures printed beside their JPY amounts fail to translate; at ${r}, ${how}, ${s.holds} hold${s.fails ? ` and ${s.fails} fail` : ""}, and no other reading of it fits.`;
  // A rate another note prints first; then the readings one slip from a print (124.73 and
  // 124.730 are one reading).
  const fitting = (rates: Iterable<string>) =>
    [...new Set([...rates].map((r) => new Dec(r).toString()))]
      .map((r) => ({ r, s: score(r) }))
      .filter(({ s }) => fits(s));
  const printedFits = fitting(counts.keys());
  if (printedFits.length === 1)
    return {
      rate: printedFits[0].r,
      why: why(printedFits[0].r, printedFits[0].s, "as another note prints it"),
    };
  const slipFits =
    printedFits.length === 0 ? fitting(read.flatMap((r) => slipsOf(r.jpyPerUsd))) : [];
  if (slipFits.length !== 1) return { rate: printed };
  return {
    rate: slipFits[0].r,
    why: why(slipFits[0].r, slipFits[0].s, "one slip of the note's print away"),
  };
}

/** The rate the notes print, settled by the USD column. Null when no note prints a rate. */
export function settleRate(
  notes: readonly { readonly statement: StatementId; readonly text: string }[],
  tables: readonly DraftTable[],
  grid: Grid
): SettledRate | null {
  const read = notes.flatMap((n) => noteRate(n.statement, n.text) ?? []);
  if (read.length === 0) return null;
  const base: Values = (k) => {
    const cell = grid.get(k);
    const clean = cell && cleanReading(cell);
    return clean ? knownOf(clean) : undefined;
  };
  const settled = settledReading(read, (r) => scoreOf(r, tables, grid, base));
  const misread = settled.why ? read.filter((r) => r.jpyPerUsd !== settled.rate) : [];
  const first = read.find((r) => r.jpyPerUsd === settled.rate) ?? read[0];
  const every = read.length === notes.length && notes.length > 1 && read.length > misread.length;
  return {
    rate: {
      jpyPerUsd: settled.rate,
      ...(first.asOf ? { asOf: first.asOf } : {}),
      printed: `${first.printed.replace(first.number, settled.rate)}${every && misread.length === 0 ? " (Note (1) to each statement)" : ""}`,
    },
    repairs: misread.map((r) => ({
      statement: r.statement,
      rowId: "",
      column: "header" as const,
      ocr: r.rate,
      settled: r.rate.replace(r.number, settled.rate),
      reason: `Convenience rate misread in the statement's note: ${settled.why}`,
    })),
  };
}

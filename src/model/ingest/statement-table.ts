/**
 * One statement's pipe table read as columns and rows. The columns come from the header row that
 * names the measures (USD, JPY, % of Total Revenues, YOY/QOQ Chg %) and the dates printed above it
 * (or in the subtitle): each JPY column starts the next date's group, its USD column stands before
 * it, its % after it, and the change columns belong to the latest quarter. Rows under a heading
 * ("Current Assets:") take it as their section; a total whose label names the heading ("Total
 * current assets", "Net cash used in operating activities") closes it.
 */
import type { Measure, PrintedColumn, PrintedUnit } from "../../data/types";
import { printedDate } from "../calendar";
import { nameKey } from "../names";
import { type FigureReading, readCell, readingsOf } from "./cells";
import type { ParsedRow } from "./draft";
import { KNOWN_HEADINGS, KNOWN_LINES, PER_SHARE_SECTION } from "./lexicon";
import type { StatementPlace } from "./locate";
import { datesIn, quarterKeyOn } from "./prose";
import { type PipeRow, stripMarkup, withoutMarker } from "./text";

export interface StatementLayout {
  readonly columns: readonly PrintedColumn[];
  /** Cell index in the pipe row of each column. */
  readonly positions: readonly number[];
  readonly rows: readonly ParsedRow[];
  /** Why the layout could not be read, when it could not. */
  readonly problem?: string;
}

function measureOf(cell: string): Measure | null {
  const t = stripMarkup(cell);
  if (/USD/i.test(t)) return "usd";
  if (/YOY/i.test(t)) return "yoyPct";
  if (/QOQ/i.test(t)) return "qoqPct";
  if (/^JPY$/i.test(t)) return "amount";
  if (/%|Total Revenues/i.test(t)) return "pctOfTotal";
  return null;
}

function measureRowIndex(rows: readonly PipeRow[]): number {
  let best = -1;
  let count = 0;
  rows.slice(0, 8).forEach((row, i) => {
    const n = row.cells.slice(1).filter((c) => measureOf(c) !== null).length;
    if (n > count) [best, count] = [i, n];
  });
  return count >= 2 ? best : -1;
}

/** The quarters of the header's dates, in printed order; the subtitle's when the header's fail. */
function headerPeriods(
  place: StatementPlace,
  header: readonly PipeRow[],
  needed: number
): string[] {
  const fromCells = header.flatMap((r) => r.cells.flatMap((c) => datesIn(stripMarkup(c))));
  const fromTitle = place.heading.flatMap((t) => datesIn(t));
  for (const dates of [fromCells, fromTitle]) {
    const keys = dates.map(quarterKeyOn);
    if (keys.length === needed && keys.every((k) => k !== null)) return keys as string[];
  }
  return [];
}

const MEASURE_TEXT: Record<Measure, (pct: string) => string> = {
  usd: () => "USD (1)",
  amount: () => "JPY",
  pctOfTotal: (pct) => pct,
  yoyPct: () => "YOY Chg %",
  qoqPct: () => "QOQ Chg %",
};

function columnsOf(place: StatementPlace): Omit<StatementLayout, "rows"> {
  const rows = place.block.rows;
  const at = measureRowIndex(rows);
  if (at < 0)
    return { columns: [], positions: [], problem: "no header row of measures (JPY, USD, %)" };
  const positions: number[] = [];
  const measures: Measure[] = [];
  rows[at].cells.forEach((c, i) => {
    const m = i === 0 ? null : measureOf(c);
    if (m) [positions.push(i), measures.push(m)];
  });
  const amounts = measures.filter((m) => m === "amount").length;
  const periods = headerPeriods(place, rows.slice(0, at), amounts);
  if (periods.length === 0)
    return {
      columns: [],
      positions: [],
      problem: `the header's dates do not name ${amounts} quarters`,
    };
  const dates = place.heading
    .concat(rows.slice(0, at).flatMap((r) => r.cells))
    .flatMap((t) => datesIn(t));
  const dateOf = (period: string) => {
    const d = dates.find((x) => quarterKeyOn(x) === period);
    return d ? printedDate(d) : period;
  };
  const pctText = percentHeader(rows.slice(0, at + 1), positions[measures.indexOf("pctOfTotal")]);
  let group = -1;
  const columns = measures.map((measure, i) => {
    if (measure === "amount" || (measure === "usd" && measures[i + 1] === "amount")) group++;
    const period =
      measure === "yoyPct" || measure === "qoqPct" ? periods[0] : periods[Math.max(0, group)];
    if (measure === "usd") group--;
    const text = MEASURE_TEXT[measure](pctText);
    const header =
      measure === "yoyPct" || measure === "qoqPct" ? text : `${dateOf(period)} ${text}`;
    return { header, period, measure };
  });
  return { columns, positions };
}

/** "% of Total Revenues" when the header prints it over two rows, "%" when it prints only that. */
function percentHeader(header: readonly PipeRow[], position: number | undefined): string {
  if (position === undefined) return "%";
  const parts = header.map((r) => stripMarkup(r.cells[position] ?? "")).filter((t) => t !== "");
  const joined = parts.filter((p) => /%|Total|Revenues/i.test(p)).join(" ");
  return joined === "" ? "%" : joined;
}

function isHeading(label: string, figures: number): boolean {
  if (/:$/.test(label)) return true;
  if (KNOWN_HEADINGS.some((h) => nameKey(h) === nameKey(label))) return true;
  return figures === 0 && /^[A-Z' &-]+$/.test(label) && /[A-Z]{3}/.test(label);
}

/** Whether a row's label is the total that ends the heading's section. */
function closes(label: string, heading: string): boolean {
  const l = nameKey(label);
  const h = nameKey(heading);
  return (l.startsWith("total") || l.startsWith("netcash")) && l.endsWith(h) && l !== h;
}

const PER_SHARE_LABEL = /per share|per ads|number of shares|number of ads/i;

function perShareUnit(label: string): PrintedUnit {
  const known = KNOWN_LINES.INCOME.find((k) => k.labels.some((l) => nameKey(l) === nameKey(label)));
  if (known?.unit) return known.unit;
  if (/number of ads/i.test(label)) return "ADS equivalents";
  return /number of shares/i.test(label) ? "shares" : "JPY";
}

/** Reads a statement's table: its columns, then its rows with their sections. */
export function readStatement(place: StatementPlace): StatementLayout {
  const layout = columnsOf(place);
  if (layout.problem) return { ...layout, rows: [] };
  const at = measureRowIndex(place.block.rows);
  const rows: ParsedRow[] = [];
  const stack: string[] = [];
  let fromHeading: FigureReading[][] | undefined;
  let headingLabel = "";
  let previousHeading = false;
  for (const row of place.block.rows.slice(at + 1)) {
    const label = stripMarkup(row.cells[0] ?? "");
    const raws = layout.positions.map((p) => (row.cells[p] ?? "").trim());
    const readings = raws.map(readCell);
    const figures = readings.filter((r) => r.kind === "figure").length;
    if (label === "") continue; // a rule or a blank line of the scan: nothing printed on it
    if (isHeading(label, figures)) {
      const text = label.replace(/:$/, "").trim();
      if (previousHeading && /\bAND$/i.test(stack[stack.length - 1] ?? ""))
        stack[stack.length - 1] = `${stack[stack.length - 1]} ${text}`;
      else stack.push(text);
      // What a heading carries is the next row's, moved up by the OCR; marks without a figure
      // (",," "-,,,") are noise and dropped.
      const carried = readings.map((r) =>
        readingsOf(r).filter((f) => f.value !== null && f.text !== "-")
      );
      fromHeading = carried.some((c) => c.length > 0) ? carried : undefined;
      headingLabel = label;
      previousHeading = true;
      continue;
    }
    previousHeading = false;
    const perShare = place.statement === "INCOME" && PER_SHARE_LABEL.test(label);
    const marked = withoutMarker(label);
    rows.push({
      label,
      section: perShare ? PER_SHARE_SECTION : stack.join(" / "),
      cells: raws.map((raw, i) => ({
        raw,
        reading: readings[i],
        expected: !perShare || layout.columns[i].measure === "amount",
      })),
      line: row.line,
      page: place.page,
      fromHeading,
      headingLabel: fromHeading ? headingLabel : undefined,
      marker: marked.marker,
      unit: perShare ? perShareUnit(label) : undefined,
    });
    fromHeading = undefined;
    const closing = [...stack].reverse().findIndex((h) => closes(label, h));
    if (closing >= 0) stack.splice(stack.length - 1 - closing);
  }
  return { ...layout, rows };
}

/**
 * A numbered table (Tables 1-5) read as title, unit, quarters and rows. The title and unit may be cut
 * short by the OCR ("Dedicated Access S | (JP | (JPY in millions)", "Statistics(JPY)"): a title is
 * completed only from the house title it begins, a unit only from what the cells print or, when
 * they name none exactly, from the house unit that the table's ties then have to confirm. A quarter
 * cut short in the header ("1Q0") is the one quarter of the release it can still be.
 */
import type { PrintedColumn, PrintedUnit } from "../../data/types";
import { nameKey } from "../names";
import { readCell } from "./cells";
import type { ParsedRow } from "./draft";
import { KNOWN_TABLES } from "./lexicon";
import { type TablePlace, isPeriodHeader, periodToken } from "./locate";
import { type PipeRow, italicLead, stripMarkup, withoutMarker } from "./text";

export interface TableTitle {
  readonly number: number;
  readonly title: string;
  readonly unit: PrintedUnit;
  /** The unit as the settled title prints it: "JPY in millions", "Unit: Gbps". */
  readonly unitText: string;
  /** What the OCR printed, when it had to be completed. */
  readonly repaired?: { readonly ocr: string; readonly why: string };
  /** The unit was not printed exactly and rests on the table's ties (see settle). */
  readonly unitToConfirm: boolean;
}

const UNITS: readonly {
  readonly pattern: RegExp;
  readonly unit: PrintedUnit;
  readonly text: string;
}[] = [
  { pattern: /JPY in millions/i, unit: "JPY millions", text: "JPY in millions" },
  { pattern: /JPY in thousands/i, unit: "JPY thousands", text: "JPY in thousands" },
  { pattern: /Gbps/i, unit: "Gbps", text: "Unit: Gbps" },
];

function parentheticals(cells: readonly string[]): string[] {
  const texts: string[] = [];
  cells.forEach((cell, i) => {
    const t = stripMarkup(cell);
    const body = i === 0 ? t.replace(/^Table\s+\d+\s*\.?\s*/i, "") : t;
    for (const m of body.matchAll(/\(([^()]*)\)?/g)) texts.push(m[1].trim());
  });
  return texts.filter((t) => t !== "");
}

export function readTitle(place: TablePlace): TableTitle {
  const known = KNOWN_TABLES.find((k) => k.number === place.number);
  const first = stripMarkup(place.titleCells[0] ?? "").replace(/^Table\s+\d+\s*\.?\s*/i, "");
  const printedTitle = first.replace(/\s*\(.*$/, "").trim();
  const units = parentheticals(place.titleCells);
  const exact = UNITS.find((u) => units.some((t) => u.pattern.test(t)));
  let title = printedTitle;
  const why: string[] = [];
  if (
    known &&
    nameKey(known.title).startsWith(nameKey(printedTitle)) &&
    printedTitle !== known.title
  ) {
    title = known.title;
    why.push(
      `title cut short: "${printedTitle}" begins Table ${place.number}'s title, "${known.title}"`
    );
  }
  const unit = exact?.unit ?? known?.unit ?? "JPY millions";
  const unitText = exact?.text ?? UNITS.find((u) => u.unit === unit)?.text ?? unit;
  const clean = units.length === 0 || (units.length === 1 && exact !== undefined);
  if (!clean) why.push(`unit printed as ${units.map((u) => `"(${u})"`).join(" and ")}`);
  const ocr = place.titleCells.map((c) => stripMarkup(c)).join(" | ");
  return {
    number: place.number,
    title: `Table ${place.number}. ${title}`,
    unit,
    unitText,
    repaired: why.length > 0 ? { ocr, why: why.join("; ") } : undefined,
    unitToConfirm: exact === undefined && units.length > 0,
  };
}

export interface TableQuarters {
  readonly columns: readonly PrintedColumn[];
  readonly headerRow?: PipeRow;
  /** A quarter the header cut short ("1Q0"), settled as the one quarter of the release it fits. */
  readonly repaired?: { readonly ocr: string; readonly settled: string; readonly why: string };
  readonly problem?: string;
}

/** The quarters of the table's header; a truncated one is the release's only quarter it can be. */
export function readQuarters(place: TablePlace, releaseQuarters: readonly string[]): TableQuarters {
  const headerRow = place.rows.find(isPeriodHeader);
  if (!headerRow) return { columns: [], problem: "no header of quarters" };
  const tokens = headerRow.cells
    .slice(1)
    .flatMap((c) => stripMarkup(c).split(/\s+/))
    .filter((t) => periodToken(t) !== null);
  const read = tokens.map((t) => periodToken(t) as string);
  const full = read.filter((t) => /^[1-4]Q\d{2}$/.test(t));
  const periods = read.map((t) => {
    if (/^[1-4]Q\d{2}$/.test(t)) return t;
    const fits = releaseQuarters.filter((q) => q.startsWith(t) && !full.includes(q));
    return fits.length === 1 ? fits[0] : null;
  });
  if (periods.some((p) => p === null))
    return {
      columns: [],
      headerRow,
      problem: `a quarter in the header ("${tokens.join(" ")}") fits more than one quarter, or none`,
    };
  const settled = periods as string[];
  const cut = tokens.filter((t, i) => t !== settled[i]);
  const columns = settled.map((p) => ({ header: p, period: p, measure: "amount" as const }));
  if (cut.length === 0) return { columns, headerRow };
  const ocr = headerRow.cells
    .slice(1)
    .map((c) => stripMarkup(c))
    .filter((c) => c !== "")
    .join(" | ");
  const why = cut
    .map((t) => {
      const [as, quarter] = [periodToken(t) as string, settled[tokens.indexOf(t)]];
      return as === quarter
        ? `"${t}" has letters for digits: read as ${quarter}`
        : `"${t}" is cut short: of the release's quarters (${releaseQuarters.join(", ")}) only ${quarter} begins with ${as === t ? "it" : `it (read as ${as})`} and is not already in the header`;
    })
    .join("; ");
  return { columns, headerRow, repaired: { ocr, settled: settled.join(" | "), why } };
}

/** A row's label, the italic group printed before it, and its footnote marker. */
function labelParts(raw: string): { label: string; group?: string; marker?: string } {
  const lead = italicLead(raw);
  const marked = withoutMarker(stripMarkup(raw));
  if (!lead) return { label: marked.text, marker: marked.marker };
  const rest = marked.text.slice(lead.length).trim();
  if (rest === "" || rest.startsWith("(")) return { label: marked.text, marker: marked.marker };
  return { label: rest, group: lead, marker: marked.marker };
}

/** The table's printed rows (header and title rows left out), one cell per quarter. */
export function readRows(place: TablePlace, quarters: TableQuarters, page: string): ParsedRow[] {
  const count = quarters.columns.length;
  return place.rows
    .filter(
      (r) => r !== quarters.headerRow && !isPeriodHeader(r) && stripMarkup(r.cells[0] ?? "") !== ""
    )
    .map((r) => {
      const raws = Array.from({ length: count }, (_, i) => (r.cells[i + 1] ?? "").trim());
      return {
        ...labelParts(r.cells[0]),
        section: "",
        cells: raws.map((raw) => ({ raw, reading: readCell(raw), expected: true })),
        line: r.line,
        page: r.page || page,
      };
    });
}

/** "page 6", or "pages 5-6" for a table the page break splits. */
export function tablePages(place: TablePlace): string {
  const pages = [
    ...new Set([
      ...place.rows.map((r) => r.page),
      ...(place.detached?.values.map((v) => v.page) ?? []),
    ]),
  ]
    .filter((p) => p !== "")
    .map((p) => Number(p.replace("page ", "")))
    .sort((a, b) => a - b);
  if (pages.length === 0) return "";
  return pages.length === 1 ? `page ${pages[0]}` : `pages ${pages[0]}-${pages[pages.length - 1]}`;
}

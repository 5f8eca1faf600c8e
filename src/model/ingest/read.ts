/**
 * A release's text read into draft tables: the statements (Appendices 1-3) and the numbered tables,
 * rows mapped to the model's line ids, footnotes attached, title and header repairs noted. Nothing
 * here settles a figure: settle.ts does, by the arithmetic.
 */
import type { Repair } from "../../data/types";
import { nameKey } from "../names";
import type { DraftRow, DraftTable, ParsedRow } from "./draft";
import { readQuarters, readRows, readTitle, tablePages } from "./kpi-table";
import { KNOWN_LINES, KNOWN_TABLES } from "./lexicon";
import {
  type StatementPlace,
  type TablePlace,
  locateGuidance,
  locateStatements,
  locateTables,
} from "./locate";
import { labelKey, labelRepairs, mapRows } from "./mapping";
import { footnotedTerms, footnotes } from "./prose";
import { readStatement } from "./statement-table";
import { type PipeBlock, type SourceLine, pipeBlocks } from "./text";

const TITLE_WORDS =
  /(CONDENSED\s+)?CONSOLIDATED\s+(STATEMENTS?\s+OF\s+OPERATIONS|BALANCE\s+SHEETS?|STATEMENTS?\s+OF\s+CASH\s+FLOWS?)/i;

/** The house titles, for a title the OCR cut short. */
const HOUSE_TITLES: Readonly<Record<string, string>> = {
  INCOME: "Consolidated Statements of Operations",
  BALANCE: "Consolidated Balance Sheets",
  CASHFLOW: "Condensed Consolidated Statements of Cash Flows",
};

/** "CONSOLIDATED BALANCE SHEETS As of ..." -> "Consolidated Balance Sheets". */
function statementTitle(place: StatementPlace): string {
  const m = TITLE_WORDS.exec(place.heading[0] ?? "");
  if (!m) return HOUSE_TITLES[place.statement];
  const words = m[0].toLowerCase().split(/\s+/);
  return words
    .map((w) => (w === "of" || w === "and" ? w : w[0].toUpperCase() + w.slice(1)))
    .join(" ");
}

export interface DraftRelease {
  readonly tables: DraftTable[];
  readonly statements: readonly StatementPlace[];
  readonly guidance: ReturnType<typeof locateGuidance>;
  readonly problems: string[];
}

function readStatementTables(places: readonly StatementPlace[], problems: string[]): DraftTable[] {
  return places.flatMap((place) => {
    const layout = readStatement(place);
    if (layout.problem) {
      problems.push(`${place.statement}: ${layout.problem}`);
      return [];
    }
    const known = KNOWN_LINES[place.statement];
    const rows = mapRows(layout.rows, known, new Set(known.map((k) => k.id as string)));
    return [
      {
        statement: place.statement,
        title: statementTitle(place),
        page: place.page,
        unit: "JPY thousands" as const,
        columns: layout.columns,
        rows,
        repairs: labelRepairs(place.statement, rows),
      },
    ];
  });
}

/** A detached row label becomes a row of blank cells, which the arithmetic or a judgement fills. */
function withDetachedRow(place: TablePlace, rows: ParsedRow[], count: number): ParsedRow[] {
  const detached = place.detached;
  if (!detached || rows.some((r) => labelKey(r.label) === labelKey(detached.label))) return rows;
  const blank = { raw: "", reading: { kind: "blank" as const }, expected: true };
  const at = detached.values[0];
  return [
    ...rows,
    {
      label: detached.label,
      section: "",
      cells: Array.from({ length: count }, () => blank),
      line: at.line,
      page: at.page,
    },
  ];
}

function tableRepairs(
  place: TablePlace,
  rows: readonly DraftRow[],
  quarters: ReturnType<typeof readQuarters>
): Repair[] {
  const title = readTitle(place);
  const first = rows[0]?.id ?? "";
  const repairs: Repair[] = [];
  if (quarters.repaired)
    repairs.push({
      statement: "KPI",
      rowId: first,
      column: "header",
      ocr: quarters.repaired.ocr,
      settled: quarters.repaired.settled,
      reason: `Quarter misread in the header: ${quarters.repaired.why}.`,
    });
  if (title.repaired)
    repairs.push({
      statement: "KPI",
      rowId: first,
      column: "header",
      ocr: title.repaired.ocr,
      settled: `${title.title} (${title.unitText})`,
      reason: `The OCR garbled the title: ${title.repaired.why}.`,
    });
  return repairs;
}

function readKpiTables(
  places: readonly TablePlace[],
  quarters: readonly string[],
  problems: string[]
): DraftTable[] {
  const used = new Set(KNOWN_TABLES.flatMap((t) => t.lines.map((l) => l.id as string)));
  return places
    .slice()
    .sort((a, b) => a.number - b.number)
    .flatMap((place) => {
      const read = readQuarters(place, quarters);
      if (read.problem) {
        problems.push(`Table ${place.number}: ${read.problem}`);
        return [];
      }
      const known = KNOWN_TABLES.find((k) => k.number === place.number);
      const parsed = withDetachedRow(place, readRows(place, read, ""), read.columns.length);
      const rows = mapRows(parsed, known?.lines ?? [], used);
      const title = readTitle(place);
      const detachedRow =
        place.detached &&
        rows.find((r) => labelKey(r.label) === labelKey(place.detached?.label ?? ""));
      return [
        {
          statement: "KPI" as const,
          title: title.title,
          page: tablePages(place),
          unit: title.unit,
          columns: read.columns,
          rows,
          repairs: [...tableRepairs(place, rows, read), ...labelRepairs("KPI", rows)],
          detached:
            detachedRow && place.detached
              ? { rowId: detachedRow.id, values: place.detached.values }
              : undefined,
          number: place.number,
        },
      ];
    });
}

/** Footnotes: a row's own marker, or a term the prose marks ("EBITDA^(*1)") that a row is labelled. */
function withFootnotes(tables: readonly DraftTable[], lines: readonly SourceLine[]): DraftTable[] {
  const notes = footnotes(lines);
  const terms = footnotedTerms(lines);
  return tables.map((t) => ({
    ...t,
    rows: t.rows.map((r) => {
      const marker =
        r.marker ?? [...terms].find(([term]) => nameKey(term) === labelKey(r.label))?.[1];
      const note = marker ? notes.get(marker) : undefined;
      return note ? { ...r, footnote: note } : r;
    }),
  }));
}

export function readRelease(lines: readonly SourceLine[]): DraftRelease {
  const problems: string[] = [];
  const blocks = pipeBlocks(lines);
  const statements = locateStatements(lines, blocks);
  const guidance = locateGuidance(lines, blocks);
  const taken = new Set<PipeBlock>([
    ...statements.flatMap((s) => s.parts),
    ...(guidance ? [guidance.block] : []),
  ]);
  const statementTables = readStatementTables(statements, problems);
  // Some statements but not all: the missing ones are a problem of this release (none at all is
  // no release, which ingest says).
  if (statementTables.length > 0)
    for (const statement of ["INCOME", "BALANCE", "CASHFLOW"])
      if (!statements.some((s) => s.statement === statement))
        problems.push(`${HOUSE_TITLES[statement]}: not found in the text`);
  const quarters = [...new Set(statementTables.flatMap((t) => t.columns.map((c) => c.period)))];
  const places = locateTables(
    lines,
    blocks.filter((b) => !taken.has(b))
  );
  const kpis = readKpiTables(places, quarters, problems);
  return {
    tables: withFootnotes([...statementTables, ...kpis], lines),
    statements,
    guidance,
    problems,
  };
}

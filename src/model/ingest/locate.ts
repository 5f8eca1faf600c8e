/**
 * Where a release prints what: the three statements (by their printed titles, each with the pipe
 * table under it and the notes after it), the numbered tables wherever they stand (a title in a
 * table row, or a line of prose before or after the rows; a table split by a page break continues
 * in the next block that has no header of its own), the guidance table, and values the OCR left
 * outside their table.
 */
import type { LineStatement } from "../statements";
import { readCell } from "./cells";
import { KNOWN_TABLES } from "./lexicon";
import { type PipeBlock, type PipeRow, type SourceLine, stripMarkup } from "./text";
import { nameKey } from "../names";

export type FinancialStatementId = Exclude<LineStatement, "KPI">;

export interface StatementPlace {
  readonly statement: FinancialStatementId;
  /** The title line and the lines between it and the table (subtitle, units). */
  readonly heading: readonly string[];
  /** The table's rows: one block, or the blocks a page break split it into, joined. */
  readonly block: PipeBlock;
  /** The blocks the table was printed in (more than one where a page break split it). */
  readonly parts: readonly PipeBlock[];
  /** The lines after the table up to the next statement: its notes. */
  readonly notes: readonly string[];
  /** "Appendix N": the statements follow the numbered pages. */
  readonly page: string;
}

/** A value printed away from its table: on a line of its own, between paragraphs. */
export interface DetachedValue {
  readonly line: number;
  readonly page: string;
  readonly text: string;
}

export interface TablePlace {
  readonly number: number;
  /** The title as printed: its first cell (or line) and any unit cells, with their OCR text. */
  readonly titleCells: readonly string[];
  readonly rows: readonly PipeRow[];
  /** A row label printed away from the table, with the values printed near it. */
  readonly detached?: { readonly label: string; readonly values: readonly DetachedValue[] };
}

export interface GuidancePlace {
  readonly title: string;
  readonly page: string;
  readonly rows: readonly PipeRow[];
}

/**
 * The statements' titles as printed, in capitals (the prose speaks of "the statements of operations"
 * in lower case), matched on enough of the title to survive a truncation ("BALANCE SHE").
 */
const STATEMENT_TITLES: readonly [FinancialStatementId, RegExp][] = [
  ["INCOME", /STATEMENTS? OF OPERA/],
  ["BALANCE", /BALANCE SHE/],
  ["CASHFLOW", /STATEMENTS? OF CASH/],
];

function statementTitled(text: string): FinancialStatementId | undefined {
  return STATEMENT_TITLES.find(([, pattern]) => pattern.test(text))?.[0];
}

export function locateStatements(
  lines: readonly SourceLine[],
  blocks: readonly PipeBlock[]
): StatementPlace[] {
  const titles = lines
    .map((l) => ({ line: l, statement: statementTitled(l.text) }))
    .filter((t) => t.statement !== undefined && !t.line.text.trim().startsWith("|"));
  const places: StatementPlace[] = [];
  let appendix = 0;
  let searchFrom = 0;
  const titleAfter = (at: number) =>
    titles.find((t) => t.line.index > at)?.line.index ?? lines.length;
  titles.forEach(({ line, statement }, i) => {
    const block = blocks.find((b) => b.first > line.index);
    const nextTitle = titles[i + 1]?.line.index ?? lines.length;
    if (!block || block.first > nextTitle || places.some((p) => p.statement === statement)) return;
    const printed = lines
      .slice(searchFrom, line.index + 1)
      .map((l) => /^Appendix\s+(\d+)\b/.exec(l.text.trim()))
      .filter((m) => m !== null)
      .pop();
    appendix = printed ? Number(printed[1]) : appendix + 1;
    const heading = lines
      .slice(line.index, block.first)
      .map((l) => l.text.trim())
      .filter((t) => t);
    const parts = continued(block, lines, blocks, (t) => isBreakLine(t, statement, heading));
    const joined = joinBlocks(parts);
    searchFrom = joined.last + 1;
    places.push({
      statement: statement as FinancialStatementId,
      heading,
      block: joined,
      parts,
      // The notes run to the next statement's title after the table: a title printed again on
      // the page the table continues on is inside it.
      notes: lines.slice(joined.last + 1, titleAfter(joined.last)).map((l) => l.text),
      page: `Appendix ${appendix}`,
    });
  });
  return places;
}

/** A page's number or mark as a line of its own: "Page 7", "- 7 -", "7". */
const PAGE_LINE = /^(?:page\s+\d+|[-–—]?\s*\d{1,2}\s*[-–—]?)$/i;

/**
 * Whether a line may stand between a statement's rows and their continuation after a page break:
 * blank, a page mark, the statement's title or heading printed again, or "(continued)".
 */
function isBreakLine(text: string, statement: string | undefined, heading: readonly string[]) {
  const t = text.trim();
  return (
    t === "" ||
    PAGE_LINE.test(t) ||
    /^\(?continued\)?$/i.test(t) ||
    (statement !== undefined && statementTitled(t) === statement) ||
    heading.includes(t)
  );
}

const widthOf = (block: PipeBlock) => Math.max(...block.rows.map((r) => r.cells.length));

/**
 * A table and the blocks that continue it: each next block as wide as the table, with nothing
 * but break lines between (a page break, a blank line the OCR put between two rows).
 */
function continued(
  first: PipeBlock,
  lines: readonly SourceLine[],
  blocks: readonly PipeBlock[],
  isBreak: (text: string) => boolean
): PipeBlock[] {
  const parts = [first];
  for (let at = blocks.indexOf(first) + 1; at < blocks.length; at++) {
    const [last, next] = [parts[parts.length - 1], blocks[at]];
    const gap = lines.slice(last.last + 1, next.first);
    if (widthOf(next) !== widthOf(first) || !gap.every((l) => isBreak(l.text))) break;
    parts.push(next);
  }
  return parts;
}

function joinBlocks(parts: readonly PipeBlock[]): PipeBlock {
  if (parts.length === 1) return parts[0];
  return {
    first: parts[0].first,
    last: parts[parts.length - 1].last,
    rows: parts.flatMap((p) => p.rows),
  };
}

const TABLE_TITLE = /^Table\s+(\d+)\s*\.?\s*(.*)$/i;

/** The number of a "Table N. ..." title, or null. */
function tableNumber(text: string): number | null {
  const m = TABLE_TITLE.exec(stripMarkup(text));
  return m ? Number(m[1]) : null;
}

/** A quarter as a header prints it, its digits possibly letters to the OCR ("4QOO", "lQ01"). */
const PERIOD_TOKEN = /^[1-4lI]Q[\dOoIl]{0,2}$/;
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = { O: "0", o: "0", I: "1", l: "1" };

/** A header's token as a quarter ("1Q01", or cut short "1Q0"), letters read as digits; or null. */
export function periodToken(token: string): string | null {
  if (!PERIOD_TOKEN.test(token)) return null;
  return token.replace(/[OoIl]/g, (ch) => DIGIT_LOOKALIKES[ch]);
}

/** Whether a row is a header of quarters ("| | 1Q01 | 4Q00 | 1Q00 |", or all in one cell). */
export function isPeriodHeader(row: PipeRow): boolean {
  const tokens = row.cells.slice(1).flatMap((c) => stripMarkup(c).split(/\s+/));
  return tokens.filter((t) => periodToken(t) !== null).length >= 2;
}

interface TableDraft {
  number: number | null;
  titleCells: string[];
  rows: PipeRow[];
  last: number;
}

/** The numbered tables, from the pipe blocks that are not statements or guidance, in order. */
export function locateTables(
  lines: readonly SourceLine[],
  blocks: readonly PipeBlock[]
): TablePlace[] {
  const tables: TableDraft[] = [];
  let pendingTitle: string | null = null;
  let blockIndex = 0;
  for (const line of lines) {
    const block = blocks[blockIndex];
    if (block && line.index === block.first) {
      blockIndex++;
      pendingTitle = takeBlock(block, tables, pendingTitle);
      continue;
    }
    if (line.text.trim().startsWith("|")) continue;
    const number = tableNumber(line.text.trim());
    if (number === null) continue;
    // A title printed under its rows names the untitled table just above it; else the next one.
    const untitled = tables.find((t) => t.number === null && line.index - t.last <= 4);
    if (untitled) {
      untitled.number = number;
      untitled.titleCells = [line.text.trim()];
    } else pendingTitle = line.text.trim();
  }
  return tables
    .filter((t): t is TableDraft & { number: number } => t.number !== null)
    .map((t) => ({ number: t.number, titleCells: t.titleCells, rows: t.rows }))
    .map((t) => withDetached(t, lines, blocks));
}

/** Lines a page break may put between a table's rows and their continuation. */
const CONTINUATION_GAP = 15;

/** Splits a block at its title rows; returns a prose title still waiting for its table. */
function takeBlock(block: PipeBlock, tables: TableDraft[], pendingTitle: string | null) {
  let current: TableDraft | undefined = tables[tables.length - 1];
  block.rows.forEach((row, i) => {
    const number = tableNumber(row.cells[0] ?? "");
    if (number !== null) {
      current = { number, titleCells: row.cells.filter((c) => c !== ""), rows: [], last: row.line };
      tables.push(current);
      return;
    }
    // A block that starts with a header of quarters is a new table; one that does not continues
    // the table before it (Table 1 runs across the page 5/6 break).
    if (i === 0 && current && !isPeriodHeader(row) && block.first - current.last > CONTINUATION_GAP)
      current = undefined;
    if (i === 0 && isPeriodHeader(row)) {
      const titled = pendingTitle !== null ? tableNumber(pendingTitle) : null;
      current = {
        number: titled,
        titleCells: pendingTitle !== null ? [pendingTitle] : [],
        rows: [],
        last: row.line,
      };
      tables.push(current);
      pendingTitle = null;
    }
    if (!current) return;
    current.rows.push(row);
    current.last = row.line;
  });
  if (current) current.last = block.last;
  return pendingTitle;
}

/**
 * A table printed with a header and no rows whose row label and values stand as lines of their own
 * in the prose after it (before the next table): the label is a known row label of that table.
 */
function withDetached(
  table: TablePlace,
  lines: readonly SourceLine[],
  blocks: readonly PipeBlock[]
): TablePlace {
  if (table.rows.some((r) => !isPeriodHeader(r))) return table;
  const last = table.rows[table.rows.length - 1]?.line ?? -1;
  const next = blocks.find((b) => b.first > last)?.first ?? lines.length;
  const known = KNOWN_TABLES.find((k) => k.number === table.number);
  const labels = new Set(known?.lines.flatMap((l) => l.labels.map(nameKey)) ?? []);
  const between = lines.slice(last + 1, next);
  const label = between.find((l) => labels.has(nameKey(l.text)));
  const values = between
    .filter((l) => {
      const reading = readCell(l.text.trim());
      return reading.kind === "figure" && reading.readings.length === 1;
    })
    .map((l) => ({ line: l.index, page: l.page, text: l.text.trim() }));
  if (!label || values.length === 0) return table;
  return { ...table, detached: { label: label.text.trim(), values } };
}

const GUIDANCE_TITLE = /Anticipated Financial Performance for the .*/i;

export function locateGuidance(
  lines: readonly SourceLine[],
  blocks: readonly PipeBlock[]
): (GuidancePlace & { readonly block: PipeBlock }) | null {
  const titleLine = lines.find(
    (l) => GUIDANCE_TITLE.test(l.text) && !l.text.trim().startsWith("|")
  );
  if (!titleLine) return null;
  const block = blocks.find((b) => b.first > titleLine.index);
  if (!block || block.first - titleLine.index > 4) return null;
  return { title: titleLine.text.trim(), page: titleLine.page, rows: block.rows, block };
}

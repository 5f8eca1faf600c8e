/**
 * What a reload writes, given what is on the sheet now and what the model wrote last time. Pure,
 * so the rule that protects the analyst's work is tested without Excel.
 *
 * A cell belongs to the analyst when it holds something other than what the model last wrote there
 * (a note beside the model, their own rows below it, a value typed into a blank cell). The model
 * owns the cells of its new plan and the cells it wrote before that the analyst has not typed over.
 * Analyst cells outside the new plan are carried over untouched: they are not written at all, so an
 * edit made while the load runs is not undone, and neither are the formats, fills and lists of
 * cells that are nobody's but the analyst's. An analyst cell the new plan needs (they typed over a
 * printed figure, or the layout moved onto their note) is a conflict: then nothing is merged, the
 * old sheet is kept whole under another name, and the new model goes on a fresh sheet.
 */
import { type SheetPlan, a1, cellFormula } from "./plan-types";

export type Cell = string | number | boolean;
export type Grid = Cell[][];
/** A grid to write: null leaves that cell as it is (Office.js ignores null in a 2-D array). */
export type WriteGrid = (Cell | null)[][];

/**
 * What the layout record holds for a cell the plan draws but leaves blank (a driver's "Your value"
 * cell, which carries the scenario list): an empty-text formula, which no one types by accident.
 * It keeps such a cell the model's, so its list and formats go when the layout moves.
 */
export const BLANK_MODEL_CELL = '=""';

export interface MergeResult {
  /**
   * What to write over `rows` x `columns` from A1: the plan's cells, "" to clear what the model
   * wrote before and no longer writes, null for every other cell (the analyst's, or nobody's).
   */
  readonly formulas: WriteGrid;
  readonly rows: number;
  readonly columns: number;
  /** true where the cell is the analyst's (kept as it is, formats included). */
  readonly analystOwned: boolean[][];
  /**
   * true where the cell is the model's: it draws it now, or drew it before and the analyst has not
   * typed over it. Only these cells' formats, lists and conditional formats are reset.
   */
  readonly modelCells: boolean[][];
  /** Addresses where the analyst's content collides with the new plan. */
  readonly conflicts: readonly string[];
  /** How many analyst cells were carried over. */
  readonly carried: number;
  /** What the model writes this time (its layout record), to remember for the next reload. */
  readonly record: Grid;
}

const isBlank = (v: unknown) => v === "" || v === null || v === undefined;

/** Same content as Excel reports it: numbers and their text compare equal ("1" written, 1 read). */
export function sameContent(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a === "number" || typeof b === "number")
    return Number(a) === Number(b) && !isBlank(a) && !isBlank(b);
  return String(a) === String(b);
}

const at = (grid: Grid | null, r: number, c: number) => grid?.[r]?.[c] ?? "";

/**
 * The layout record of `plan`: what the model writes over its rows x columns from A1, "" where it
 * draws nothing, BLANK_MODEL_CELL where it draws a cell and leaves it blank.
 */
export function layoutRecordOf(plan: SheetPlan): Grid {
  const record: Grid = Array.from({ length: plan.rowCount }, () =>
    Array(plan.columnCount).fill("")
  );
  for (const cell of plan.cells) {
    const content = cellFormula(cell);
    record[cell.row][cell.col] = isBlank(content) ? BLANK_MODEL_CELL : content;
  }
  return record;
}

/** What one cell of a reload is: whose, what to write there, and how it counts. */
function mergeCell(now: Cell, before: Cell, next: Cell) {
  const content = next === BLANK_MODEL_CELL ? "" : next;
  const analysts = !isBlank(now) && !sameContent(now, before);
  const model = !analysts && (!isBlank(next) || !isBlank(before));
  // Never the analyst's cells; the model's old content the new plan leaves blank is cleared.
  const write = analysts ? null : !isBlank(content) ? content : isBlank(now) ? null : "";
  const carried = analysts && isBlank(content);
  const conflict = analysts && !isBlank(content) && !sameContent(now, content);
  return { analysts, model, write, carried, conflict };
}

/**
 * @param current formulas on the sheet now, from A1 (empty when the sheet is new)
 * @param previous what the model wrote at the last load, its layout record from A1 (null when
 * there is none: then every cell with content is taken as the analyst's)
 */
export function mergeSheet(plan: SheetPlan, current: Grid, previous: Grid | null): MergeResult {
  const record = layoutRecordOf(plan);
  const rows = Math.max(plan.rowCount, current.length, previous?.length ?? 0);
  const columns = Math.max(
    plan.columnCount,
    ...current.map((r) => r.length),
    ...(previous ?? []).map((r) => r.length)
  );
  const formulas: WriteGrid = [];
  const analystOwned: boolean[][] = [];
  const modelCells: boolean[][] = [];
  const conflicts: string[] = [];
  let carried = 0;
  for (let r = 0; r < rows; r++) {
    formulas.push([]);
    analystOwned.push([]);
    modelCells.push([]);
    for (let c = 0; c < columns; c++) {
      const cell = mergeCell(at(current, r, c), at(previous, r, c), at(record, r, c));
      formulas[r].push(cell.write);
      analystOwned[r].push(cell.analysts);
      modelCells[r].push(cell.model);
      if (cell.carried) carried++;
      if (cell.conflict) conflicts.push(a1(r, c));
    }
  }
  return { formulas, rows, columns, analystOwned, modelCells, conflicts, carried, record };
}

/** The sheet an address names ("'IIJ Model layout'!A1:I262" is on "IIJ Model layout"). */
export function sheetOfAddress(address: string): string {
  const sheet = address.slice(0, address.lastIndexOf("!"));
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** Reads "Sheet1!B3:D9" / "'IIJ Model'!A1" into 0-based first row and column. */
export function topLeftOf(address: string): { row: number; col: number } {
  const ref = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(ref);
  if (!m) throw new Error(`Unreadable address ${address}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** Places a block read at `address` into a grid anchored at A1. */
export function anchorAtA1(address: string, block: Grid): Grid {
  const { row, col } = topLeftOf(address);
  const grid: Grid = Array.from({ length: row + block.length }, () => []);
  block.forEach((line, r) => {
    const target = grid[row + r];
    for (let c = 0; c < col; c++) target[c] = "";
    line.forEach((v, c) => (target[col + c] = v));
  });
  return grid.map((line) =>
    Array.from({ length: Math.max(line.length, 0) }, (_, c) => line[c] ?? "")
  );
}

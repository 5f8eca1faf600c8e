/**
 * What a reload writes, given what is on the sheet now and what the model wrote last time. Pure,
 * so the rule that protects the analyst's work is tested without Excel.
 *
 * A cell belongs to the analyst when it holds something other than what the model last wrote there
 * (a note beside the model, their own rows below it, a value typed into a blank cell). The model
 * owns the cells of its new plan. Analyst cells outside the new plan are carried over untouched;
 * an analyst cell the new plan needs (they typed over a printed figure, or the layout moved onto
 * their note) is a conflict: then nothing is merged, the old sheet is kept whole under another
 * name, and the new model goes on a fresh sheet.
 */
import { type SheetPlan, a1, cellFormula } from "./plan-types";

export type Grid = (string | number | boolean)[][];

export interface MergeResult {
  /** The formulas to write over `rows` x `columns` from A1: plan cells, analyst cells, and "" to clear. */
  readonly formulas: Grid;
  readonly rows: number;
  readonly columns: number;
  /** true where the cell is the analyst's (kept as it is, formats included). */
  readonly analystOwned: boolean[][];
  /** Addresses where the analyst's content collides with the new plan. */
  readonly conflicts: readonly string[];
  /** How many analyst cells were carried over. */
  readonly carried: number;
  /** What the model writes this time, to remember for the next reload. */
  readonly modelFormulas: Grid;
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

/** What the model writes for `plan` over its rows x columns from A1, "" where it writes nothing. */
export function modelFormulasOf(plan: SheetPlan): Grid {
  const modelFormulas: Grid = Array.from({ length: plan.rowCount }, () =>
    Array(plan.columnCount).fill("")
  );
  for (const cell of plan.cells) modelFormulas[cell.row][cell.col] = cellFormula(cell);
  return modelFormulas;
}

/**
 * @param current formulas on the sheet now, from A1 (empty when the sheet is new)
 * @param previous what the model wrote at the last load, from A1 (null when never loaded)
 */
export function mergeSheet(plan: SheetPlan, current: Grid, previous: Grid | null): MergeResult {
  const modelFormulas = modelFormulasOf(plan);
  const rows = Math.max(plan.rowCount, current.length, previous?.length ?? 0);
  const columns = Math.max(
    plan.columnCount,
    ...current.map((r) => r.length),
    ...(previous ?? []).map((r) => r.length)
  );
  const formulas: Grid = [];
  const analystOwned: boolean[][] = [];
  const conflicts: string[] = [];
  let carried = 0;
  for (let r = 0; r < rows; r++) {
    formulas.push([]);
    analystOwned.push([]);
    for (let c = 0; c < columns; c++) {
      const now = at(current, r, c);
      const next = at(modelFormulas, r, c);
      const analysts = !isBlank(now) && !sameContent(now, at(previous, r, c));
      analystOwned[r].push(analysts);
      if (analysts && isBlank(next)) {
        formulas[r].push(now);
        carried++;
      } else {
        if (analysts && !sameContent(now, next)) conflicts.push(a1(r, c));
        formulas[r].push(next);
      }
    }
  }
  return { formulas, rows, columns, analystOwned, conflicts, carried, modelFormulas };
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

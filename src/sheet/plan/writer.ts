/** Collects what the section builders write: cells, names, check areas, lists and charts. */
import {
  type CellStyle,
  type PlanArea,
  type PlanCell,
  type PlanChart,
  type PlanName,
  type PlanValidation,
  signedSum,
} from "../plan-types";
import { ID_COL, LABEL_COL, type PeriodColumn, type YearColumn } from "./columns";
import type { RowId, SheetLayout } from "./layout";

export type CellContent = Omit<PlanCell, "row" | "col">;

export class SheetWriter {
  private readonly written: PlanCell[] = [];
  readonly names: PlanName[] = [];
  readonly checkAreas: PlanArea[] = [];
  readonly validations: PlanValidation[] = [];
  readonly charts: PlanChart[] = [];

  put(row: number, col: number, content: CellContent): void {
    this.written.push({ row, col, ...content });
  }

  text(row: number, col: number, text: string, style: CellStyle): void {
    this.put(row, col, { text, style });
  }

  /** A row's printed label in column A and, if it has one, its stable id in column B. */
  label(row: number, label: string, id?: string): void {
    this.text(row, LABEL_COL, label, "label");
    if (id !== undefined) this.text(row, ID_COL, id, "id");
  }

  name(name: string, row: number, col: number, comment: string): void {
    this.names.push({ name, row, col, comment });
  }

  /** The cells in row-major order (within a row, in the order they were written). */
  rowMajorCells(): PlanCell[] {
    return this.written
      .map((cell, i) => ({ cell, i }))
      .sort((a, b) => a.cell.row - b.cell.row || a.i - b.i)
      .map(({ cell }) => cell);
  }
}

/**
 * A labelled row with a formula in every period column that `formula` gives one for: black in
 * the actual quarters, shaded as a forecast in the estimates and the fiscal year.
 */
export function formulaRow(
  layout: SheetLayout,
  out: SheetWriter,
  id: RowId,
  label: string,
  numberFormat: string,
  formula: (column: PeriodColumn) => string | null
): void {
  const row = layout.row(id);
  out.label(row, label);
  for (const column of layout.columns.all) {
    const f = formula(column);
    const style = column.kind === "actual" ? "formula" : "forecast";
    if (f) out.put(row, column.col, { formula: f, style, numberFormat });
  }
}

/** `=SUM(...)` (or another function) of a row over the quarters of a fiscal year. */
export function yearSum(layout: SheetLayout, id: RowId, year: YearColumn, fn = "SUM"): string {
  return `=${fn}(${year.parts.map((period) => layout.cell(id, period)).join(",")})`;
}

/** A weighted sum as Excel adds it: SUM of the parts when all add, else "a-b+c+d". */
export function weightedSum(terms: readonly { cell: string; weight: 1 | -1 }[]): string {
  if (terms.every((t) => t.weight === 1)) return `=SUM(${terms.map((t) => t.cell).join(",")})`;
  return `=${signedSum(terms)}`;
}

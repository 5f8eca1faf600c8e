/** The model sheet's contents, queued: which sheet they go on, formulas, number formats, the record. */
import type { Grid, MergeResult } from "../merge";
import { type SheetPlan, a1 } from "../plan-types";
import { LAYOUT_SHEET_NAME } from "./read";

/** The block of `sheet` from A1 over rows x columns. */
export const fromA1 = (sheet: Excel.Worksheet, rows: number, columns: number) =>
  sheet.getRange(`A1:${a1(rows - 1, columns - 1)}`);

function keptName(existing: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = `IIJ Model (kept ${n})`;
    if (!existing.includes(name)) return name;
  }
}

/**
 * The sheet this load writes: the model sheet, or a new one when there is none or when the
 * analyst's cells collide with the plan; then the old sheet is renamed and kept whole.
 */
export function queueTargetSheet(
  sheets: Excel.WorksheetCollection,
  modelSheet: Excel.Worksheet,
  sheetName: string,
  conflicting: boolean
): { target: Excel.Worksheet; keptSheet?: string } {
  if (modelSheet.isNullObject) return { target: sheets.add(sheetName) };
  if (!conflicting) return { target: modelSheet };
  const keptSheet = keptName(sheets.items.map((s) => s.name));
  modelSheet.name = keptSheet;
  return { target: sheets.add(sheetName), keptSheet };
}

/** The plan's number formats; the analyst's cells keep theirs (`current`), the rest "General". */
export function numberFormats(plan: SheetPlan, merged: MergeResult, current: Grid): Grid {
  const formats: Grid = Array.from({ length: merged.rows }, (_, r) =>
    Array.from({ length: merged.columns }, (_, c) =>
      merged.analystOwned[r][c] ? (current[r]?.[c] ?? "General") : "General"
    )
  );
  for (const cell of plan.cells)
    if (cell.numberFormat) formats[cell.row][cell.col] = cell.numberFormat;
  return formats;
}

export function queueContents(area: Excel.Range, formulas: Grid, formats: Grid): void {
  area.formulas = formulas;
  area.numberFormat = formats;
}

/** What this load writes, on the very hidden layout sheet, for the next load to compare with. */
export function queueLayoutRecord(
  sheets: Excel.WorksheetCollection,
  layout: Excel.Worksheet,
  plan: SheetPlan,
  modelFormulas: Grid
): void {
  const layoutSheet = layout.isNullObject ? sheets.add(LAYOUT_SHEET_NAME) : layout;
  if (!layout.isNullObject) layoutSheet.getRange().clear("Contents");
  fromA1(layoutSheet, plan.rowCount, plan.columnCount).formulas = modelFormulas;
  layoutSheet.visibility = "VeryHidden";
}

/**
 * The model sheet's contents, queued: the sheet written to (kept whole under another name when the
 * analyst's cells collide), then its formulas and number formats. Only the model's cells are
 * written; every other cell gets null, which Office.js leaves as it is.
 */
import type { MergeResult, WriteGrid } from "../merge";
import { type SheetPlan, a1 } from "../plan-types";
import { freeSheetName } from "./sheet-names";

/** The block of `sheet` from A1 over rows x columns. */
export const fromA1 = (sheet: Excel.Worksheet, rows: number, columns: number) =>
  sheet.getRange(`A1:${a1(rows - 1, columns - 1)}`);

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
  const taken = sheets.items.map((s) => s.name);
  const keptSheet = freeSheetName(
    taken,
    `${sheetName} (kept 1)`,
    (n) => `${sheetName} (kept ${n})`
  );
  modelSheet.name = keptSheet;
  return { target: sheets.add(sheetName), keptSheet };
}

/** The plan's number formats on the model's cells, "General" where it writes none, null elsewhere. */
export function numberFormats(plan: SheetPlan, merged: MergeResult): WriteGrid {
  const formats: WriteGrid = merged.modelCells.map((row) =>
    row.map((model) => (model ? "General" : null))
  );
  for (const cell of plan.cells)
    if (cell.numberFormat && merged.modelCells[cell.row][cell.col])
      formats[cell.row][cell.col] = cell.numberFormat;
  return formats;
}

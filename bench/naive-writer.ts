/**
 * A naive Office.js writer of the same plan, kept here only to compare with: what many add-ins do,
 * cell by cell (one `getRange` per cell, its value or formula, number format and font), and a
 * `context.sync()` after every row so that the user sees progress. Not shipped.
 */
import { type SheetPlan, a1, cellFormula } from "../src/sheet/plan-types";
import { STYLES } from "../src/sheet/styles";

export async function naiveLoadPlan(context: Excel.RequestContext, plan: SheetPlan): Promise<void> {
  const sheet = context.workbook.worksheets.add(plan.sheetName);
  await context.sync();
  let row = -1;
  for (const cell of plan.cells) {
    // The pattern measured here, on purpose: a round trip per row.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    if (cell.row !== row && row >= 0) await context.sync();
    row = cell.row;
    const range = sheet.getRange(a1(cell.row, cell.col));
    range.formulas = [[cellFormula(cell)]];
    if (cell.numberFormat) range.numberFormat = [[cell.numberFormat]];
    const spec = STYLES[cell.style];
    range.format.font.color = spec.color;
    if (spec.bold) range.format.font.bold = true;
    if (spec.italic) range.format.font.italic = true;
    if (spec.fill) range.format.fill.color = spec.fill;
  }
  await context.sync();
  plan.columnWidths.forEach((width, c) => {
    sheet.getRange(a1(0, c)).format.columnWidth = width * 5.5;
  });
  for (const name of plan.names)
    context.workbook.names.add(
      name.name,
      sheet.getRange(a1(name.row, name.col, true)),
      name.comment
    );
  await context.sync();
}

/**
 * "Recalculate IIJ formulas": formulas typed before the add-in loaded show #NAME? until Excel
 * recalculates them with the functions registered. This finds every =IIJ.* cell, asks Excel for a
 * full rebuild of the calculation chain (Application.calculate, documented API), and says how
 * many came back. Three syncs: list the sheets, read their cells, recalculate and read again.
 */
import { topLeftOf } from "../sheet/merge";
import { a1 } from "../sheet/plan-types";

const IIJ_CALL = /(^|[^A-Za-z0-9_.])IIJ\.[A-Za-z]+\s*\(/i;

export interface RepairOutcome {
  readonly formulas: number;
  readonly broken: number;
  readonly repaired: number;
  readonly message: string;
}

export async function recalculateIijFormulas(
  context: Excel.RequestContext
): Promise<RepairOutcome> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const used = sheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject();
    range.load("address, formulas, values");
    return { sheet, range };
  });
  await context.sync();
  const cells: { sheet: Excel.Worksheet; address: string; broken: boolean }[] = [];
  for (const { sheet, range } of used) {
    if (range.isNullObject) continue;
    const { row: row0, col: col0 } = topLeftOf(range.address);
    range.formulas.forEach((line, r) =>
      line.forEach((f, c) => {
        if (typeof f === "string" && f.startsWith("=") && IIJ_CALL.test(f)) {
          cells.push({
            sheet,
            address: a1(row0 + r, col0 + c),
            broken: range.values[r][c] === "#NAME?",
          });
        }
      })
    );
  }
  if (cells.length === 0)
    return { formulas: 0, broken: 0, repaired: 0, message: "No =IIJ. formulas in this workbook." };
  context.workbook.application.calculate("FullRebuild");
  const after = cells.map((cell) => {
    const range = cell.sheet.getRange(cell.address);
    range.load("values");
    return range;
  });
  await context.sync();
  const broken = cells.filter((c) => c.broken).length;
  const repaired = cells.filter((c, i) => c.broken && after[i].values[0][0] !== "#NAME?").length;
  const still = cells.filter((_, i) => after[i].values[0][0] === "#NAME?").length;
  const message =
    `Recalculated ${cells.length} =IIJ. formula${cells.length === 1 ? "" : "s"}: ${repaired} of ${broken} showing #NAME? repaired.` +
    (still
      ? ` ${still} still show #NAME?: check the function names (IIJ.ITEMS lists what exists).`
      : "");
  return { formulas: cells.length, broken, repaired, message };
}

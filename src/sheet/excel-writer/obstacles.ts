/**
 * What a model cannot be written over, looked for before anything is written: merged cells (a
 * block written across them keeps only their top-left cells), tables (the model's rows would
 * become the table's) and array formulas or spilled ranges (Excel refuses a write into part of an
 * array, and a value written into a spill breaks the formula that spills). They are looked for
 * over the plan's area of the model sheet in the read batch; a load over any of them is refused,
 * naming them, and nothing is written.
 */
import { type SheetPlan, a1 } from "../plan-types";
import { fromA1 } from "./write-contents";

/** The proxies the read loads over the plan's area of the model sheet. */
export interface ObstaclesRead {
  /** Merged areas overlapping the area (a null object when there are none). ExcelApi 1.13. */
  readonly merged: Excel.RangeAreas;
  /** Tables overlapping the area. ExcelApi 1.9. */
  readonly tables: Excel.TableScopedCollection;
  /** The area itself, with hasSpill and savedAsArray: false when no cell of it is in an array. */
  readonly area: Excel.Range;
}

export function queueObstaclesRead(sheet: Excel.Worksheet, plan: SheetPlan): ObstaclesRead {
  const area = fromA1(sheet, plan.rowCount, plan.columnCount);
  const merged = area.getMergedAreasOrNullObject();
  merged.load("address");
  const tables = area.getTables(false);
  tables.load("items/name");
  area.load("hasSpill, savedAsArray");
  return { merged, tables, area };
}

/** An address without its sheet ("'IIJ Model'!G2:H2" is "G2:H2"). */
const withoutSheet = (address: string) => address.slice(address.lastIndexOf("!") + 1);

/** The first three of a list, and how many more. */
const some = (items: readonly string[]) =>
  items.length > 3
    ? `${items.slice(0, 3).join(", ")} and ${items.length - 3} more`
    : items.join(", ");

/**
 * What the read found, in words ("merged cells at G2:H2", `the table "Sales"`), and whether some
 * cell of the area is in an array formula or a spill, which `queueArrayCells` then locates.
 */
export function obstaclesFound({ merged, tables, area }: ObstaclesRead) {
  const found: string[] = [];
  if (!merged.isNullObject)
    found.push(`merged cells at ${some(merged.address.split(/,\s*/).map(withoutSheet))}`);
  for (const { name } of tables.items) found.push(`the table "${name}"`);
  // Both are false when no cell is in an array, true or null (some are) otherwise.
  const arrays = area.hasSpill !== false || area.savedAsArray !== false;
  return { found, arrays };
}

/**
 * Loads, for each of `cells` (the analyst's cells in the plan's area: a model's own cell never
 * holds an array), whether it is in an array formula or a spill. One batch, only when the read
 * found an array somewhere in the area.
 */
export function queueArrayCells(sheet: Excel.Worksheet, cells: readonly string[]) {
  return cells.map((address) => {
    const range = sheet.getRange(address);
    range.load("hasSpill, savedAsArray");
    return { address, range };
  });
}

/** The located arrays in words, or the plan's area when they could not be located. */
export function arraysFound(
  located: readonly { address: string; range: Excel.Range }[],
  plan: SheetPlan
): string {
  const cells = located
    .filter(({ range }) => range.hasSpill !== false || range.savedAsArray !== false)
    .map((c) => c.address);
  return cells.length > 0
    ? `array formulas or spilled ranges at ${some(cells)}`
    : `an array formula or a spilled range in A1:${a1(plan.rowCount - 1, plan.columnCount - 1)}`;
}

export const obstaclesMessage = (sheetName: string, found: readonly string[]) =>
  `The sheet "${sheetName}" has ${found.join("; ")} where the model goes. Unmerge the cells, convert the table to a range or move it, and move the array formulas, or rename the sheet to keep it as it is, then load again; nothing was changed.`;

/**
 * Renders a SheetPlan into the open workbook with Office.js: one read, one write (two
 * `context.sync()` calls whatever the size of the sheet), values as 2-D blocks, formats after
 * values. The analyst's cells are read first and carried over (see merge.ts); a conflict keeps
 * the old sheet whole under another name; a failed write restores what was read.
 */
import { type Grid, type MergeResult, anchorAtA1, mergeSheet } from "./merge";
import { type PlanCell, type SheetPlan, a1 } from "./plan-types";
import { CHECK_ALERT, STYLES } from "./styles";

/** Where the model remembers what it wrote, so the next load can tell the analyst's cells apart. */
export const LAYOUT_SHEET_NAME = "IIJ Model layout";

export interface LoadOutcome {
  readonly ok: boolean;
  /** One sentence for the pane's status line. */
  readonly message: string;
  readonly sheetName: string;
  readonly values: number;
  readonly formulas: number;
  readonly checks: number;
  readonly carried: number;
  /** Where the previous sheet went when the analyst's edits collided with the new plan. */
  readonly keptSheet?: string;
}

// Column widths are in points; a character of the default font is about 5.5 points wide.
const POINTS_PER_CHARACTER = 5.5;

const range = (sheet: Excel.Worksheet, rows: number, columns: number) =>
  sheet.getRange(`A1:${a1(rows - 1, columns - 1)}`);

/** Runs of consecutive cells in a row that share a key, so formats go on as few ranges as possible. */
function runs<T>(
  cells: readonly T[],
  keyOf: (cell: T) => string | null,
  colOf: (cell: T) => number
): { key: string; from: number; to: number }[] {
  const out: { key: string; from: number; to: number }[] = [];
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key === null) continue;
    const col = colOf(cell);
    const last = out[out.length - 1];
    if (last && last.key === key && last.to === col - 1) last.to = col;
    else out.push({ key, from: col, to: col });
  }
  return out;
}

function queueStyles(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const byRow = new Map<number, PlanCell[]>();
  for (const cell of plan.cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  for (const [row, cells] of byRow) {
    for (const run of runs(
      cells,
      (c) => c.style,
      (c) => c.col
    )) {
      const spec = STYLES[run.key as PlanCell["style"]];
      const target = sheet.getRange(`${a1(row, run.from)}:${a1(row, run.to)}`);
      target.format.font.color = spec.color;
      target.format.font.bold = spec.bold ?? false;
      target.format.font.italic = spec.italic ?? false;
      if (spec.size) target.format.font.size = spec.size;
      if (spec.fill) target.format.fill.color = spec.fill;
    }
  }
}

function numberFormats(plan: SheetPlan, merged: MergeResult, current: Grid): Grid {
  const formats: Grid = Array.from({ length: merged.rows }, (_, r) =>
    Array.from({ length: merged.columns }, (_, c) =>
      merged.analystOwned[r][c] ? (current[r]?.[c] ?? "General") : "General"
    )
  );
  for (const cell of plan.cells)
    if (cell.numberFormat) formats[cell.row][cell.col] = cell.numberFormat;
  return formats;
}

/** Clears old formats from every cell the analyst does not own, row by row. */
function queueFormatReset(sheet: Excel.Worksheet, merged: MergeResult): void {
  for (let r = 0; r < merged.rows; r++) {
    const cols = merged.analystOwned[r].map((owned, c) => ({ owned, c }));
    for (const run of runs(
      cols,
      (x) => (x.owned ? null : "model"),
      (x) => x.c
    )) {
      sheet.getRange(`${a1(r, run.from)}:${a1(r, run.to)}`).clear("Formats");
    }
  }
}

function queueModel(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  merged: MergeResult,
  formats: Grid,
  existingNames: readonly string[]
): void {
  const area = range(sheet, merged.rows, merged.columns);
  area.conditionalFormats.clearAll();
  queueFormatReset(sheet, merged);
  area.formulas = merged.formulas;
  area.numberFormat = formats;
  queueStyles(sheet, plan);
  plan.columnWidths.forEach((width, c) => {
    sheet.getRange(`${a1(0, c)}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
  sheet.freezePanes.unfreeze();
  sheet.freezePanes.freezeAt(
    sheet.getRange(`A1:${a1(plan.freeze.rows - 1, plan.freeze.columns - 1)}`)
  );
  for (const area of plan.checkAreas) {
    const target = sheet.getRange(
      `${a1(area.firstRow, area.firstCol)}:${a1(area.lastRow, area.lastCol)}`
    );
    const cf = target.conditionalFormats.add("CellValue");
    cf.cellValue.format.font.color = CHECK_ALERT.color;
    cf.cellValue.format.font.bold = true;
    if (CHECK_ALERT.fill) cf.cellValue.format.fill.color = CHECK_ALERT.fill;
    cf.cellValue.rule = { formula1: `=${area.expected}`, operator: "NotEqualTo" };
  }
  for (const name of plan.names) {
    if (existingNames.includes(name.name)) context.workbook.names.getItem(name.name).delete();
    context.workbook.names.add(
      name.name,
      sheet.getRange(a1(name.row, name.col, true)),
      name.comment
    );
  }
}

function keptName(existing: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = `IIJ Model (kept ${n})`;
    if (!existing.includes(name)) return name;
  }
}

/**
 * Loads the plan into the workbook. Call inside `Excel.run`; makes two syncs (a third only to
 * restore the sheet after a failed write).
 */
export async function loadPlan(
  context: Excel.RequestContext,
  plan: SheetPlan
): Promise<LoadOutcome> {
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(plan.sheetName);
  const layout = sheets.getItemOrNullObject(LAYOUT_SHEET_NAME);
  const used = sheet.getUsedRangeOrNullObject();
  const previousUsed = layout.getUsedRangeOrNullObject();
  sheet.load("name, protection/protected");
  layout.load("name");
  used.load("address, formulas, numberFormat");
  previousUsed.load("address, formulas");
  sheets.load("items/name");
  context.workbook.names.load("items/name");
  await context.sync(); // 1: read

  const base = {
    sheetName: plan.sheetName,
    values: plan.summary.values,
    formulas: plan.summary.formulas,
    checks: plan.summary.checks,
    carried: 0,
  };
  if (!sheet.isNullObject && sheet.protection.protected) {
    return {
      ...base,
      ok: false,
      message: `The sheet "${plan.sheetName}" is protected. Unprotect it (Review > Unprotect Sheet) and load again; nothing was changed.`,
    };
  }
  const current: Grid =
    sheet.isNullObject || used.isNullObject ? [] : anchorAtA1(used.address, used.formulas as Grid);
  const currentFormats: Grid =
    sheet.isNullObject || used.isNullObject
      ? []
      : anchorAtA1(used.address, used.numberFormat as Grid);
  const previous: Grid | null =
    layout.isNullObject || previousUsed.isNullObject
      ? null
      : anchorAtA1(previousUsed.address, previousUsed.formulas as Grid);
  const sheetNames = sheets.items.map((s) => s.name);
  const existingNames = context.workbook.names.items.map((n) => n.name);

  let merged = mergeSheet(plan, current, previous);
  const conflicts = merged.conflicts;
  let keptSheet: string | undefined;
  context.workbook.application.suspendApiCalculationUntilNextSync();
  let target: Excel.Worksheet;
  if (sheet.isNullObject) {
    target = sheets.add(plan.sheetName);
  } else if (merged.conflicts.length > 0) {
    keptSheet = keptName(sheetNames);
    sheet.name = keptSheet;
    target = sheets.add(plan.sheetName);
    merged = mergeSheet(plan, [], null);
  } else {
    target = sheet;
  }
  const formats = numberFormats(plan, merged, keptSheet ? [] : currentFormats);
  queueModel(context, target, plan, merged, formats, existingNames);
  target.activate();
  // Last, so that a failure before it leaves the record of the previous load in place.
  const layoutSheet = layout.isNullObject ? sheets.add(LAYOUT_SHEET_NAME) : layout;
  if (!layout.isNullObject) layoutSheet.getRange().clear("Contents");
  range(layoutSheet, plan.rowCount, plan.columnCount).formulas = merged.modelFormulas;
  layoutSheet.visibility = "VeryHidden";
  try {
    await context.sync(); // 2: write
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const restored = await restore(
      context,
      plan,
      sheet.isNullObject || keptSheet !== undefined,
      current,
      currentFormats,
      keptSheet
    );
    return { ...base, ok: false, message: `Load failed: ${reason}. ${restored}` };
  }
  const summary = `Loaded ${plan.quarter} (${plan.unit}): ${plan.summary.values} values, ${plan.summary.formulas} formulas, ${plan.summary.checks} checks.`;
  if (keptSheet) {
    const where =
      conflicts.length > 3
        ? `${conflicts.slice(0, 3).join(", ")} and ${conflicts.length - 3} more`
        : conflicts.join(", ");
    return {
      ...base,
      ok: true,
      keptSheet,
      message: `${summary} You had typed in cells the new model needs (${where}); the previous sheet is kept whole as "${keptSheet}".`,
    };
  }
  return {
    ...base,
    ok: true,
    carried: merged.carried,
    message: `${summary}${merged.carried ? ` Kept ${merged.carried} of your cells.` : ""}`,
  };
}

/** After a failed write: put back what was read, or remove a half-written new sheet. */
async function restore(
  context: Excel.RequestContext,
  plan: SheetPlan,
  newSheet: boolean,
  current: Grid,
  formats: Grid,
  keptSheet?: string
): Promise<string> {
  try {
    const sheets = context.workbook.worksheets;
    if (newSheet) {
      sheets.getItemOrNullObject(plan.sheetName).delete();
      if (keptSheet) sheets.getItem(keptSheet).name = plan.sheetName;
    } else if (current.length > 0) {
      const columns = Math.max(...current.map((r) => r.length));
      const pad = (g: Grid, fill: string) =>
        current.map((_, r) => Array.from({ length: columns }, (_, c) => g[r]?.[c] ?? fill));
      const area = range(sheets.getItem(plan.sheetName), current.length, columns);
      area.formulas = pad(current, "");
      area.numberFormat = pad(formats, "General");
    }
    await context.sync();
    return newSheet ? "Nothing was changed." : "The previous sheet was restored.";
  } catch (error) {
    return `Restoring the previous sheet also failed (${error instanceof Error ? error.message : String(error)}); check the "${plan.sheetName}" sheet before using it.`;
  }
}

/**
 * Renders a SheetPlan into the open workbook with Office.js: one read, one write (two
 * `context.sync()` calls whatever the size of the sheet), values as 2-D blocks, formats after
 * values. The analyst's cells are read first and carried over (see merge.ts); a conflict keeps
 * the old sheet whole under another name; a failed write restores what was read and redraws the
 * previous model. The steps live in excel-writer/: read, write-contents, write-look, names,
 * restore, outcome.
 */
import { type MergeResult, mergeSheet } from "./merge";
import type { SheetPlan } from "./plan-types";
import { type ScopedCopies, queuePlanNames, queueScopedCopies } from "./excel-writer/names";
import {
  type LoadOutcome,
  failed,
  loaded,
  protectedMessage,
  readFailedMessage,
  writeFailedMessage,
} from "./excel-writer/outcome";
import {
  type PlanFor,
  type ReadGrids,
  type WorkbookRead,
  gridsOf,
  isProtected,
  previousPlanOf,
  queueRead,
} from "./excel-writer/read";
import { type ReadState, restore } from "./excel-writer/restore";
import {
  fromA1,
  numberFormats,
  queueContents,
  queueLayoutRecord,
  queueTargetSheet,
} from "./excel-writer/write-contents";
import { queueFormatReset, queueLook } from "./excel-writer/write-look";

export { parseReference } from "./excel-writer/names";
export type { LoadOutcome } from "./excel-writer/outcome";
export { LAYOUT_SHEET_NAME, type PlanFor } from "./excel-writer/read";

/**
 * Loads the plan into the workbook. Call inside `Excel.run`; makes two syncs (two more only to
 * restore the workbook after a failed write). Never throws: a failure is an outcome whose message
 * says what happened and what to do. With `planFor`, a failed reload also redraws the previous
 * model's look (fonts, fills, widths, panes, check formats, lists, chart), not only its contents.
 */
export async function loadPlan(
  context: Excel.RequestContext,
  plan: SheetPlan,
  planFor?: PlanFor
): Promise<LoadOutcome> {
  const read = queueRead(context, plan.sheetName);
  try {
    await context.sync(); // 1: read
  } catch (error) {
    return failed(plan, readFailedMessage(error));
  }
  if (isProtected(read)) return failed(plan, protectedMessage(plan.sheetName));
  const grids = gridsOf(read);
  const written = queueWrite(context, plan, read, grids);
  try {
    await context.sync(); // 2: write
  } catch (error) {
    const state = readStateOf(context, plan, read, grids, written, planFor);
    return failed(plan, writeFailedMessage(error, await restore(context, plan, state)));
  }
  return loaded(plan, written.merged.carried, written.conflicts, written.keptSheet);
}

/** What the write queued, for the outcome and for a restore. */
interface Written {
  readonly merged: MergeResult;
  /** The analyst's cells the plan needs: when there are any, the old sheet is kept whole. */
  readonly conflicts: readonly string[];
  readonly keptSheet?: string;
  /** The model sheet's charts at the read, when the write goes to that sheet. */
  readonly existingCharts: readonly string[];
  readonly scoped: readonly ScopedCopies[];
}

function queueWrite(
  context: Excel.RequestContext,
  plan: SheetPlan,
  read: WorkbookRead,
  grids: ReadGrids
): Written {
  const names = context.workbook.names;
  const existingNames = names.items.map((n) => n.name);
  let merged = mergeSheet(plan, grids.current, grids.previous);
  const conflicts = merged.conflicts;
  context.workbook.application.suspendApiCalculationUntilNextSync();
  const { target, keptSheet } = queueTargetSheet(
    read.sheets,
    read.sheet,
    plan.sheetName,
    conflicts.length > 0
  );
  // The old sheet is kept whole, so nothing of it is carried onto the fresh one.
  if (keptSheet) merged = mergeSheet(plan, [], null);
  const formats = numberFormats(plan, merged, keptSheet ? [] : grids.currentFormats);
  const existingCharts = target === read.sheet ? read.charts.items.map((c) => c.name) : [];
  // Before the names move to the new sheet: the sheet they leave keeps its own copies.
  const scoped = queueScopedCopies(plan, keptSheet, read.sheets.items, names.items);
  const area = fromA1(target, merged.rows, merged.columns);
  queueFormatReset(target, merged.analystOwned, merged.rows, merged.columns);
  // Names first, so formulas that use them (the drivers) resolve when they are written.
  queuePlanNames(names, target, plan, existingNames);
  queueContents(area, merged.formulas, formats);
  queueLook(target, plan, existingCharts);
  target.activate();
  // Last, so that a failure before it leaves the record of the previous load in place.
  queueLayoutRecord(read.sheets, read.layout, plan, merged.modelFormulas);
  return { merged, conflicts, keptSheet, existingCharts, scoped };
}

/** What a restore needs of the read, taken only when the write has failed. */
function readStateOf(
  context: Excel.RequestContext,
  plan: SheetPlan,
  { sheets, sheet, layout }: WorkbookRead,
  grids: ReadGrids,
  written: Written,
  planFor: PlanFor | undefined
): ReadState {
  return {
    ...grids,
    sheetIds: new Set(sheets.items.map((s) => s.id)),
    modelSheetId: sheet.isNullObject ? undefined : sheet.id,
    wroteModelSheet: !sheet.isNullObject && written.keptSheet === undefined,
    keptSheet: written.keptSheet,
    written: written.merged,
    charts: written.existingCharts,
    scoped: written.scoped,
    previousPlan: previousPlanOf(plan, grids.previous, planFor),
    layoutId: layout.isNullObject ? undefined : layout.id,
    names: context.workbook.names.items
      .filter((n) => plan.names.some((p) => p.name === n.name))
      .map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
  };
}

/**
 * Renders a SheetPlan into the open workbook with Office.js: one read, one write (two
 * `context.sync()` calls whatever the size of the sheet), values as 2-D blocks, formats after
 * values. The read takes the workbook's guard against a second load at once and looks for what
 * the model cannot be written over; the write re-reads the model sheet first, so that an edit made
 * between the two syncs is found. The analyst's cells are never written (see merge.ts); a conflict
 * keeps the old sheet whole under another name; a failed write restores what was read and redraws
 * the previous model. The steps live in excel-writer/: read, record, guard, obstacles,
 * write-contents, write-look, write-print, names, restore, outcome.
 */
import { type Grid, type MergeResult, anchorAtA1, mergeSheet, sameContent } from "./merge";
import { type SheetPlan, a1 } from "./plan-types";
import {
  type Guard,
  anotherLoadMessage,
  expiredKeys,
  newOwner,
  otherLoad,
  queueGuardRelease,
  queueGuardTake,
} from "./excel-writer/guard";
import { type ScopedCopies, queuePlanNames, queueScopedCopies } from "./excel-writer/names";
import {
  arraysFound,
  obstaclesFound,
  obstaclesMessage,
  queueArrayCells,
} from "./excel-writer/obstacles";
import {
  type LoadOutcome,
  failed,
  loaded,
  protectedMessage,
  readFailedMessage,
  typedWhileLoadingMessage,
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
import { LAYOUT_RECORD_NAME, queueLayoutRecord } from "./excel-writer/record";
import { type ReadState, restore } from "./excel-writer/restore";
import { fromA1, numberFormats, queueTargetSheet } from "./excel-writer/write-contents";
import { queueFormatReset, queueLook } from "./excel-writer/write-look";

export { parseReference } from "./excel-writer/names";
export type { LoadOutcome } from "./excel-writer/outcome";
export { type PlanFor } from "./excel-writer/read";
export { LAYOUT_RECORD_NAME, LAYOUT_SHEET_NAME } from "./excel-writer/record";
export { LOAD_GUARD_PREFIX, otherLoad, queueGuardRead } from "./excel-writer/guard";

export interface LoadOptions {
  /** The guard's clock, in milliseconds since the epoch (Date.now unless a test sets it). */
  readonly now?: () => number;
  /** This load's key in the workbook's guard (random unless a test sets it). */
  readonly owner?: string;
}

/**
 * Loads the plan into the workbook. Call inside `Excel.run`; makes two syncs (one more to back
 * off from another load or from what the model cannot be written over; more to restore the
 * workbook after a failed write, or to load again after the analyst typed in the model's cells
 * while it loaded). Never throws: a failure is an outcome whose message says what happened and
 * what to do. With `planFor`, a failed reload also redraws the previous model's look, and a sheet
 * without its layout record is compared with the plan its header names.
 */
export async function loadPlan(
  context: Excel.RequestContext,
  plan: SheetPlan,
  planFor?: PlanFor,
  options: LoadOptions = {}
): Promise<LoadOutcome> {
  const first = await attempt(context, plan, planFor, options);
  if (!("typed" in first)) return first;
  // The analyst typed in the model's cells between the read and the write: that load was undone,
  // with what they typed put back, and this one reads the sheet afresh.
  const second = await attempt(context, plan, planFor, options);
  if (!("typed" in second)) return second;
  return failed(plan, typedWhileLoadingMessage(second.typed, plan.sheetName, second.restored));
}

/** A load's outcome, or the cells typed while it ran (it was undone: `restored` says how). */
type Attempt = LoadOutcome | { readonly typed: readonly string[]; readonly restored: string };

async function attempt(
  context: Excel.RequestContext,
  plan: SheetPlan,
  planFor: PlanFor | undefined,
  options: LoadOptions
): Promise<Attempt> {
  const now = options.now ?? Date.now;
  const read = queueRead(context, plan);
  // Last in the read batch: the guard keys already there are read before this load adds its own.
  const guard = queueGuardTake(context, options.owner ?? newOwner(), now());
  try {
    await context.sync(); // 1: read
  } catch (error) {
    return failed(plan, readFailedMessage(error));
  }
  const grids = gridsOf(read, plan, planFor);
  const merged = mergeSheet(plan, grids.current, grids.previous);
  const refusal = await refusalOf(context, plan, read, merged, guard, now());
  if (refusal) return failed(plan, refusal);
  const written = queueWrite(context, plan, read, grids, merged, guard, now());
  try {
    await context.sync(); // 2: write
  } catch (error) {
    const state = readStateOf(context, plan, read, grids, written, planFor, guard);
    return failed(plan, writeFailedMessage(error, await restore(context, plan, state)));
  }
  const { typed, now: onSheet } = editsDuringLoad(written, grids.current);
  if (typed.length > 0 && onSheet) {
    // The write released the guard; the load that follows takes it again.
    const state = readStateOf(context, plan, read, grids, written, planFor, guard, onSheet);
    return { typed, restored: await restore(context, plan, state) };
  }
  // The analyst's cells as the write found them: edits made since the read are counted too.
  const carried = onSheet
    ? mergeSheet(plan, onSheet.current, grids.previous).carried
    : merged.carried;
  return loaded(plan, carried, merged.conflicts, written.keptSheet, grids.source);
}

/**
 * Why this load must not write, or null: another load holds the guard, the model sheet is
 * protected, or it has what the model cannot be written over (looked for only when the model is
 * written onto it, not when it is kept whole). A refusal releases this load's guard key first:
 * one more batch, which also locates array formulas when the read found some.
 */
async function refusalOf(
  context: Excel.RequestContext,
  plan: SheetPlan,
  read: WorkbookRead,
  merged: MergeResult,
  guard: Guard,
  now: number
): Promise<string | null> {
  const other = otherLoad(guard.custom, now, guard.key);
  let refusal = other ? anotherLoadMessage(other.startedAt) : null;
  if (!refusal && isProtected(read)) refusal = protectedMessage(plan.sheetName);
  const inPlace = !read.sheet.isNullObject && merged.conflicts.length === 0;
  const obstacles = !refusal && inPlace ? obstaclesFound(read.obstacles) : null;
  const located = obstacles?.arrays
    ? queueArrayCells(read.sheet, analystCellsIn(merged, plan))
    : null;
  if (!refusal && !obstacles?.found.length && !located) return null;
  queueGuardRelease(guard);
  try {
    await context.sync();
  } catch {
    // The key expires; the refusal stands.
  }
  if (refusal) return refusal;
  const found = [...(obstacles?.found ?? []), ...(located ? [arraysFound(located, plan)] : [])];
  return obstaclesMessage(read.sheet.name, found);
}

/** The analyst's cells inside the plan's area: where an array formula or a spill can be. */
function analystCellsIn(merged: MergeResult, plan: SheetPlan): string[] {
  const cells: string[] = [];
  for (let r = 0; r < plan.rowCount; r++)
    for (let c = 0; c < plan.columnCount; c++)
      if (merged.analystOwned[r]?.[c]) cells.push(a1(r, c));
  return cells;
}

/** What the write queued, for the outcome and for a restore. */
interface Written {
  readonly merged: MergeResult;
  readonly keptSheet?: string;
  /** The model sheet's charts at the read, when the write goes to that sheet. */
  readonly existingCharts: readonly string[];
  readonly scoped: readonly ScopedCopies[];
  /** The model sheet as the write found it, before writing (when it writes onto that sheet). */
  readonly recheck: Excel.Range | null;
  readonly recordSheet: string;
}

function queueWrite(
  context: Excel.RequestContext,
  plan: SheetPlan,
  read: WorkbookRead,
  grids: ReadGrids,
  found: MergeResult,
  guard: Guard,
  now: number
): Written {
  const names = context.workbook.names;
  const existingNames = names.items.map((n) => n.name);
  context.workbook.application.suspendApiCalculationUntilNextSync();
  const conflicting = found.conflicts.length > 0;
  const { target, keptSheet } = queueTargetSheet(
    read.sheets,
    read.sheet,
    plan.sheetName,
    conflicting
  );
  // The old sheet is kept whole, so nothing of it is carried onto the fresh one.
  const merged = keptSheet ? mergeSheet(plan, [], null) : found;
  const inPlace = target === read.sheet;
  // Before anything is written: what the sheet holds now, to find edits made since the read.
  const recheck = inPlace ? target.getUsedRangeOrNullObject() : null;
  recheck?.load("address, formulas, numberFormat");
  const existingCharts = inPlace ? read.charts.items.map((c) => c.name) : [];
  // Before the names move to the new sheet: the sheet they leave keeps its own copies.
  const scoped = queueScopedCopies(plan, keptSheet, read.sheets.items, names.items);
  // Names first, so formulas that use them (the drivers) resolve when they are written.
  queuePlanNames(names, target, plan, existingNames);
  const area = fromA1(target, merged.rows, merged.columns);
  // Contents before formats: a write that fails on its contents has not touched the look yet.
  area.formulas = merged.formulas;
  queueFormatReset(target, merged.modelCells, merged.rows, merged.columns);
  area.numberFormat = numberFormats(plan, merged);
  queueLook(target, plan, existingCharts);
  target.activate();
  // Last, so that a failure before it leaves the record of the previous load in place.
  const recordSheet = queueLayoutRecord(context, read.sheets, grids.record, merged.record);
  queueGuardRelease(guard, expiredKeys(guard, now));
  return { merged, keptSheet, existingCharts, scoped, recheck, recordSheet };
}

/**
 * The cells the write wrote that the analyst had typed in after the read (their typing is gone
 * from the sheet, and must be put back), and the sheet as the write found it.
 */
function editsDuringLoad(written: Written, atRead: Grid) {
  const { recheck, merged } = written;
  if (!recheck) return { typed: [], now: null };
  const grid = (g: unknown) => (recheck.isNullObject ? [] : anchorAtA1(recheck.address, g as Grid));
  const current = grid(recheck.formulas);
  const typed: string[] = [];
  merged.formulas.forEach((row, r) =>
    row.forEach((write, c) => {
      if (write !== null && !sameContent(current[r]?.[c] ?? "", atRead[r]?.[c] ?? ""))
        typed.push(a1(r, c));
    })
  );
  return { typed, now: { current, currentFormats: grid(recheck.numberFormat) } };
}

/**
 * What a restore needs of the read, taken only when the write has failed or was undone; `onSheet`
 * is the sheet as the write found it, to put back instead of the read when the analyst typed in it.
 */
function readStateOf(
  context: Excel.RequestContext,
  plan: SheetPlan,
  { sheets, sheet }: WorkbookRead,
  grids: ReadGrids,
  written: Written,
  planFor: PlanFor | undefined,
  guard: Guard,
  onSheet?: { current: Grid; currentFormats: Grid }
): ReadState {
  const ours = [...plan.names.map((n) => n.name), LAYOUT_RECORD_NAME];
  return {
    current: onSheet?.current ?? grids.current,
    currentFormats: onSheet?.currentFormats ?? grids.currentFormats,
    sheetIds: new Set(sheets.items.map((s) => s.id)),
    modelSheetId: sheet.isNullObject ? undefined : sheet.id,
    wroteModelSheet: !sheet.isNullObject && written.keptSheet === undefined,
    keptSheet: written.keptSheet,
    written: written.merged,
    charts: written.existingCharts,
    scoped: written.scoped,
    previousPlan: previousPlanOf(plan, grids.previous, planFor),
    record: grids.record,
    recordSheet: written.recordSheet,
    names: context.workbook.names.items.filter((n) => ours.includes(n.name)),
    ours,
    guard,
    guardHeld: !onSheet,
  };
}

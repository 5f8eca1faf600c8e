/**
 * After a failed write (or one the analyst typed into while it ran): the workbook put back as the
 * load's read found it. Contents and formatting go back in separate batches, contents first, so
 * that a failure of one never takes the other with it; when the contents fail, the sheet is read
 * back so that the message says exactly what it holds.
 */
import { type Grid, type MergeResult, type WriteGrid, mergeSheet, sameContent } from "../merge";
import { type SheetPlan, a1 } from "../plan-types";
import { type Guard, queueGuardRelease } from "./guard";
import {
  type NameAtRead,
  type ScopedCopies,
  queueNamesPutBack,
  queueScopedCopiesRemoval,
} from "./names";
import {
  contentsFailedMessage,
  lookFailedMessage,
  restoreFailedMessage,
  restoredMessage,
} from "./outcome";
import type { FoundRecord } from "./record";
import { sameSheetName } from "./sheet-names";
import { fromA1 } from "./write-contents";
import { queueFormatReset, queueLook } from "./write-look";

/** What the read found, to put back after a failed write. */
export interface ReadState {
  /** Every sheet's id at the read: a sheet with another id was added by the failed write. */
  readonly sheetIds: ReadonlySet<string>;
  readonly modelSheetId?: string;
  /** Whether the write went to the existing model sheet (not to a fresh one beside a kept sheet). */
  readonly wroteModelSheet: boolean;
  readonly keptSheet?: string;
  /** What to put back on the cells the write wrote: as read, or as re-read by the write. */
  readonly current: Grid;
  readonly currentFormats: Grid;
  /** What the failed write was writing, from A1. */
  readonly written: MergeResult;
  /** The names the write copied onto the sheets it left behind. */
  readonly scoped: readonly ScopedCopies[];
  /** The names of the model sheet's charts at the read. */
  readonly charts: readonly string[];
  /** The plan the model sheet was drawn from, when it can be rebuilt exactly (see previousPlanOf). */
  readonly previousPlan: SheetPlan | null;
  /** The layout record at the read (null when there was none). */
  readonly record: FoundRecord | null;
  /** The sheet the write put the layout record on. */
  readonly recordSheet: string;
  /** The workbook names a load writes (the plan's and the record's) as the read found them. */
  readonly names: readonly NameAtRead[];
  readonly ours: readonly string[];
  /** This load's guard, still to be released when the write did not get to release it. */
  readonly guard: Guard;
  readonly guardHeld: boolean;
}

/** Runs one batch; the error it failed with, or null. */
async function batch(context: Excel.RequestContext, queue: () => void): Promise<unknown> {
  try {
    queue();
    await context.sync();
    return null;
  } catch (error) {
    return error ?? new Error("The batch failed");
  }
}

/**
 * Puts back whatever the write changed, whatever command it stopped at: removes what it added
 * (sheets whose id the read did not see, named like ours; names it defined; the sheet-scoped
 * copies it gave the sheets it left; charts), puts the model sheet's name, cells and number
 * formats back, the layout record and the names; then, in a batch of its own, redraws the previous
 * plan's look when it could be rebuilt. A sheet the user renamed to our name during the load has
 * an id the read saw, so it is never deleted.
 */
export async function restore(
  context: Excel.RequestContext,
  plan: SheetPlan,
  read: ReadState
): Promise<string> {
  let left: Left | undefined;
  const readError = await batch(context, () => (left = queueReadWhatWasLeft(context, read)));
  const message =
    left && !readError
      ? await putBackWhatChanged(context, plan, read, left)
      : restoreFailedMessage(readError, plan.sheetName);
  // The write did not get to release the guard: a batch of its own (the key expires if it fails).
  if (read.guardHeld) await batch(context, () => queueGuardRelease(read.guard));
  return message;
}

/** Contents first, then the look in a batch of its own; what the sheet holds when either fails. */
async function putBackWhatChanged(
  context: Excel.RequestContext,
  plan: SheetPlan,
  read: ReadState,
  left: Left
): Promise<string> {
  const { original } = left;
  const charts = left.charts?.items ?? [];
  const onModelSheet = !!original && read.wroteModelSheet && !original.protection.protected;
  const added = addedCharts(charts, plan, read);
  const redraw = onModelSheet && read.previousPlan !== null;
  const contentsError = await batch(context, () =>
    queueContentsBack(left, plan, read, added, redraw)
  );
  const lookError =
    redraw && original
      ? await batch(context, () => queueLookBack(original, charts, added, plan, read))
      : null;
  if (!contentsError)
    return lookError ? lookFailedMessage(lookError) : restoredMessage(read.wroteModelSheet, redraw);
  if (!onModelSheet || !original) return restoreFailedMessage(contentsError, plan.sheetName);
  const differing = await readBackDifferences(context, original, read);
  return contentsFailedMessage(contentsError, plan.sheetName, differing, redraw && !lookError);
}

type Left = ReturnType<typeof queueReadWhatWasLeft>;

/** Loads what the failed batch may have left: sheets, names, the model sheet and its charts. */
function queueReadWhatWasLeft(context: Excel.RequestContext, read: ReadState) {
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  sheets.load("items/name, items/id");
  names.load("items/name");
  const original = read.modelSheetId ? sheets.getItem(read.modelSheetId) : null;
  original?.load("name, protection/protected");
  const charts = original?.charts;
  charts?.load("items/name");
  const holders = read.scoped.map(({ sheetId, names: copied }) => {
    const holder = sheets.getItemOrNullObject(sheetId);
    holder.load("id");
    holder.names.load("items/name");
    return { holder, copied };
  });
  return { sheets, names, original, charts, holders };
}

/** The restore's first batch of changes: everything but the look. */
function queueContentsBack(
  left: Left,
  plan: SheetPlan,
  read: ReadState,
  added: readonly Excel.Chart[],
  redraw: boolean
): void {
  queueScopedCopiesRemoval(left.holders);
  queueAddedSheetsRemoval(left.sheets.items, [plan.sheetName, read.recordSheet], read.sheetIds);
  const { original } = left;
  if (original && read.keptSheet && sameSheetName(original.name, read.keptSheet))
    original.name = plan.sheetName;
  // A sheet protected since the read refused every write: there is nothing to put back.
  if (original && read.wroteModelSheet && !original.protection.protected) {
    for (const chart of added) chart.delete();
    putBackContents(original, read);
    // With a redraw, the number formats go back with the rest of the look.
    if (!redraw) putBackFormats(original, read);
  }
  if (read.record) queueLayoutRecordPutBack(left.sheets.getItem(read.record.sheetId), read.record);
  queueNamesPutBack(left.names, original, plan.sheetName, read.ours, read.names);
}

/** Sheets named like ours that the read did not see were added by the failed write. */
function queueAddedSheetsRemoval(
  sheets: readonly Excel.Worksheet[],
  ours: readonly string[],
  idsAtRead: ReadonlySet<string>
): void {
  for (const s of sheets)
    if (ours.some((name) => sameSheetName(s.name, name)) && !idsAtRead.has(s.id)) s.delete();
}

/** A grid over what the write covered, from A1: null leaves a cell as it is. */
function writtenGrid(read: ReadState, value: (r: number, c: number) => WriteGrid[number][number]) {
  const { rows, columns } = read.written;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => value(r, c))
  );
}

/** The cells the write wrote, as they were; every other cell is left as it is, edits included. */
function putBackContents(sheet: Excel.Worksheet, read: ReadState): void {
  const { formulas, rows, columns } = read.written;
  fromA1(sheet, rows, columns).formulas = writtenGrid(read, (r, c) =>
    formulas[r][c] === null ? null : (read.current[r]?.[c] ?? "")
  );
}

/** The number formats of the cells whose formats the write reset, as they were. */
function putBackFormats(sheet: Excel.Worksheet, read: ReadState): void {
  const { modelCells, rows, columns } = read.written;
  fromA1(sheet, rows, columns).numberFormat = writtenGrid(read, (r, c) =>
    modelCells[r][c] ? (read.currentFormats[r]?.[c] ?? "General") : null
  );
}

/**
 * The restore's second batch: the previous plan's look drawn again over the extent of both what
 * was written and what it draws. Who owns a cell depends on what was read, not on the plan: one
 * reset covers both plans. Its charts go and are drawn again.
 */
function queueLookBack(
  sheet: Excel.Worksheet,
  charts: readonly Excel.Chart[],
  added: readonly Excel.Chart[],
  plan: SheetPlan,
  read: ReadState
): void {
  const previousPlan = read.previousPlan as SheetPlan;
  const drawn = mergeSheet(previousPlan, read.current, read.record?.grid ?? null);
  const rows = Math.max(read.written.rows, drawn.rows);
  const columns = Math.max(read.written.columns, drawn.columns);
  const ours = new Set([...plan.charts, ...previousPlan.charts].map((c) => c.name));
  for (const chart of charts) if (ours.has(chart.name) && !added.includes(chart)) chart.delete();
  queueFormatReset(sheet, read.written.modelCells, rows, columns);
  putBackFormats(sheet, read);
  queueLook(sheet, previousPlan, []);
}

/**
 * Charts the failed write added: ours by name, or one it had not yet named (Excel's default
 * "Chart N") that was not there at the read.
 */
function addedCharts(charts: readonly Excel.Chart[], plan: SheetPlan, read: ReadState) {
  const ours = new Set([...plan.charts, ...(read.previousPlan?.charts ?? [])].map((c) => c.name));
  return charts.filter(
    ({ name }) => !read.charts.includes(name) && (ours.has(name) || /^Chart \d+$/.test(name))
  );
}

function queueLayoutRecordPutBack(layout: Excel.Worksheet, record: FoundRecord): void {
  layout.getRange().clear("Contents");
  const grid = record.grid;
  const columns = Math.max(0, ...grid.map((r) => r.length));
  if (grid.length === 0 || columns === 0) return;
  fromA1(layout, grid.length, columns).formulas = grid.map((row) =>
    Array.from({ length: columns }, (_, c) => row[c] ?? "")
  );
}

/**
 * After the contents could not be put back: the model sheet read back and compared with what was
 * there before the load, so that the message names the cells that differ (null if unreadable).
 */
async function readBackDifferences(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  read: ReadState
): Promise<string[] | null> {
  const area = fromA1(sheet, read.written.rows, read.written.columns);
  const error = await batch(context, () => area.load("formulas"));
  if (error) return null;
  const now = area.formulas as Grid;
  const differing: string[] = [];
  for (let r = 0; r < read.written.rows; r++)
    for (let c = 0; c < read.written.columns; c++)
      if (!sameContent(now[r][c], read.current[r]?.[c] ?? "")) differing.push(a1(r, c));
  return differing;
}

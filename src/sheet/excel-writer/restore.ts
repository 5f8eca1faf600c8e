/** After a failed write: the workbook put back as the load's read found it. */
import { type Grid, type MergeResult, mergeSheet } from "../merge";
import type { SheetPlan } from "../plan-types";
import {
  type NameAtRead,
  type ScopedCopies,
  queueNamesPutBack,
  queueScopedCopiesRemoval,
} from "./names";
import { restoreFailedMessage, restoredMessage } from "./outcome";
import { LAYOUT_SHEET_NAME } from "./read";
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
  readonly layoutId?: string;
  /** The layout record as read (null when there was none). */
  readonly previous: Grid | null;
  /** The workbook names the plan defines that existed at the read. */
  readonly names: readonly NameAtRead[];
}

/**
 * After a failed write, whatever command it stopped at: remove what the write added (sheets whose
 * id the read did not see, named like ours; names it defined; the sheet-scoped copies it gave the
 * sheets it left; charts), put the model sheet's name, cells and number formats back, redraw the
 * previous plan's look when it could be rebuilt, and put the layout record and names back as they
 * were. A sheet the user renamed to our name during the load has an id the read saw, so it is
 * never deleted. Two syncs: one to see what the failed batch left, one to put things back.
 */
export async function restore(
  context: Excel.RequestContext,
  plan: SheetPlan,
  read: ReadState
): Promise<string> {
  try {
    const left = queueReadWhatWasLeft(context, read);
    await context.sync();
    queueScopedCopiesRemoval(left.holders);
    queueAddedSheetsRemoval(left.sheets.items, plan, read.sheetIds);
    const { original } = left;
    if (original && read.keptSheet && original.name === read.keptSheet)
      original.name = plan.sheetName;
    // A sheet protected since the read refused every write: there is nothing to put back.
    if (original && read.wroteModelSheet && !original.protection.protected)
      queueModelSheetPutBack(original, left.charts?.items ?? [], plan, read);
    if (read.layoutId) queueLayoutRecordPutBack(left.sheets.getItem(read.layoutId), read.previous);
    queueNamesPutBack(left.names, original, plan, read.names);
    await context.sync();
    return restoredMessage(read.wroteModelSheet, read.previousPlan !== null);
  } catch (error) {
    return restoreFailedMessage(error, plan.sheetName);
  }
}

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

/** Sheets named like ours that the read did not see were added by the failed write. */
function queueAddedSheetsRemoval(
  sheets: readonly Excel.Worksheet[],
  plan: SheetPlan,
  idsAtRead: ReadonlySet<string>
): void {
  for (const s of sheets) {
    const ours = s.name === plan.sheetName || s.name === LAYOUT_SHEET_NAME;
    if (ours && !idsAtRead.has(s.id)) s.delete();
  }
}

/**
 * The model sheet's cells and number formats as read; with the previous plan, its look too,
 * drawn again over the extent of both what was written and what it draws.
 */
function queueModelSheetPutBack(
  sheet: Excel.Worksheet,
  charts: readonly Excel.Chart[],
  plan: SheetPlan,
  read: ReadState
): void {
  const previousPlan = read.previousPlan;
  const drawn = previousPlan && mergeSheet(previousPlan, read.current, read.previous);
  const columns = Math.max(read.written.columns, drawn?.columns ?? 0);
  const rows = Math.max(read.written.rows, drawn?.rows ?? 0);
  queueChartsRemoval(charts, plan, read.charts, previousPlan);
  // Who owns a cell depends on what was read, not on the plan: one reset covers both plans.
  if (previousPlan) queueFormatReset(sheet, read.written.analystOwned, rows, columns);
  putBack(sheet, read.current, read.currentFormats, rows, columns);
  if (previousPlan) queueLook(sheet, previousPlan, []);
}

/**
 * Charts the failed write added: ours by name, or one it had not yet named (Excel's default
 * "Chart N") that was not there at the read. With the previous plan, all of ours go, to be
 * drawn again.
 */
function queueChartsRemoval(
  charts: readonly Excel.Chart[],
  plan: SheetPlan,
  atRead: readonly string[],
  previousPlan: SheetPlan | null
): void {
  const ourCharts = new Set([...plan.charts, ...(previousPlan?.charts ?? [])].map((c) => c.name));
  const added = (name: string) =>
    !atRead.includes(name) && (ourCharts.has(name) || /^Chart \d+$/.test(name));
  for (const chart of charts)
    if (added(chart.name) || (previousPlan && ourCharts.has(chart.name))) chart.delete();
}

function queueLayoutRecordPutBack(layout: Excel.Worksheet, previous: Grid | null): void {
  layout.getRange().clear("Contents");
  const grid = previous ?? [];
  putBack(layout, grid, null, grid.length, Math.max(0, ...grid.map((r) => r.length)));
}

/** Writes `grid` from A1 over rows x columns, padding with `fill`. */
function putBack(sheet: Excel.Worksheet, grid: Grid, formats: Grid | null, rows: number, columns: number) {
  if (rows === 0 || columns === 0) return;
  const pad = (g: Grid, fill: string) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => g[r]?.[c] ?? fill));
  const area = fromA1(sheet, rows, columns);
  area.formulas = pad(grid, "");
  if (formats) area.numberFormat = pad(formats, "General");
} // prettier-ignore

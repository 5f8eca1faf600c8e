/**
 * The load's one read: the model sheet, the layout record, what the model cannot be written over,
 * the workbook's sheets and names. Without a record, the model's cells are told apart by the plan
 * the sheet's header names, or not at all (and the outcome says so).
 */
import { HEADER_NAMES } from "../header-names";
import { BLANK_MODEL_CELL, type Grid, anchorAtA1, layoutRecordOf, sameContent } from "../merge";
import type { SheetPlan } from "../plan-types";
import { type ObstaclesRead, queueObstaclesRead } from "./obstacles";
import { type FoundRecord, type RecordRead, foundRecord, queueRecordRead } from "./record";

/** Rebuilds the plan of an earlier load from what its header recorded (quarter and unit). */
export type PlanFor = (header: { quarter: string; unit: string }) => SheetPlan | null;

/** The proxies the read loads; their properties can be read once the read has synced. */
export interface WorkbookRead {
  readonly sheets: Excel.WorksheetCollection;
  /** The model sheet (a null object when there is none). */
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  /** The charts of the model sheet, to replace the ones a previous load drew. */
  readonly charts: Excel.ChartCollection;
  readonly record: RecordRead;
  readonly obstacles: ObstaclesRead;
}

export function queueRead(context: Excel.RequestContext, plan: SheetPlan): WorkbookRead {
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(plan.sheetName);
  const used = sheet.getUsedRangeOrNullObject();
  sheet.load("name, id, protection/protected");
  used.load("address, formulas, numberFormat");
  const charts = sheets.getItemOrNullObject(plan.sheetName).charts;
  charts.load("items/name");
  const record = queueRecordRead(context);
  const obstacles = queueObstaclesRead(sheet, plan);
  sheets.load("items/name, items/id, items/visibility");
  context.workbook.names.load("items/name, items/formula, items/comment");
  return { sheets, sheet, used, charts, record, obstacles };
}

export const isProtected = (read: WorkbookRead) =>
  !read.sheet.isNullObject && read.sheet.protection.protected;

/**
 * How the model's cells were told from the analyst's: by the layout record, by the plan the
 * sheet's header names (the record is missing), or not at all (every cell with content is taken
 * as the analyst's).
 */
export type PreviousSource = "record" | "header" | "none";

/** What the read found on the model sheet and in the layout record, each placed from A1. */
export interface ReadGrids {
  /** The model sheet's formulas now (empty when there is no model sheet). */
  readonly current: Grid;
  readonly currentFormats: Grid;
  /** What the previous load wrote, from A1 (null when it cannot be told). */
  readonly previous: Grid | null;
  readonly source: PreviousSource;
  /** The layout record the read found (null when there is none). */
  readonly record: FoundRecord | null;
}

export function gridsOf(read: WorkbookRead, plan: SheetPlan, planFor?: PlanFor): ReadGrids {
  const { sheet, used } = read;
  const none = sheet.isNullObject || used.isNullObject;
  const current = none ? [] : anchorAtA1(used.address, used.formulas as Grid);
  const record = foundRecord(read.record, read.sheets.items);
  const named = record || none ? null : planNamedBy(plan, current, planFor);
  return {
    current,
    currentFormats: none ? [] : anchorAtA1(used.address, used.numberFormat as Grid),
    previous: record?.grid ?? (named ? layoutRecordOf(named) : null),
    source: record ? "record" : named ? "header" : "none",
    record,
  };
}

/** The plan whose quarter and unit `grid` holds where `plan` puts its header, or null. */
function planNamedBy(plan: SheetPlan, grid: Grid, planFor?: PlanFor): SheetPlan | null {
  if (!planFor) return null;
  const header = (name: string) => {
    const cell = plan.names.find((n) => n.name === name);
    return cell ? grid[cell.row]?.[cell.col] : undefined;
  };
  const quarter = header(HEADER_NAMES.quarter);
  const unit = header(HEADER_NAMES.unit);
  if (typeof quarter !== "string" || typeof unit !== "string") return null;
  try {
    return planFor({ quarter, unit });
  } catch {
    return null;
  }
}

/**
 * The plan the previous load drew, rebuilt from the quarter and unit its header recorded, or null
 * when it cannot be rebuilt exactly (no rebuilder, an unreadable header, or data that changed
 * since): it is used only if every cell it plans is what the layout record says was written.
 */
export function previousPlanOf(
  plan: SheetPlan,
  previous: Grid | null,
  planFor?: PlanFor
): SheetPlan | null {
  const rebuilt = previous && planNamedBy(plan, previous, planFor);
  return rebuilt && sameGrid(layoutRecordOf(rebuilt), previous) ? rebuilt : null;
}

/** Same contents; a blank cell the model drew counts as blank (records of earlier versions). */
function sameGrid(a: Grid, b: Grid): boolean {
  const at = (g: Grid, r: number, c: number) => (g[r]?.[c] === BLANK_MODEL_CELL ? "" : g[r]?.[c]);
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const columns = Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0);
    for (let c = 0; c < columns; c++) if (!sameContent(at(a, r, c), at(b, r, c))) return false;
  }
  return true;
}

/** The load's one read: the model sheet, the layout record, the workbook's sheets and names. */
import { type Grid, anchorAtA1, modelFormulasOf, sameContent } from "../merge";
import type { SheetPlan } from "../plan-types";

/** Where the model remembers what it wrote, so the next load can tell the analyst's cells apart. */
export const LAYOUT_SHEET_NAME = "IIJ Model layout";

/** Rebuilds the plan of an earlier load from what its header recorded (quarter and unit). */
export type PlanFor = (header: { quarter: string; unit: string }) => SheetPlan | null;

/** The proxies the read loads; their properties can be read once the read has synced. */
export interface WorkbookRead {
  readonly sheets: Excel.WorksheetCollection;
  /** The model sheet (a null object when there is none). */
  readonly sheet: Excel.Worksheet;
  /** The layout record's sheet (a null object when there is none). */
  readonly layout: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly previousUsed: Excel.Range;
  /** The charts of the model sheet, to replace the ones a previous load drew. */
  readonly charts: Excel.ChartCollection;
}

export function queueRead(context: Excel.RequestContext, sheetName: string): WorkbookRead {
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(sheetName);
  const layout = sheets.getItemOrNullObject(LAYOUT_SHEET_NAME);
  const used = sheet.getUsedRangeOrNullObject();
  const previousUsed = layout.getUsedRangeOrNullObject();
  sheet.load("name, id, protection/protected");
  layout.load("name, id");
  used.load("address, formulas, numberFormat");
  previousUsed.load("address, formulas");
  const charts = sheets.getItemOrNullObject(sheetName).charts;
  charts.load("items/name");
  sheets.load("items/name, items/id");
  context.workbook.names.load("items/name, items/formula, items/comment");
  return { sheets, sheet, layout, used, previousUsed, charts };
}

export const isProtected = (read: WorkbookRead) =>
  !read.sheet.isNullObject && read.sheet.protection.protected;

/** What the read found on the model sheet and in the layout record, each placed from A1. */
export interface ReadGrids {
  /** The model sheet's formulas now (empty when there is no model sheet). */
  readonly current: Grid;
  readonly currentFormats: Grid;
  /** What the previous load wrote, from the layout record (null when there is none). */
  readonly previous: Grid | null;
}

export function gridsOf({ sheet, used, layout, previousUsed }: WorkbookRead): ReadGrids {
  const none = sheet.isNullObject || used.isNullObject;
  return {
    current: none ? [] : anchorAtA1(used.address, used.formulas as Grid),
    currentFormats: none ? [] : anchorAtA1(used.address, used.numberFormat as Grid),
    previous:
      layout.isNullObject || previousUsed.isNullObject
        ? null
        : anchorAtA1(previousUsed.address, previousUsed.formulas as Grid),
  };
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
  if (!previous || !planFor) return null;
  const header = (name: string) => {
    const cell = plan.names.find((n) => n.name === name);
    return cell ? previous[cell.row]?.[cell.col] : undefined;
  };
  const quarter = header("IIJ_QUARTER");
  const unit = header("IIJ_UNIT");
  if (typeof quarter !== "string" || typeof unit !== "string") return null;
  let rebuilt: SheetPlan | null;
  try {
    rebuilt = planFor({ quarter, unit });
  } catch {
    return null;
  }
  return rebuilt && sameGrid(modelFormulasOf(rebuilt), previous) ? rebuilt : null;
}

function sameGrid(a: Grid, b: Grid): boolean {
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const columns = Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0);
    for (let c = 0; c < columns; c++) if (!sameContent(a[r]?.[c], b[r]?.[c])) return false;
  }
  return true;
}

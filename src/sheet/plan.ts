/**
 * The model sheet for a quarter, as a plan: a layout of rows by id and columns by period, then one
 * small builder per section writing its cells into that layout. Every figure is a printed input or
 * a native Excel formula (no IIJ functions, so the file works anywhere). See src/sheet/plan/.
 */
import { type IIJModel, periodKey } from "../model";
import { type SheetPlan, type SheetUnit, SHEET_UNITS } from "./plan-types";
import { AGAINST_GUIDANCE } from "./plan/against-guidance";
import { BACKTEST } from "./plan/backtest";
import { CHART } from "./plan/chart";
import { CHECKS } from "./plan/checks";
import { FIRST_PERIOD_COL, ID_COL, LABEL_COL } from "./plan/columns";
import { type PlanContext, type PlanOptions, planContext } from "./plan/context";
import { DRIVERS } from "./plan/drivers";
import { FORECAST_BUILD } from "./plan/forecast-build";
import { FORECAST_CHECKS } from "./plan/forecast-checks";
import { GROWTH_AND_MARGINS } from "./plan/growth";
import { GUIDANCE } from "./plan/guidance";
import { HEADER, frozenRows } from "./plan/header";
import { type Section, type SheetLayout, layOut } from "./plan/layout";
import { NOTED } from "./plan/noted";
import { KPIS, STATEMENTS } from "./plan/statements";
import { wrapLongTexts } from "./plan/wrap";
import { SheetWriter } from "./plan/writer";

export type { PlanOptions } from "./plan/context";

export const MODEL_SHEET_NAME = "IIJ Model";

/** The sections, top to bottom. */
const SECTIONS: readonly Section[] = [
  HEADER,
  ...STATEMENTS,
  KPIS,
  FORECAST_BUILD,
  FORECAST_CHECKS,
  GROWTH_AND_MARGINS,
  BACKTEST,
  GUIDANCE,
  AGAINST_GUIDANCE,
  DRIVERS,
  CHART,
  CHECKS,
  NOTED,
];

/**
 * The model sheet for a quarter: header, one column per quarter (oldest first), the estimates and
 * their fiscal year; one row per printed line of each statement and table, the forecast build,
 * growth and margins, guidance, drivers, chart data and the checks.
 */
export function planModelSheet(model: IIJModel, options: PlanOptions): SheetPlan {
  const ctx = planContext(model, options);
  const layout = layOut(ctx, SECTIONS);
  const out = new SheetWriter();
  for (const section of SECTIONS) {
    if (!layout.shows(section)) continue;
    if (section.title)
      out.text(layout.titleRow(section), LABEL_COL, section.title(ctx), "sectionHeader");
    section.build(ctx, layout, out);
  }
  return sheetPlan(ctx, layout, out);
}

/** Where every row of the model sheet for a quarter goes, by id (for tests and tools). */
export function modelSheetLayout(model: IIJModel, options: PlanOptions): SheetLayout {
  return layOut(planContext(model, options), SECTIONS);
}

/** Rows a printed page can hold at the least and stay readable. */
const ROWS_PER_PAGE = 40;

/**
 * Pages high: enough that the width alone sets the scale. (0, Excel's "automatic", prints the
 * whole sheet on one page in LibreOffice.)
 */
function pagesHigh(rows: number): number {
  return Math.ceil(rows / ROWS_PER_PAGE);
}

function sheetPlan(
  { target, unit, columns }: PlanContext,
  layout: SheetLayout,
  out: SheetWriter
): SheetPlan {
  const written = out.rowMajorCells();
  const columnCount =
    Math.max(columns.last, FIRST_PERIOD_COL + 4, ...written.map((c) => c.col)) + 1;
  const columnWidths = Array.from({ length: columnCount }, (_, c) =>
    c === LABEL_COL ? 56 : c === ID_COL ? 14 : 13
  );
  const { cells, rowHeights } = wrapLongTexts(written, columnWidths, columnCount - 1);
  const count = (f: (c: (typeof cells)[number]) => boolean) => cells.filter(f).length;
  return {
    sheetName: MODEL_SHEET_NAME,
    quarter: periodKey(target),
    unit,
    rowCount: layout.rowCount,
    columnCount,
    cells,
    names: out.names,
    columnWidths,
    rowHeights,
    freeze: { rows: frozenRows(layout), columns: FIRST_PERIOD_COL },
    print: {
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: pagesHigh(layout.rowCount),
      titleRows: { first: layout.row("period_headers"), last: layout.row("period_dates") },
      titleColumns: { first: LABEL_COL, last: ID_COL },
      lastRow: layout.rowCount - 1,
      lastCol: columnCount - 1,
    },
    checkAreas: out.checkAreas,
    validations: out.validations,
    charts: out.charts,
    summary: {
      values: count(
        (c) => c.formula === undefined && (c.style === "input" || c.style === "inputText")
      ),
      formulas: count((c) => c.formula !== undefined),
      checks: count((c) => c.style === "check"),
      noted: count((c) => c.style === "noted"),
    },
  };
}

/**
 * The plan a model sheet was drawn from, given the quarter and unit its header records; null when
 * they name no plan (a header the analyst edited, or a quarter the data no longer has).
 */
export function planFromHeader(
  model: IIJModel,
  header: { quarter: string; unit: string }
): SheetPlan | null {
  if (!SHEET_UNITS.includes(header.unit as SheetUnit)) return null;
  try {
    return planModelSheet(model, { quarter: header.quarter, unit: header.unit as SheetUnit });
  } catch {
    return null;
  }
}

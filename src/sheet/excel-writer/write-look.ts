/**
 * The model sheet's look, queued: format resets, fonts and fills, column widths, panes, check
 * highlighting, lists, charts and the print setup (write-print.ts). A load draws the new plan's
 * look with these; a failed load redraws the previous plan's with the same functions.
 */
import { type PlanArea, type PlanCell, type PlanChart, type SheetPlan, a1 } from "../plan-types";
import { CHECK_ALERT, STYLES } from "../styles";
import { queuePrintSetup } from "./write-print";

// Column widths are in points; a character of the default font is about 5.5 points wide.
const POINTS_PER_CHARACTER = 5.5;

const areaAddress = (area: Omit<PlanArea, "expected">) =>
  `${a1(area.firstRow, area.firstCol)}:${a1(area.lastRow, area.lastCol)}`;

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

/**
 * Clears old formats, conditional formats and lists from the model's cells over rows x columns,
 * row by row: the cells it draws now or drew before (`modelCells`). The analyst's cells, and the
 * blank cells the model never drew, keep the number formats, fills and lists the analyst gave them.
 * Lists too: clear("Formats") leaves a cell's data validation, and a list the previous layout put
 * on a row that now holds a driver would refuse its numbers.
 */
export function queueFormatReset(
  sheet: Excel.Worksheet,
  modelCells: readonly (readonly boolean[])[],
  rows: number,
  columns: number
): void {
  for (let r = 0; r < rows; r++) {
    const cols = Array.from({ length: columns }, (_, c) => ({ model: !!modelCells[r]?.[c], c }));
    for (const run of runs(
      cols,
      (x) => (x.model ? "model" : null),
      (x) => x.c
    )) {
      const cells = sheet.getRange(`${a1(r, run.from)}:${a1(r, run.to)}`);
      cells.clear("Formats");
      cells.conditionalFormats.clearAll();
      cells.dataValidation.clear();
    }
  }
}

/** Everything of the plan's look but number formats, which go with the contents. */
export function queueLook(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  existingCharts: readonly string[]
): void {
  queueStyles(sheet, plan.cells);
  queueColumnWidths(sheet, plan.columnWidths);
  queueFreezePanes(sheet, plan.freeze);
  queueCheckHighlighting(sheet, plan.checkAreas);
  queueLists(sheet, plan.validations);
  queueCharts(sheet, plan.charts, existingCharts);
  queuePrintSetup(sheet, plan.print);
}

function queueStyles(sheet: Excel.Worksheet, planCells: readonly PlanCell[]): void {
  const byRow = new Map<number, PlanCell[]>();
  for (const cell of planCells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
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

/** @param widths in characters of the default font, column A first */
function queueColumnWidths(sheet: Excel.Worksheet, widths: readonly number[]): void {
  widths.forEach((width, c) => {
    sheet.getRange(`${a1(0, c)}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
}

function queueFreezePanes(
  sheet: Excel.Worksheet,
  freeze: { readonly rows: number; readonly columns: number }
): void {
  sheet.freezePanes.unfreeze();
  sheet.freezePanes.freezeAt(sheet.getRange(`A1:${a1(freeze.rows - 1, freeze.columns - 1)}`));
}

/** Each check area is highlighted wherever a difference is not what it expects (zero). */
function queueCheckHighlighting(sheet: Excel.Worksheet, areas: readonly PlanArea[]): void {
  for (const area of areas) {
    const target = sheet.getRange(areaAddress(area));
    const cf = target.conditionalFormats.add("CellValue");
    cf.cellValue.format.font.color = CHECK_ALERT.color;
    cf.cellValue.format.font.bold = true;
    if (CHECK_ALERT.fill) cf.cellValue.format.fill.color = CHECK_ALERT.fill;
    cf.cellValue.rule = { formula1: `=${area.expected}`, operator: "NotEqualTo" };
  }
}

function queueLists(sheet: Excel.Worksheet, validations: SheetPlan["validations"]): void {
  for (const v of validations) {
    const validation = sheet.getRange(a1(v.row, v.col)).dataValidation;
    validation.clear();
    validation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
  }
}

/** The plan's charts, replacing the ones a previous load drew (found by name). */
function queueCharts(
  sheet: Excel.Worksheet,
  charts: readonly PlanChart[],
  existing: readonly string[]
): void {
  for (const spec of charts) {
    if (existing.includes(spec.name)) sheet.charts.getItem(spec.name).delete();
    const chart = sheet.charts.add("LineMarkers", sheet.getRange(areaAddress(spec.data)), "Rows");
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.setPosition(a1(spec.from.row, spec.from.col), a1(spec.to.row, spec.to.col));
    for (const i of spec.secondary) chart.series.getItemAt(i).axisGroup = "Secondary";
    for (const i of spec.markersOnly) chart.series.getItemAt(i).format.line.lineStyle = "None";
  }
}

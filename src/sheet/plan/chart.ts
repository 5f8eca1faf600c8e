/**
 * The chart's data block: total revenues and operating income by quarter, actuals then estimates,
 * with the guided quarter's guidance bounds as single points; and the chart drawn over it.
 */
import { type LineId, periodKey } from "../../model";
import { a1 } from "../plan-types";
import { FIRST_PERIOD_COL, ID_COL, type QuarterColumn } from "./columns";
import type { PlanContext } from "./context";
import { amountFormat, fromMillions } from "./formats";
import { GUIDANCE_COLS } from "./guidance";
import { frozenRows } from "./header";
import { type RowId, type Section, type SheetLayout, guidanceRow, lineRow } from "./layout";
import type { SheetWriter } from "./writer";

interface Series {
  readonly id: RowId;
  readonly label: string;
  readonly formula: (layout: SheetLayout, c: QuarterColumn) => string | null;
}

function series({ guided, unit }: PlanContext): Series[] {
  const guidedKey = periodKey(guided);
  const factor = fromMillions(unit);
  const line = (id: LineId<"INCOME">) => (layout: SheetLayout, c: QuarterColumn) =>
    `=${layout.cell(lineRow("INCOME", id), c.key)}`;
  /** A guidance bound, in the guided quarter's column only, where it is guided. */
  const bound = (metric: string, col: number) => (layout: SheetLayout, c: QuarterColumn) => {
    const row = guidanceRow(guidedKey, metric);
    return c.key === guidedKey && layout.has(row) ? `=${a1(layout.row(row), col)}${factor}` : null;
  };
  return [
    { id: "chart:total_revenues", label: "Total revenues", formula: line("total_revenues") },
    {
      id: "chart:operating_income",
      label: "Operating income (loss)",
      formula: line("operating_income"),
    },
    ...(["revenues", "operating_income"] as const).flatMap((metric) =>
      (["low", "high"] as const).map((b): Series => ({
        id: `chart:guidance:${metric}:${b}`,
        label: `${guidedKey} ${metric === "revenues" ? "revenues" : "operating income"} guidance, ${b}`,
        formula: bound(metric, GUIDANCE_COLS[b]),
      }))
    ),
  ];
}

/** The chart's categories: every quarter, side by side (the fiscal years left out). */
function chartColumns({ columns }: PlanContext): { c: QuarterColumn; col: number }[] {
  return columns.quarters.map((c, i) => ({ c, col: FIRST_PERIOD_COL + i }));
}

function buildChart(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  const { columns, unit } = ctx;
  const heads = layout.row("chart_headers");
  const categories = chartColumns(ctx);
  out.text(heads, ID_COL, "Quarter", "columnHeader");
  for (const { c, col } of categories) {
    const actual = c.kind === "actual";
    out.text(heads, col, actual ? c.key : `${c.key}E`, actual ? "columnHeader" : "estimateHeader");
  }
  const all = series(ctx);
  for (const s of all) {
    const row = layout.row(s.id);
    out.text(row, ID_COL, s.label, "label");
    for (const { c, col } of categories) {
      const formula = s.formula(layout, c);
      if (formula)
        out.put(row, col, { formula, style: "formula", numberFormat: amountFormat(unit) });
    }
  }
  const freeze = frozenRows(layout);
  out.charts.push({
    name: "IIJ Model chart",
    title: `IIJ: total revenues and operating income (${unit}), with ${periodKey(ctx.guided)} guidance`,
    data: {
      firstRow: heads,
      lastRow: layout.row(all[all.length - 1].id),
      firstCol: ID_COL,
      lastCol: categories[categories.length - 1].col,
    },
    // Operating income and its guidance on the secondary axis; guidance bounds as markers.
    secondary: [1, 4, 5],
    markersOnly: [2, 3, 4, 5],
    from: { row: freeze, col: columns.last + 2 },
    to: { row: freeze + 22, col: columns.last + 9 },
  });
}

export const CHART: Section = {
  id: "chart",
  title: ({ unit }) => `Chart data (${unit})`,
  rows: (ctx) => ["chart_headers", ...series(ctx).map((s) => s.id)],
  build: buildChart,
};

/**
 * Estimates against guidance: each guided metric of the first estimated quarter, and the fiscal
 * year's operating income against a worded outlook, flagged live as the drivers change.
 */
import { periodKey } from "../../model";
import { a1 } from "../plan-types";
import { FIRST_PERIOD_COL, LABEL_COL } from "./columns";
import type { PlanContext } from "./context";
import { FORMATS, toMillions } from "./formats";
import { GUIDANCE_COLS } from "./guidance";
import { type RowId, type Section, type SheetLayout, guidanceRow, lineRow } from "./layout";
import type { SheetWriter } from "./writer";

/** The estimate row of each metric guidance can give a range for. */
const ESTIMATED: Readonly<Record<string, RowId>> = {
  revenues: lineRow("INCOME", "total_revenues"),
  operating_income: lineRow("INCOME", "operating_income"),
  ebitda: "ebitda",
};

const COLS = {
  estimate: FIRST_PERIOD_COL,
  low: FIRST_PERIOD_COL + 1,
  high: FIRST_PERIOD_COL + 2,
  flag: FIRST_PERIOD_COL + 3,
};

/**
 * Metrics guided for the first estimated quarter, and whether the year has an outlook to test:
 * guidance issued by the time of the loaded quarter only (a back-test is not held to later words).
 */
function checked({ guidance, guided, columns }: PlanContext) {
  const guidedKey = periodKey(guided);
  const yearKey = periodKey({ kind: "year", fy: columns.fiscalYear });
  const known = guidance.filter((g) => g.known);
  return {
    metrics: Object.keys(ESTIMATED).filter((id) =>
      known.some((g) => g.period === guidedKey && g.item.id === id && g.range)
    ),
    outlook:
      columns.year !== null &&
      known.some(
        (g) => g.period === yearKey && g.item.id === "operating_income" && g.outlook !== undefined
      ),
  };
}

function againstRows(ctx: PlanContext): RowId[] {
  const { metrics, outlook } = checked(ctx);
  return [
    ...metrics.map((id): RowId => `against:${id}`),
    ...(outlook ? ["against_outlook" as const] : []),
  ];
}

/** `in range`, `below` or `above`, on the estimate rounded to 6 places (float noise). */
const flag = (estimate: string, low: string, high: string) =>
  `=IF(ROUND(${estimate},6)<${low},"below",IF(ROUND(${estimate},6)>${high},"above","in range"))`;

function putMetric(ctx: PlanContext, layout: SheetLayout, out: SheetWriter, id: string): void {
  const guidedKey = periodKey(ctx.guided);
  const row = layout.row(`against:${id}`);
  const guided = layout.row(guidanceRow(guidedKey, id));
  const label = ctx.model.items("GUIDANCE").find((i) => i.id === id)?.label;
  out.label(row, `${guidedKey}E ${label}`, id);
  const at = (col: number) => a1(row, col);
  const estimate = `=${layout.cell(ESTIMATED[id], guidedKey)}${toMillions(ctx.unit)}`;
  out.put(row, COLS.estimate, {
    formula: estimate,
    style: "formula",
    numberFormat: FORMATS.millions,
  });
  const low = `=${a1(guided, GUIDANCE_COLS.low)}`;
  out.put(row, COLS.low, { formula: low, style: "formula", numberFormat: FORMATS.count });
  const high = `=${a1(guided, GUIDANCE_COLS.high)}`;
  out.put(row, COLS.high, { formula: high, style: "formula", numberFormat: FORMATS.count });
  out.put(row, COLS.flag, {
    formula: flag(at(COLS.estimate), at(COLS.low), at(COLS.high)),
    style: "formula",
  });
}

function putOutlook(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  const { columns, unit } = ctx;
  const row = layout.row("against_outlook");
  out.label(
    row,
    `FY${columns.fiscalYear}E operating income against the outlook (positive)`,
    "operating_income"
  );
  const yearKey = periodKey({ kind: "year", fy: columns.fiscalYear });
  out.put(row, COLS.estimate, {
    formula: `=${layout.cell(lineRow("INCOME", "operating_income"), yearKey)}${toMillions(unit)}`,
    style: "formula",
    numberFormat: FORMATS.millions,
  });
  out.put(row, COLS.flag, {
    formula: `=IF(ROUND(${a1(row, COLS.estimate)},6)>0,"in range","below")`,
    style: "formula",
  });
}

function buildAgainstGuidance(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  const heads = layout.row("against_headers");
  out.text(heads, LABEL_COL, "Metric", "columnHeader");
  ["Estimate", "Low", "High", "Flag"].forEach((h, i) =>
    out.text(heads, FIRST_PERIOD_COL + i, h, "columnHeader")
  );
  const { metrics, outlook } = checked(ctx);
  metrics.forEach((id) => putMetric(ctx, layout, out, id));
  if (outlook) putOutlook(ctx, layout, out);
  const flagged = againstRows(ctx).map((id) => layout.row(id));
  out.checkAreas.push({
    firstRow: flagged[0],
    lastRow: flagged[flagged.length - 1],
    firstCol: COLS.flag,
    lastCol: COLS.flag,
    expected: '"in range"',
  });
}

export const AGAINST_GUIDANCE: Section = {
  id: "against_guidance",
  title: () => "Estimates against guidance (JPY millions; live: they follow the drivers)",
  // Left out when nothing is guided for the estimates.
  rows: (ctx) => {
    const rows = againstRows(ctx);
    return rows.length > 0 ? ["against_headers", ...rows] : [];
  },
  build: buildAgainstGuidance,
};

/**
 * The forecast build: rows the estimates need beyond the statements (gross profit, D&A, the
 * Table 5 EBITDA gap, EBITDA), over the actual quarters, the estimates and the fiscal year alike.
 */
import { EBITDA_DEFINITION, periodKey } from "../../model";
import { driverName } from "../forecast";
import { LABEL_COL, type PeriodColumn } from "./columns";
import type { PlanContext } from "./context";
import { amountFormat } from "./formats";
import { type DerivedRowId, type RowId, type Section, type SheetLayout, lineRow } from "./layout";
import { type SheetWriter, formulaRow, yearSum } from "./writer";

type Formula = (c: PeriodColumn) => string;

const OPERATING_INCOME = lineRow("INCOME", "operating_income");

/** Each row: id, label, and its formula in each period column. */
function buildRows({ unit }: PlanContext, layout: SheetLayout): [DerivedRowId, string, Formula][] {
  const at = (id: RowId, c: PeriodColumn) => layout.cell(id, c.key);
  // Drivers and Table 5 are in JPY millions.
  const factor = unit === "JPY millions" ? "" : "*1000";
  /** Actual quarters read the statements, estimates the drivers; the year sums its quarters. */
  const byKind =
    (id: RowId, actual: Formula, estimate: Formula): Formula =>
    (c) =>
      c.kind === "year" ? yearSum(layout, id) : c.kind === "actual" ? actual(c) : estimate(c);
  return [
    [
      "gross_profit",
      "Gross profit (total revenues - total costs)",
      (c) =>
        `=${at(lineRow("INCOME", "total_revenues"), c)}-${at(lineRow("INCOME", "total_costs"), c)}`,
    ],
    [
      "da",
      "Depreciation and amortization (as in the cash flows)",
      byKind(
        "da",
        (c) => `=${at(lineRow("CASHFLOW", "depreciation_and_amortization"), c)}`,
        () => `=${driverName("da")}${factor}`
      ),
    ],
    [
      "ebitda_gap",
      "Operating income + D&A - EBITDA (the Table 5 gap)",
      byKind(
        "ebitda_gap",
        (c) => `=${at(OPERATING_INCOME, c)}+${at("da", c)}-${at("ebitda", c)}`,
        () => `=${driverName("ebitda_gap")}${factor}`
      ),
    ],
    [
      "ebitda",
      "EBITDA (Table 5 basis)",
      byKind(
        "ebitda",
        (c) => `=${at(lineRow("KPI", "ebitda"), c)}${factor}`,
        (c) => `=${at(OPERATING_INCOME, c)}+${at("da", c)}-${at("ebitda_gap", c)}`
      ),
    ],
  ];
}

/** Why the gap is a driver, in the release's own words where it declares the non-tie. */
function ebitdaNote({ model, seeding, target }: PlanContext): string {
  const period = periodKey(target);
  const lastGap = seeding.drivers.find((d) => d.id === "ebitda_gap")?.seeds.Mid.toString();
  const declared = [...model.releases]
    .reverse()
    .flatMap((r) => r.inconsistencies)
    .find((i) => i.checkId === EBITDA_DEFINITION && i.period === period);
  const why = declared ? ` ${period}: ${declared.explanation}` : "";
  return `Note: operating income + D&A - EBITDA (Table 5) is ${lastGap} JPY millions in ${period}.${why} Estimates keep that gap as a driver, so EBITDA stays on the basis IIJ reports and guides.`;
}

export const FORECAST_BUILD: Section = {
  id: "forecast_build",
  title: ({ unit }) => `Forecast build (${unit}; estimates from the drivers below)`,
  rows: () => ["gross_profit", "da", "ebitda_gap", "ebitda", "ebitda_note"],
  build(ctx, layout, out: SheetWriter) {
    for (const [id, label, formula] of buildRows(ctx, layout))
      formulaRow(layout, out, id, label, amountFormat(ctx.unit), formula);
    out.text(layout.row("ebitda_note"), LABEL_COL, ebitdaNote(ctx), "note");
  },
};

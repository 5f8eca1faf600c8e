/**
 * The forecast build: rows the estimates need beyond the statements (gross profit, D&A, the
 * Table 5 EBITDA gap, EBITDA), over the actual quarters, the estimates and the fiscal year alike.
 */
import {
  EBITDA_DEFINITION,
  type Term,
  derivedLine,
  derivedValue,
  isIIJError,
  periodKey,
  shiftQuarter,
} from "../../model";
import { COST_COMPONENTS } from "../../model/forecast-spec";
import { componentDriver, driverName } from "../forecast";
import { LABEL_COL, type PeriodColumn, type QuarterColumn } from "./columns";
import type { PlanContext } from "./context";
import { amountFormat, fromMillions } from "./formats";
import {
  type DerivedRowId,
  type RowId,
  type Section,
  type SheetLayout,
  componentRow,
  lineRow,
  printedRow,
} from "./layout";
import { type SheetWriter, formulaRow, weightedSum, yearSum } from "./writer";

type Formula = (c: PeriodColumn) => string;

/**
 * A derived line's formula from its one definition (src/model/derived.ts), which the functions
 * answer from too, so `=IIJ.INCOME(q,"Gross profit")` and the sheet's row cannot disagree.
 */
function derivedFormula(id: string, cellOf: (t: Term) => string): string {
  return weightedSum(derivedLine(id).terms.map((t) => ({ cell: cellOf(t), weight: t.sign ?? 1 })));
}

const OPERATING_INCOME = lineRow("INCOME", "operating_income");

type Row = [DerivedRowId, string, Formula];
type EstimateFormula = (c: QuarterColumn) => string;

/** Actual quarters read the statements, estimates the drivers; a year sums its quarters. */
const byKind =
  (layout: SheetLayout, id: RowId, actual: Formula, estimate: EstimateFormula): Formula =>
  (c) =>
    c.kind === "year" ? yearSum(layout, id, c) : c.kind === "actual" ? actual(c) : estimate(c);

/**
 * Table 4's backbone costs (JPY millions) in the sheet's unit, each on its own growth driver, and
 * what is left of the cost of connectivity after them.
 */
function componentRows({ model, unit }: PlanContext, layout: SheetLayout): Row[] {
  const factor = fromMillions(unit);
  return COST_COMPONENTS.flatMap(({ line, parts, restLabel }) => [
    ...parts.map((kpi): Row => {
      const id = componentRow(kpi);
      const label = `${model.catalogue("KPI").get(kpi)?.label ?? kpi} (Table 4)`;
      return [
        id,
        label,
        byKind(
          layout,
          id,
          (c) => `=${layout.cell(lineRow("KPI", kpi), c.key)}${factor}`,
          (c) =>
            `=${layout.cell(id, periodKey(shiftQuarter(c.quarter, -1)))}*(1+${driverName(componentDriver(kpi), c.key)})`
        ),
      ];
    }),
    [
      `component_rest:${line}`,
      restLabel,
      (c) =>
        `=${layout.cell(printedRow({ statement: "INCOME", id: line }), c.key)}-${parts.map((kpi) => layout.cell(componentRow(kpi), c.key)).join("-")}`,
    ],
  ]);
}

/** Each row: id, label, and its formula in each period column. */
function buildRows(ctx: PlanContext, layout: SheetLayout): Row[] {
  const at = (id: RowId, c: PeriodColumn) => layout.cell(id, c.key);
  // Drivers and Table 5 are in JPY millions.
  const factor = fromMillions(ctx.unit);
  return [
    [
      "gross_profit",
      "Gross profit (total revenues - total costs)",
      (c) =>
        derivedFormula("gross_profit", (t) =>
          at(printedRow({ statement: t.statement, id: t.row }), c)
        ),
    ],
    ...componentRows(ctx, layout),
    [
      "da",
      "Depreciation and amortization (as in the cash flows)",
      byKind(
        layout,
        "da",
        (c) => `=${at(lineRow("CASHFLOW", "depreciation_and_amortization"), c)}`,
        (c) => `=${driverName("da", c.key)}${factor}`
      ),
    ],
    [
      "capex",
      "CAPEX, including capitalized leases (Table 5 basis: paid in cash + new leases)",
      byKind(
        layout,
        "capex",
        (c) => `=${at(lineRow("KPI", "capex"), c)}${factor}`,
        (c) => `=(${driverName("capex_cash", c.key)}+${driverName("capex_leases", c.key)})${factor}`
      ),
    ],
    [
      "ebitda_gap",
      "Operating income + D&A - EBITDA (the Table 5 gap)",
      byKind(
        layout,
        "ebitda_gap",
        (c) => `=${at(OPERATING_INCOME, c)}+${at("da", c)}-${at("ebitda", c)}`,
        (c) => `=${driverName("ebitda_gap", c.key)}${factor}`
      ),
    ],
    [
      "ebitda",
      "EBITDA (Table 5 basis)",
      byKind(
        layout,
        "ebitda",
        (c) => `=${at(lineRow("KPI", "ebitda"), c)}${factor}`,
        (c) => `=${at(OPERATING_INCOME, c)}+${at("da", c)}-${at("ebitda_gap", c)}`
      ),
    ],
  ];
}

/**
 * Free cash flow and net debt, by their one definition (src/model/derived.ts): in an actual quarter
 * only where the release prints every figure they use (a blank would read as 0, a wrong number),
 * in every estimate from the forecast statements; a year sums free cash flow and takes net debt
 * at its end.
 */
function cashRows({ model }: PlanContext, layout: SheetLayout): Row[] {
  const at = (id: RowId, key: string) => layout.cell(id, key);
  const row = (id: "free_cash_flow" | "net_debt", label: string): Row => [
    id,
    label,
    (c) => {
      if (c.kind === "year")
        return derivedLine(id).kind === "flow"
          ? yearSum(layout, id, c)
          : `=${at(id, c.parts[c.parts.length - 1])}`;
      if (c.kind === "actual" && !printsAll(model, id, c.key)) return "";
      return derivedFormula(id, (t) =>
        at(printedRow({ statement: t.statement, id: t.row }), c.key)
      );
    },
  ];
  return [
    row(
      "free_cash_flow",
      "Free cash flow (operating cash flow + purchases of property and equipment)"
    ),
    row(
      "net_debt",
      "Net debt (borrowings, convertible notes, capital leases - cash and short-term investments)"
    ),
  ];
}

/** Whether the releases print every figure a derived line uses in `period`. */
function printsAll(model: PlanContext["model"], id: string, period: string): boolean {
  try {
    derivedValue(model, derivedLine(id), period);
    return true;
  } catch (error) {
    if (!isIIJError(error)) throw error;
    return false;
  }
}

/** Why the gap is a driver, in the release's own words where it declares the non-tie. */
function ebitdaNote({ model, seeding, target }: PlanContext): string {
  const period = periodKey(target);
  const lastGap = seeding.basis.gap.toString();
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
  rows: () => [
    "gross_profit",
    ...COST_COMPONENTS.flatMap(({ line, parts }) => [
      ...parts.map(componentRow),
      `component_rest:${line}` as const,
    ]),
    "da",
    "capex",
    "ebitda_gap",
    "ebitda",
    "ebitda_note",
    "free_cash_flow",
    "net_debt",
  ],
  build(ctx, layout, out: SheetWriter) {
    for (const [id, label, formula] of [...buildRows(ctx, layout), ...cashRows(ctx, layout)])
      formulaRow(layout, out, id, label, amountFormat(ctx.unit), formula);
    out.text(layout.row("ebitda_note"), LABEL_COL, ebitdaNote(ctx), "note");
  },
};

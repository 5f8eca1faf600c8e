/**
 * The statements (operations, balance sheets, cash flows) and the KPI tables: one row per printed
 * line, its printed figures in the actual quarters; the lines the forecast estimates also get a
 * formula in each estimated quarter and the fiscal year.
 */
import {
  FINANCIAL_STATEMENTS,
  type FinancialStatement,
  type Item,
  STATEMENT_TITLES,
  displayLabels,
  periodKey,
  shiftQuarter,
} from "../../model";
import { type LineRule, driverName } from "../forecast";
import type { SheetUnit } from "../plan-types";
import type { QuarterColumn } from "./columns";
import type { PlanContext } from "./context";
import { amountFormat } from "./formats";
import { type RowId, type Section, type SheetLayout, printedRow } from "./layout";
import { NOT_APPLICABLE, printedCell } from "./printed";
import { type SheetWriter, yearSum } from "./writer";

/** A line's printed figures, one input cell per actual quarter; "NA" as text, gaps empty. */
function putPrinted(
  ctx: PlanContext,
  layout: SheetLayout,
  out: SheetWriter,
  item: Item,
  unit: SheetUnit | null
): void {
  const { statement } = item;
  const row = layout.row(printedRow(item));
  const numberFormat = amountFormat(unit ?? item.unit);
  for (const { key: period, col } of ctx.columns.actuals) {
    const value = printedCell(ctx.model, item, period, unit);
    const source = { statement, itemId: item.id, period, measure: "amount" as const };
    if (value === NOT_APPLICABLE) out.put(row, col, { text: value, style: "inputText", source });
    else if (value !== undefined)
      out.put(row, col, { number: value, style: "input", numberFormat, source });
  }
}

/** An estimated line in an estimated quarter, by its rule; any line it names, by its id. */
function estimateFormula(layout: SheetLayout, rule: LineRule, id: RowId, c: QuarterColumn): string {
  const income = (id: string) => layout.cell(printedRow({ statement: "INCOME", id }), c.key);
  switch (rule.kind) {
    case "growth":
      return `=${layout.cell(id, periodKey(shiftQuarter(c.quarter, -1)))}*(1+${driverName(rule.driver)})`;
    case "ratio":
      return `=${driverName(rule.driver)}*${income(rule.of)}`;
    case "sum":
      return `=SUM(${rule.parts.map(income).join(",")})`;
    case "difference":
      return `=${income(rule.plus)}-${income(rule.minus)}`;
  }
}

function putEstimates(ctx: PlanContext, layout: SheetLayout, out: SheetWriter, item: Item): void {
  const rule = ctx.forecast.get(item.id);
  if (!rule) return;
  const id = printedRow(item);
  const row = layout.row(id);
  const numberFormat = amountFormat(ctx.unit);
  for (const c of ctx.columns.estimates) {
    const formula = estimateFormula(layout, rule, id, c);
    out.put(row, c.col, { formula, style: "forecast", numberFormat });
  }
  if (ctx.columns.year) {
    const formula = yearSum(layout, id);
    out.put(row, ctx.columns.year.col, { formula, style: "forecast", numberFormat });
  }
}

function statementSection(statement: FinancialStatement): Section {
  return {
    id: statement,
    title: ({ unit }) => `${STATEMENT_TITLES[statement]} (${unit})`,
    rows: ({ model }) => model.items(statement).map(printedRow),
    build(ctx, layout, out) {
      const items = ctx.model.items(statement);
      const labels = displayLabels(items);
      for (const item of items) {
        // Lines printed in their own unit (per-share data, share counts) keep it.
        const own = item.unit !== "JPY thousands";
        const label = labels.get(item.id) as string;
        out.label(layout.row(printedRow(item)), own ? `${label} (${item.unit})` : label, item.id);
        putPrinted(ctx, layout, out, item, own ? null : ctx.unit);
        if (statement === "INCOME") putEstimates(ctx, layout, out, item);
      }
    },
  };
}

export const STATEMENTS: readonly Section[] = FINANCIAL_STATEMENTS.map(statementSection);

/** Tables 1-5, in their printed units. */
export const KPIS: Section = {
  id: "KPI",
  title: () => STATEMENT_TITLES.KPI,
  rows: ({ model }) => model.items("KPI").map(printedRow),
  build(ctx, layout, out) {
    const items = ctx.model.items("KPI");
    const labels = displayLabels(items);
    for (const item of items) {
      out.label(layout.row(printedRow(item)), `${labels.get(item.id)} (${item.unit})`, item.id);
      putPrinted(ctx, layout, out, item, null);
    }
  },
};

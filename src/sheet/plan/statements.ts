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
import { putBalanceEstimates } from "./balance-estimates";
import type { QuarterColumn, YearColumn } from "./columns";
import type { PlanContext } from "./context";
import { amountFormat, fromMillions } from "./formats";
import { type RowId, type Section, type SheetLayout, componentRow, printedRow } from "./layout";
import { NOT_APPLICABLE, printedCell } from "./printed";
import { type SheetWriter, weightedSum, yearSum } from "./writer";

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

/** Net loss in the sheet's unit to JPY, for the per-share lines (printed in JPY). */
const toYen = (unit: SheetUnit) => (unit === "JPY millions" ? "1000000" : "1000");

/** An estimated line in an estimated quarter, by its rule; any line it names, by its id. */
function estimateFormula(
  ctx: PlanContext,
  layout: SheetLayout,
  rule: LineRule,
  id: RowId,
  c: QuarterColumn
): string {
  const income = (line: string) =>
    layout.cell(printedRow({ statement: "INCOME", id: line }), c.key);
  const name = (driver: string) => driverName(driver, c.key);
  switch (rule.kind) {
    case "growth": {
      const season = rule.seasonal ? `*(1+${name(rule.seasonal)})` : "";
      return `=${layout.cell(id, periodKey(shiftQuarter(c.quarter, -1)))}*(1+${name(rule.driver)})${season}`;
    }
    case "ratio": {
      const parts = (rule.components ?? []).map(
        (kpi) => `${layout.cell(componentRow(kpi), c.key)}+`
      );
      return `=${parts.join("")}${name(rule.driver)}*${income(rule.of)}`;
    }
    case "sum":
      return weightedSum(rule.parts.map((p) => ({ cell: income(p.id), weight: p.weight })));
    case "amount":
      return `=${name(rule.driver)}${fromMillions(ctx.unit)}`;
    case "count":
      return `=${name(rule.driver)}`;
    case "countRatio":
      return `=${name(rule.driver)}*${income(rule.of)}`;
    case "perShare":
      return perShare(income(rule.of), income(rule.count), ctx.unit);
  }
}

/** Net loss per share in JPY; n.m. without shares. */
function perShare(net: string, count: string, unit: SheetUnit): string {
  return `=IF(${count}=0,"n.m.",${net}*${toYen(unit)}/${count})`;
}

/** A fiscal year: the sum of its quarters; counts their average; per-share lines from those. */
function yearFormula(
  ctx: PlanContext,
  layout: SheetLayout,
  rule: LineRule,
  id: RowId,
  year: YearColumn
): string {
  const income = (line: string) =>
    layout.cell(printedRow({ statement: "INCOME", id: line }), year.key);
  if (rule.kind === "count" || rule.kind === "countRatio")
    return yearSum(layout, id, year, "AVERAGE");
  if (rule.kind === "perShare") return perShare(income(rule.of), income(rule.count), ctx.unit);
  return yearSum(layout, id, year);
}

function putEstimates(ctx: PlanContext, layout: SheetLayout, out: SheetWriter, item: Item): void {
  const rule = ctx.forecast.get(item.id);
  if (!rule) return;
  const id = printedRow(item);
  const row = layout.row(id);
  const own = item.unit !== "JPY thousands";
  const numberFormat = amountFormat(own ? item.unit : ctx.unit);
  for (const c of ctx.columns.estimates) {
    const formula = estimateFormula(ctx, layout, rule, id, c);
    out.put(row, c.col, { formula, style: "forecast", numberFormat });
  }
  for (const year of ctx.columns.years) {
    const formula = yearFormula(ctx, layout, rule, id, year);
    out.put(row, year.col, { formula, style: "forecast", numberFormat });
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
        else putBalanceEstimates(ctx, layout, out, item);
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

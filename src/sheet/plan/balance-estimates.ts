/**
 * The balance sheet and the cash flow in the estimated quarters and years, as
 * `src/model/forecast-spec.ts` describes them: balances roll forward from the previous quarter
 * end, working capital follows days of the quarter's flows, the cash flow carries each change, and
 * the balance sheet's cash is the cash flow's ending cash, so every estimated quarter balances.
 */
import {
  type FinancialStatement,
  type Item,
  type Line,
  periodKey,
  shiftQuarter,
} from "../../model";
import {
  BALANCE_FORECAST,
  CASHFLOW_FORECAST,
  CASH_BEGINNING,
  type FlowTerm,
} from "../../model/forecast-spec";
import { driverName } from "../forecast";
import { DAYS_PER_QUARTER } from "../forecast/balance";
import type { QuarterColumn, YearColumn } from "./columns";
import type { PlanContext } from "./context";
import { amountFormat, fromMillions } from "./formats";
import { type SheetLayout, printedRow } from "./layout";
import { type SheetWriter, weightedSum, yearSum } from "./writer";

type Statement = Exclude<FinancialStatement, "INCOME">;

const cellOf = (layout: SheetLayout, statement: Statement | "INCOME", id: string, period: string) =>
  layout.cell(printedRow({ statement, id }), period);

/** A term in a quarter: a line, a driver (JPY millions) in the sheet's unit, or a change. */
function termOf(ctx: PlanContext, layout: SheetLayout, term: FlowTerm, c: QuarterColumn): string {
  const previous = periodKey(shiftQuarter(c.quarter, -1));
  const value =
    "income" in term
      ? cellOf(layout, "INCOME", term.income, c.key)
      : "driver" in term
        ? `${driverName(term.driver, c.key)}${fromMillions(ctx.unit)}`
        : `(${cellOf(layout, "BALANCE", term.change, c.key)}-${cellOf(layout, "BALANCE", term.change, previous)})`;
  return `${term.sign < 0 ? "-" : "+"}${value}`;
}

const sumOfTerms = (terms: readonly string[]) => terms.join("").replace(/^\+/, "");

function balanceFormula(ctx: PlanContext, layout: SheetLayout, line: Line, c: QuarterColumn) {
  const previous = cellOf(layout, "BALANCE", line.id, periodKey(shiftQuarter(c.quarter, -1)));
  if (line.parts.length > 0)
    return weightedSum(
      line.parts.map((p) => ({ cell: cellOf(layout, "BALANCE", p.id, c.key), weight: p.weight }))
    );
  const rule = BALANCE_FORECAST[line.id as keyof typeof BALANCE_FORECAST];
  if (!rule) return `=${previous}`;
  if ("cash" in rule) return `=${cellOf(layout, "CASHFLOW", "cash_end", c.key)}`;
  if ("days" in rule)
    return `=${cellOf(layout, "INCOME", rule.of, c.key)}*${driverName(rule.days, c.key)}/${DAYS_PER_QUARTER}`;
  return `=${previous}${rule.roll.map((t) => termOf(ctx, layout, t, c)).join("")}`;
}

function cashFlowFormula(ctx: PlanContext, layout: SheetLayout, line: Line, c: QuarterColumn) {
  if (line.parts.length > 0)
    return weightedSum(
      line.parts.map((p) => ({ cell: cellOf(layout, "CASHFLOW", p.id, c.key), weight: p.weight }))
    );
  if (line.id === CASH_BEGINNING)
    return `=${cellOf(layout, "CASHFLOW", "cash_end", periodKey(shiftQuarter(c.quarter, -1)))}`;
  const terms = CASHFLOW_FORECAST[line.id as keyof typeof CASHFLOW_FORECAST];
  return terms ? `=${sumOfTerms(terms.map((t) => termOf(ctx, layout, t, c)))}` : null;
}

/** A fiscal year: balances at its end; flows summed; cash at its beginning, its first quarter's. */
function yearFormula(layout: SheetLayout, statement: Statement, line: Line, year: YearColumn) {
  const row = printedRow({ statement, id: line.id });
  if (statement === "BALANCE") return `=${layout.cell(row, year.parts[3])}`;
  if (line.id === CASH_BEGINNING) return `=${layout.cell(row, year.parts[0])}`;
  if (line.parts.length > 0)
    return weightedSum(
      line.parts.map((p) => ({ cell: cellOf(layout, statement, p.id, year.key), weight: p.weight }))
    );
  return yearSum(layout, row, year);
}

/** A balance-sheet or cash-flow line's estimates, in every estimated quarter and year. */
export function putBalanceEstimates(
  ctx: PlanContext,
  layout: SheetLayout,
  out: SheetWriter,
  item: Item
): void {
  const statement = item.statement as Statement;
  const line = ctx.model.structure(statement).get(item.id);
  if (!line) return;
  const row = layout.row(printedRow(item));
  const numberFormat = amountFormat(ctx.unit);
  for (const c of ctx.columns.estimates) {
    const formula =
      statement === "BALANCE"
        ? balanceFormula(ctx, layout, line, c)
        : cashFlowFormula(ctx, layout, line, c);
    if (formula) out.put(row, c.col, { formula, style: "forecast", numberFormat });
  }
  for (const year of ctx.columns.years)
    out.put(row, year.col, {
      formula: yearFormula(layout, statement, line, year),
      style: "forecast",
      numberFormat,
    });
}

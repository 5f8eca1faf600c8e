/**
 * The estimates' own checks, one per estimated column: the balance sheet balances, its cash is the
 * cash flow's ending cash, and each quarter's beginning cash is the previous quarter end's, as
 * `src/model/statements.ts` describes them (`forecast/checks.ts`). Each is 0 by construction; a
 * value typed over a line the cash flow does not carry shows here.
 */
import { type Term, periodKey, shiftQuarter } from "../../model";
import { type ForecastCheck, checkDifference, forecastChecks } from "../forecast";
import type { PeriodColumn } from "./columns";
import type { PlanContext } from "./context";
import { amountFormat } from "./formats";
import { type RowId, type Section, type SheetLayout, printedRow } from "./layout";
import type { SheetWriter } from "./writer";

const CHECKS = forecastChecks();

const rowOf = (check: ForecastCheck): RowId => `forecast_check:${check.id}`;

/** A term's cell in column `c`: its line, `lag` quarters back (none in a year's column). */
function termCell(layout: SheetLayout, c: PeriodColumn, term: Term): string | null {
  const lag = term.lag ?? 0;
  if (lag === 0) return layout.cell(printedRow({ statement: term.statement, id: term.row }), c.key);
  if (c.kind === "year") return null;
  const period = periodKey(shiftQuarter(c.quarter, -lag));
  return layout.cell(printedRow({ statement: term.statement, id: term.row }), period);
}

function buildChecks(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  const columns = ctx.columns.all.filter((c) => c.kind !== "actual");
  for (const check of CHECKS) {
    const row = layout.row(rowOf(check));
    out.label(row, check.label);
    for (const c of columns) {
      const d = checkDifference(check, (term) => termCell(layout, c, term));
      if (d)
        out.put(row, c.col, {
          formula: `=ROUND(${d},6)`,
          style: "check",
          numberFormat: amountFormat(ctx.unit),
        });
    }
  }
  const [first, last] = [
    layout.row(rowOf(CHECKS[0])),
    layout.row(rowOf(CHECKS[CHECKS.length - 1])),
  ];
  out.checkAreas.push({
    firstRow: first,
    lastRow: last,
    firstCol: columns[0].col,
    lastCol: columns[columns.length - 1].col,
    expected: "0",
  });
}

export const FORECAST_CHECKS: Section = {
  id: "forecast_checks",
  title: ({ unit }) => `Forecast checks (${unit}; each estimated quarter and year, should be 0)`,
  rows: () => CHECKS.map(rowOf),
  build: buildChecks,
};

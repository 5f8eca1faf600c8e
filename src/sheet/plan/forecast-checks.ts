/**
 * The estimates' own checks, one per estimated column: the balance sheet balances, its cash is the
 * cash flow's ending cash, and each quarter's beginning cash is the previous quarter end's. Each
 * is 0 by construction; a value typed over a line the cash flow does not carry shows here.
 */
import { periodKey, shiftQuarter } from "../../model";
import type { PeriodColumn } from "./columns";
import type { PlanContext } from "./context";
import { amountFormat } from "./formats";
import { type RowId, type Section, type SheetLayout, lineRow } from "./layout";
import type { SheetWriter } from "./writer";

type Check = [RowId, string, (layout: SheetLayout, c: PeriodColumn) => string | null];

const CHECKS: readonly Check[] = [
  [
    "forecast_check:balance",
    "Total assets - total liabilities, minority interest and shareholders' equity",
    (layout, c) =>
      `${layout.cell(lineRow("BALANCE", "total_assets"), c.key)}-${layout.cell(lineRow("BALANCE", "total_liabilities_and_shareholders_equity"), c.key)}`,
  ],
  [
    "forecast_check:cash",
    "Balance-sheet cash - the cash flow's cash at the end of the period",
    (layout, c) =>
      `${layout.cell(lineRow("BALANCE", "cash"), c.key)}-${layout.cell(lineRow("CASHFLOW", "cash_end"), c.key)}`,
  ],
  [
    "forecast_check:cash_beginning",
    "Cash at the beginning of the period - balance-sheet cash at the previous quarter end",
    (layout, c) =>
      c.kind === "year"
        ? null
        : `${layout.cell(lineRow("CASHFLOW", "cash_beginning"), c.key)}-${layout.cell(lineRow("BALANCE", "cash"), periodKey(shiftQuarter(c.quarter, -1)))}`,
  ],
];

function buildChecks(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  const columns = ctx.columns.all.filter((c) => c.kind !== "actual");
  for (const [id, label, difference] of CHECKS) {
    const row = layout.row(id);
    out.label(row, label);
    for (const c of columns) {
      const d = difference(layout, c);
      if (d)
        out.put(row, c.col, {
          formula: `=ROUND(${d},6)`,
          style: "check",
          numberFormat: amountFormat(ctx.unit),
        });
    }
  }
  const [first, last] = [layout.row(CHECKS[0][0]), layout.row(CHECKS[CHECKS.length - 1][0])];
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
  rows: () => CHECKS.map(([id]) => id),
  build: buildChecks,
};

/** Growth (YoY, QoQ) and margins: formulas over the statements and the forecast build. */
import { periodKey, shiftQuarter } from "../../model";
import type { PeriodColumn } from "./columns";
import type { PlanContext } from "./context";
import { FORMATS } from "./formats";
import { type DerivedRowId, type RowId, type Section, type SheetLayout, lineRow } from "./layout";
import { type SheetWriter, formulaRow } from "./writer";

const REVENUES = lineRow("INCOME", "total_revenues");
const OPERATING_INCOME = lineRow("INCOME", "operating_income");

/** Growth rows: id, label, the line grown, and the lag in quarters. */
const GROWTH: readonly [DerivedRowId, string, RowId, number][] = [
  ["growth:total_revenues:yoy", "Total revenues, YoY growth", REVENUES, 4],
  ["growth:total_revenues:qoq", "Total revenues, QoQ growth", REVENUES, 1],
  ["growth:operating_income:yoy", "Operating income (loss), YoY growth", OPERATING_INCOME, 4],
  ["growth:ebitda:yoy", "EBITDA (Table 5 basis), YoY growth", "ebitda", 4],
  ["growth:ebitda:qoq", "EBITDA (Table 5 basis), QoQ growth", "ebitda", 1],
];

/** Margin rows: id, label, and the numerator (null: no margin in that column). */
const MARGINS: readonly [DerivedRowId, string, (c: PeriodColumn) => RowId | null][] = [
  ["margin:gross", "Gross margin", () => "gross_profit"],
  ["margin:operating", "Operating margin", () => OPERATING_INCOME],
  ["margin:ebitda", "EBITDA margin (Table 5 basis)", () => "ebitda"],
  // Net income is not estimated.
  [
    "margin:net",
    "Net margin",
    (c) => (c.kind === "actual" ? lineRow("INCOME", "net_income") : null),
  ],
];

/** Growth of a line against `lag` quarters earlier, in each quarter column where both exist. */
function growth(layout: SheetLayout, line: RowId, lag: number, c: PeriodColumn): string | null {
  if (c.kind === "year") return null;
  const then = layout.findCell(line, periodKey(shiftQuarter(c.quarter, -lag)));
  if (then === null) return null;
  return `=IF(${then}=0,"",${layout.cell(line, c.key)}/${then}-1)`;
}

function buildGrowth(_ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  for (const [id, label, line, lag] of GROWTH)
    formulaRow(layout, out, id, label, FORMATS.percent, (c) => growth(layout, line, lag, c));
  for (const [id, label, numerator] of MARGINS) {
    formulaRow(layout, out, id, label, FORMATS.percent, (c) => {
      const n = numerator(c);
      if (n === null) return null;
      const revenues = layout.cell(REVENUES, c.key);
      return `=IF(${revenues}=0,"",(${layout.cell(n, c.key)})/${revenues})`;
    });
  }
}

export const GROWTH_AND_MARGINS: Section = {
  id: "growth",
  title: () => "Growth and margins (formulas)",
  rows: () => [...GROWTH, ...MARGINS].map(([id]) => id),
  build: buildGrowth,
};

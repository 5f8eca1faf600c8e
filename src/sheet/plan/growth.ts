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

/** Margin rows: id, label, and the numerator's row. */
const MARGINS: readonly [DerivedRowId, string, RowId][] = [
  ["margin:gross", "Gross margin", "gross_profit"],
  ["margin:operating", "Operating margin", OPERATING_INCOME],
  ["margin:ebitda", "EBITDA margin (Table 5 basis)", "ebitda"],
  ["margin:net", "Net margin", lineRow("INCOME", "net_income")],
];

/**
 * Growth is not meaningful (n.m.) from a base at or below zero, or into a negative figure (a sign
 * change): a loss that narrows is not growth.
 */
export function growthFormula(now: string, then: string): string {
  return `=IF(OR(${then}<=0,${now}<0),"n.m.",${now}/${then}-1)`;
}

/** A margin over revenues; n.m. without revenues. */
export function marginFormula(numerator: string, revenues: string): string {
  return `=IF(${revenues}<=0,"n.m.",${numerator}/${revenues})`;
}

/**
 * Growth of a line against `lag` quarters earlier, in each quarter column where both exist; a
 * fiscal year's YoY against the year before, where it has a column.
 */
function growth(layout: SheetLayout, line: RowId, lag: number, c: PeriodColumn): string | null {
  const earlier =
    c.kind === "year"
      ? lag === 4
        ? periodKey({ kind: "year", fy: c.fy - 1 })
        : null
      : periodKey(shiftQuarter(c.quarter, -lag));
  const then = earlier === null ? null : layout.findCell(line, earlier);
  return then === null ? null : growthFormula(layout.cell(line, c.key), then);
}

function buildGrowth(_ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  for (const [id, label, line, lag] of GROWTH)
    formulaRow(layout, out, id, label, FORMATS.percent, (c) => growth(layout, line, lag, c));
  for (const [id, label, numerator] of MARGINS)
    formulaRow(layout, out, id, label, FORMATS.percent, (c) =>
      marginFormula(layout.cell(numerator, c.key), layout.cell(REVENUES, c.key))
    );
}

export const GROWTH_AND_MARGINS: Section = {
  id: "growth",
  title: () => "Growth and margins (formulas)",
  rows: () => [...GROWTH, ...MARGINS].map(([id]) => id),
  build: buildGrowth,
};

/**
 * The checks: every identity of the statements and tables (`model.identities()`) recomputed from
 * its printed parts, in each actual quarter, beside the difference from the printed total.
 */
import { periodKey, shiftQuarter } from "../../model";
import type { Identity, Term } from "../../model";
import { type SheetUnit, a1 } from "../plan-types";
import { FIRST_PERIOD_COL, type QuarterColumn } from "./columns";
import type { PlanContext } from "./context";
import { amountFormat } from "./formats";
import { type RowId, type Section, type SheetLayout, printedRow } from "./layout";
import type { SheetWriter } from "./writer";

/**
 * One side of an identity in a quarter as an Excel expression, or null when a term's line or
 * quarter is not on the sheet. `inMillions` says which terms to divide by 1000.
 */
export function sumOf(
  layout: SheetLayout,
  terms: readonly Term[],
  c: QuarterColumn,
  inMillions: (t: Term) => boolean
): string | null {
  const plus: string[] = [];
  const minus: string[] = [];
  for (const t of terms) {
    const period = periodKey(shiftQuarter(c.quarter, -(t.lag ?? 0)));
    const cell = layout.findCell(printedRow({ statement: t.statement, id: t.row }), period);
    if (!cell) return null;
    ((t.sign ?? 1) === 1 ? plus : minus).push(inMillions(t) ? `${cell}/1000` : cell);
  }
  // SUM ignores text, so a printed "NA" counts as nothing, as in the release's own totals.
  const positive = plus.length ? `SUM(${plus.join(",")})` : "";
  return `${positive}${minus.length ? `-SUM(${minus.join(",")})` : ""}`;
}

/** Both sides of an identity in a quarter, or null when either is not on the sheet. */
export function sidesOf(
  layout: SheetLayout,
  rule: Identity,
  c: QuarterColumn,
  inMillions: (t: Term) => boolean
): { left: string; right: string } | null {
  const left = sumOf(layout, rule.left, c, inMillions);
  const right = sumOf(layout, rule.right, c, inMillions);
  return left && right ? { left, right } : null;
}

/** Statement terms of a check against a table printed in JPY millions, in millions. */
export const statementToMillions = (rule: Identity, unit: SheetUnit) => (t: Term) =>
  rule.scale !== undefined && t.statement !== "KPI" && unit === "JPY thousands";

const checkRow = (rule: Identity, part: "recomputed" | "difference"): RowId =>
  `check:${rule.checkId}:${part}`;

function putRecomputed(
  ctx: PlanContext,
  layout: SheetLayout,
  out: SheetWriter,
  rule: Identity
): void {
  const inMillions = statementToMillions(rule, ctx.unit);
  const row = layout.row(checkRow(rule, "recomputed"));
  out.label(row, `${rule.name}: recomputed`, rule.checkId);
  for (const c of ctx.columns.actuals) {
    const sides = sidesOf(layout, rule, c, inMillions);
    if (!sides) continue;
    out.put(row, c.col, {
      formula: rule.scale ? `=ROUND(${sides.right},0)` : `=${sides.right}`,
      style: "formula",
      numberFormat: amountFormat(ctx.unit),
    });
  }
}

function putDifference(
  ctx: PlanContext,
  layout: SheetLayout,
  out: SheetWriter,
  rule: Identity
): void {
  const inMillions = statementToMillions(rule, ctx.unit);
  const row = layout.row(checkRow(rule, "difference"));
  const recomputed = layout.row(checkRow(rule, "recomputed"));
  // A total of rounded printed figures is allowed one unit per figure beyond the first.
  const rounded = Boolean(rule.scale) && rule.left.length > 1;
  out.label(
    row,
    rounded
      ? `difference beyond rounding (printed ${rule.left.length} rounded figures)`
      : "difference (printed - recomputed)"
  );
  const [first] = rule.left;
  const printedLine =
    rule.left.length === 1 && (first.lag ?? 0) === 0
      ? printedRow({ statement: first.statement, id: first.row })
      : null;
  for (const c of ctx.columns.actuals) {
    const sides = sidesOf(layout, rule, c, inMillions);
    if (!sides) continue;
    const printed =
      printedLine !== null && layout.has(printedLine)
        ? layout.cell(printedLine, c.key)
        : `(${sides.left})`;
    const diff = `ROUND(${printed}-${a1(recomputed, c.col)},6)`;
    const tolerance = rounded ? rule.left.length - 1 : 0;
    out.put(row, c.col, {
      formula: tolerance ? `=IF(ABS(${diff})<=${tolerance},0,${diff})` : `=${diff}`,
      style: "check",
      numberFormat: amountFormat(ctx.unit),
    });
  }
  out.checkAreas.push({
    firstRow: row,
    lastRow: row,
    firstCol: FIRST_PERIOD_COL,
    lastCol: ctx.columns.lastActual,
    expected: "0",
  });
}

export const CHECKS: Section = {
  id: "checks",
  title: () => "Checks: each total recomputed from its printed parts (difference should be 0)",
  rows: ({ checked }) =>
    checked.flatMap((rule) => [checkRow(rule, "recomputed"), checkRow(rule, "difference")]),
  build(ctx, layout, out) {
    for (const rule of ctx.checked) {
      putRecomputed(ctx, layout, out, rule);
      putDifference(ctx, layout, out, rule);
    }
  },
};

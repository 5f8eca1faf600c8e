/**
 * Printed figures that do not tie, as their releases declare: each side as printed and by the
 * footnote's definition, and the gap, noted (not flagged as an error).
 */
import type { Identity, Term } from "../../model";
import { a1 } from "../plan-types";
import { sidesOf, statementToMillions, sumOf } from "./checks";
import type { PlanContext } from "./context";
import { FORMATS } from "./formats";
import type { RowId, Section, SheetLayout } from "./layout";
import type { SheetWriter } from "./writer";

type NotedPart = "printed" | "defined" | "gap";
const notedRow = (rule: Identity, part: NotedPart): RowId => `noted:${rule.checkId}:${part}`;

/** One side's sum in each actual quarter that prints it. */
function putSums(
  ctx: PlanContext,
  layout: SheetLayout,
  out: SheetWriter,
  row: number,
  rule: Identity,
  terms: readonly Term[]
): void {
  const inMillions = statementToMillions(rule, ctx.unit);
  for (const c of ctx.columns.actuals) {
    const sum = sumOf(layout, terms, c, inMillions);
    if (sum)
      out.put(row, c.col, { formula: `=${sum}`, style: "formula", numberFormat: FORMATS.millions });
  }
}

function putNoted(ctx: PlanContext, layout: SheetLayout, out: SheetWriter, rule: Identity): void {
  const inMillions = statementToMillions(rule, ctx.unit);
  const [printed, defined, gap] = (["printed", "defined", "gap"] as const).map((part) =>
    layout.row(notedRow(rule, part))
  );
  out.label(printed, `${rule.name}: as printed`, rule.checkId);
  putSums(ctx, layout, out, printed, rule, rule.left);
  out.label(defined, "by the footnote's definition");
  putSums(ctx, layout, out, defined, rule, rule.right);
  out.label(gap, "gap in the release (printed - definition), noted");
  for (const c of ctx.columns.actuals) {
    if (!sidesOf(layout, rule, c, inMillions)) continue;
    out.put(gap, c.col, {
      formula: `=ROUND(${a1(printed, c.col)}-${a1(defined, c.col)},6)`,
      style: "noted",
      numberFormat: FORMATS.millions,
    });
  }
}

export const NOTED: Section = {
  id: "noted",
  title: () => "Printed figures that do not tie (source inconsistencies, noted; not errors)",
  rows: ({ noted }) =>
    noted.flatMap((rule) =>
      (["printed", "defined", "gap"] as const).map((part) => notedRow(rule, part))
    ),
  build(ctx, layout, out) {
    for (const rule of ctx.noted) putNoted(ctx, layout, out, rule);
  },
};

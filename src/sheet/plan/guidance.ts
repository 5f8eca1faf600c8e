/**
 * Guidance as printed (JPY millions): low and high as inputs, mid as a formula; outlooks as text;
 * grouped under the release that issued it, which says whether the loaded quarter knew it.
 */
import { type Release, periodKey } from "../../model";
import { reportedBy } from "../forecast";
import { a1 } from "../plan-types";
import { FIRST_PERIOD_COL, LABEL_COL } from "./columns";
import type { GuidanceLine, PlanContext } from "./context";
import { FORMATS } from "./formats";
import { type RowId, type Section, type SheetLayout, guidanceRow, outlookRow } from "./layout";
import type { SheetWriter } from "./writer";

const LOW = FIRST_PERIOD_COL;
const MID = FIRST_PERIOD_COL + 1;
const HIGH = FIRST_PERIOD_COL + 2;

function rowsOf(line: GuidanceLine): RowId[] {
  return [
    ...(line.range ? [guidanceRow(line.period, line.item.id)] : []),
    ...(line.outlook !== undefined ? [outlookRow(line.period, line.item.id)] : []),
  ];
}

function putRange(layout: SheetLayout, out: SheetWriter, line: GuidanceLine): void {
  const { period, item, range } = line;
  if (!range) return;
  const row = layout.row(guidanceRow(period, item.id));
  const source = {
    statement: "GUIDANCE" as const,
    itemId: item.id,
    period,
    measure: "amount" as const,
  };
  out.label(row, `${period} ${item.label}`, item.id);
  out.put(row, LOW, {
    number: range.low.toString(),
    style: "input",
    numberFormat: FORMATS.count,
    source,
  });
  out.put(row, MID, {
    formula: `=AVERAGE(${a1(row, LOW)},${a1(row, HIGH)})`,
    style: "formula",
    numberFormat: FORMATS.decimal,
  });
  out.put(row, HIGH, {
    number: range.high.toString(),
    style: "input",
    numberFormat: FORMATS.count,
    source,
  });
  out.name(
    `IIJ_GUIDANCE_${period}_${item.id.toUpperCase()}_MID`,
    row,
    MID,
    `${period} ${item.label} guidance midpoint, JPY millions`
  );
}

function putOutlook(layout: SheetLayout, out: SheetWriter, line: GuidanceLine): void {
  const { period, item, outlook } = line;
  if (outlook === undefined) return;
  const row = layout.row(outlookRow(period, item.id));
  out.label(row, `${period} ${item.label} (outlook, no figure)`, item.id);
  out.put(row, FIRST_PERIOD_COL, {
    text: outlook,
    style: "inputText",
    source: { statement: "GUIDANCE", itemId: item.id, period, measure: "amount" },
  });
}

/** The releases that issued guidance, in order, each with its lines. */
function byRelease(guidance: readonly GuidanceLine[]): [Release, GuidanceLine[]][] {
  const groups = new Map<Release, GuidanceLine[]>();
  for (const line of guidance)
    groups.set(line.release, [...(groups.get(line.release) ?? []), line]);
  return [...groups.entries()];
}

const releaseRow = (release: Release): RowId => `guidance_release:${release.id}`;

/** Who issued the guidance below, and whether the loaded quarter knew it. */
function issuedBy(ctx: PlanContext, release: Release, lines: readonly GuidanceLine[]): string {
  const loaded = periodKey(ctx.target);
  const issued = `Issued ${release.date} with the ${periodKey(reportedBy(ctx.model, release))} results`;
  if (!lines[0].known)
    return `${issued}: after ${loaded}, so shown for comparison only (not in the seeds or the flags)`;
  const guided = periodKey(ctx.guided);
  const calibrated = lines.some((l) => l.period === guided && l.range);
  return `${issued}: known at ${loaded}${calibrated ? `; the ${guided}E seeds are calibrated to it` : ""}`;
}

function buildGuidance(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  const heads = layout.row("guidance_headers");
  out.text(heads, LABEL_COL, "Guided period and metric", "columnHeader");
  ["Low", "Mid", "High"].forEach((h, i) =>
    out.text(heads, FIRST_PERIOD_COL + i, h, "columnHeader")
  );
  for (const [release, lines] of byRelease(ctx.guidance)) {
    out.text(layout.row(releaseRow(release)), LABEL_COL, issuedBy(ctx, release, lines), "note");
    for (const line of lines) {
      putRange(layout, out, line);
      putOutlook(layout, out, line);
    }
  }
}

export const GUIDANCE: Section = {
  id: "guidance",
  title: () => "Guidance (JPY millions, as printed, by the release that issued it)",
  rows: (ctx) => [
    "guidance_headers",
    ...byRelease(ctx.guidance).flatMap(([release, lines]) => [
      releaseRow(release),
      ...lines.flatMap(rowsOf),
    ]),
  ],
  build: buildGuidance,
};

/** The guidance columns, for formulas that read a guided bound. */
export const GUIDANCE_COLS = { low: LOW, mid: MID, high: HIGH } as const;

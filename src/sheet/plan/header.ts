/** The sheet's header: what was loaded, from which release, in which unit; then the period heads. */
import { periodKey, printedDate, quarterEnd } from "../../model";
import { HEADER_NAMES } from "../header-names";
import { FIRST_PERIOD_COL, ID_COL, LABEL_COL } from "./columns";
import type { PlanContext } from "./context";
import { FORMATS } from "./formats";
import type { RowId, Section, SheetLayout } from "./layout";
import type { CellContent, SheetWriter } from "./writer";

interface HeaderLine {
  readonly id: RowId;
  readonly label: string;
  readonly content: CellContent;
  /** Workbook name of the value, for formulas and the pane. */
  readonly name?: string;
}

function headerLines({ model, release, target, unit }: PlanContext): HeaderLine[] {
  const value = (text: string): CellContent => ({ text, style: "headerValue" });
  return [
    {
      id: "header:quarter",
      label: "Quarter loaded",
      content: value(periodKey(target)),
      name: HEADER_NAMES.quarter,
    },
    {
      id: "header:release",
      label: "Release",
      content: value(`IIJ earnings release of ${release.date}: ${release.title}`),
    },
    { id: "header:unit", label: "Units", content: value(unit), name: HEADER_NAMES.unit },
    {
      id: "header:units_note",
      label: "Units note",
      content: value(
        `Statements in ${unit}; per-share data in JPY; share counts, KPIs (Tables 1-5) and guidance in their printed units.`
      ),
    },
    {
      id: "header:fx_rate",
      label: "Convenience rate (JPY per USD)",
      content: { number: release.rate.jpyPerUsd, style: "input", numberFormat: FORMATS.rate },
      name: HEADER_NAMES.fxRate,
    },
    {
      id: "header:source",
      label: "Source",
      content: value(
        `${release.source}. Blue: printed figures; black: formulas. =IIJ.SOURCE(period, item) cites any printed figure.`
      ),
    },
    {
      id: "header:data_version",
      label: "Data version",
      content: value(`releases ${model.releases.map((r) => r.id).join(", ")}`),
    },
  ];
}

function buildHeader(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  out.text(
    layout.row("title"),
    LABEL_COL,
    "Internet Initiative Japan Inc. (IIJ): quarterly model",
    "title"
  );
  for (const { id, label, content, name } of headerLines(ctx)) {
    const row = layout.row(id);
    out.text(row, LABEL_COL, label, "headerLabel");
    out.put(row, FIRST_PERIOD_COL, content);
    if (name) out.name(name, row, FIRST_PERIOD_COL, label);
  }
  buildPeriodHeads(ctx, layout, out);
}

/** Each period's key and the date it ends (the balance-sheet date); estimates marked apart. */
function buildPeriodHeads({ columns }: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  const heads = layout.row("period_headers");
  const dates = layout.row("period_dates");
  out.text(heads, LABEL_COL, "Fiscal quarter", "columnHeader");
  out.text(heads, ID_COL, "id", "columnHeader");
  out.text(dates, LABEL_COL, "Quarter ended (balance sheet date)", "headerLabel");
  for (const c of columns.actuals) {
    out.text(heads, c.col, c.key, "columnHeader");
    out.text(dates, c.col, printedDate(quarterEnd(c.quarter)), "headerValue");
  }
  for (const c of columns.estimates) {
    out.text(heads, c.col, `${c.key}E`, "estimateHeader");
    // The head above says "E"; the date, in the estimates' style, stays short enough to print.
    out.text(dates, c.col, printedDate(quarterEnd(c.quarter)), "estimateNote");
  }
  for (const year of columns.years) {
    out.text(heads, year.col, `${year.key}E`, "estimateHeader");
    out.text(dates, year.col, `Fiscal ${year.fy}`, "estimateNote");
  }
}

export const HEADER: Section = {
  id: "header",
  rows: (ctx) => [
    "title",
    ...headerLines(ctx).map((line) => line.id),
    null,
    "period_headers",
    "period_dates",
  ],
  build: buildHeader,
};

/** Rows kept in view when scrolling: the header and the period heads. */
export function frozenRows(layout: SheetLayout): number {
  return layout.row("period_dates") + 1;
}

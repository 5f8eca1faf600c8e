/**
 * The back-test: when the loaded quarter is not the latest, the data already holds the actuals of
 * some estimated quarters. Each such quarter gets the estimate, the printed actual, the difference
 * and the difference as a share of the actual (Canalyst's variance report), line by line.
 */
import { Dec, type Item, periodKey, samePeriod } from "../../model";
import { a1 } from "../plan-types";
import { FIRST_PERIOD_COL, LABEL_COL, type QuarterColumn } from "./columns";
import type { PlanContext } from "./context";
import { FORMATS, amountFormat } from "./formats";
import { type RowId, type Section, type SheetLayout, printedRow } from "./layout";
import { NOT_APPLICABLE, printedCell } from "./printed";
import type { CellContent, SheetWriter } from "./writer";

const HEADS = ["estimate", "actual", "Difference", "Difference %"] as const;

/** The estimated quarters whose actuals the data holds. */
function tested({ columns, model }: PlanContext): readonly QuarterColumn[] {
  const printed = model.quarters("INCOME");
  return columns.estimates.filter((c) => printed.some((q) => samePeriod(q, c.quarter)));
}

const backtestRow = (id: string): RowId => `backtest:${id}`;

/** A row of the back-test: its estimate's row and the printed actual in each tested quarter. */
interface Compared {
  readonly id: string;
  readonly label: string;
  readonly estimate: RowId;
  readonly actual: (c: QuarterColumn) => CellContent | null;
  readonly numberFormat: string;
}

function comparedLines(ctx: PlanContext): Compared[] {
  const { model, unit } = ctx;
  const printed = (item: Item, own: boolean) => (c: QuarterColumn) => {
    const value = printedCell(model, item, c.key, own ? null : unit);
    const source = {
      statement: item.statement,
      itemId: item.id,
      period: c.key,
      measure: "amount" as const,
    };
    if (value === undefined) return null;
    return value === NOT_APPLICABLE
      ? { text: value, style: "inputText" as const, source }
      : { number: value, style: "input" as const, source };
  };
  const lines = model.items("INCOME").map((item): Compared => {
    const own = item.unit !== "JPY thousands";
    return {
      id: item.id,
      label: own ? `${item.label} (${item.unit})` : item.label,
      estimate: printedRow(item),
      actual: printed(item, own),
      numberFormat: amountFormat(own ? item.unit : unit),
    };
  });
  const ebitda = model.line("KPI", "ebitda");
  if (!ebitda) return lines;
  const toUnit = (c: QuarterColumn): CellContent | null => {
    const reading = model.reading(ebitda, c.key);
    if (reading.kind !== "value") return null;
    const value = unit === "JPY millions" ? reading.value : reading.value.times(new Dec(1000));
    const source = {
      statement: "KPI" as const,
      itemId: ebitda.id,
      period: c.key,
      measure: "amount" as const,
    };
    return { number: value.toString(), style: "input", source };
  };
  const label = "EBITDA (Table 5 basis)";
  return [
    ...lines,
    { id: "ebitda", label, estimate: "ebitda", actual: toUnit, numberFormat: amountFormat(unit) },
  ];
}

function putLine(ctx: PlanContext, layout: SheetLayout, out: SheetWriter, line: Compared): void {
  const row = layout.row(backtestRow(line.id));
  out.label(row, line.label, line.id);
  tested(ctx).forEach((c, i) => {
    const col = FIRST_PERIOD_COL + HEADS.length * i;
    const [estimate, actual, diff] = [0, 1, 2].map((k) => a1(row, col + k));
    const format = line.numberFormat;
    out.put(row, col, {
      formula: `=${layout.cell(line.estimate, c.key)}`,
      style: "formula",
      numberFormat: format,
    });
    const printed = line.actual(c);
    if (printed) out.put(row, col + 1, { ...printed, numberFormat: format });
    out.put(row, col + 2, {
      formula: `=IF(AND(ISNUMBER(${estimate}),ISNUMBER(${actual})),${estimate}-${actual},"n.m.")`,
      style: "formula",
      numberFormat: format,
    });
    out.put(row, col + 3, {
      formula: `=IF(AND(ISNUMBER(${diff}),${actual}<>0),${diff}/ABS(${actual}),"n.m.")`,
      style: "formula",
      numberFormat: FORMATS.percent,
    });
  });
}

function buildBacktest(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  const [heads, columns] = [layout.row("backtest_headers"), layout.row("backtest_columns")];
  out.text(heads, LABEL_COL, "Estimated quarter", "columnHeader");
  out.text(columns, LABEL_COL, "Line", "columnHeader");
  tested(ctx).forEach((c, i) => {
    const col = FIRST_PERIOD_COL + HEADS.length * i;
    out.text(
      heads,
      col,
      `${c.key}: estimated at ${periodKey(ctx.target)}, then printed`,
      "estimateHeader"
    );
    HEADS.forEach((h, k) => {
      const text = k === 0 ? `${c.key}E` : k === 1 ? `${c.key} actual` : h;
      out.text(columns, col + k, text, k === 0 ? "estimateHeader" : "columnHeader");
    });
  });
  for (const line of comparedLines(ctx)) putLine(ctx, layout, out, line);
}

export const BACKTEST: Section = {
  id: "backtest",
  title: ({ target }) =>
    `Back-test: the ${periodKey(target)} estimates against the actuals printed since (difference = estimate - actual; % of the actual's size)`,
  // Left out when the loaded quarter is the latest: nothing estimated has been printed yet.
  rows: (ctx) =>
    tested(ctx).length === 0
      ? []
      : [
          "backtest_headers",
          "backtest_columns",
          ...comparedLines(ctx).map((l) => backtestRow(l.id)),
        ],
  build: buildBacktest,
};

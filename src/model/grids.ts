import type { StatementId } from "../data/types";
import { type Period, isoDate, periodKey, printedDate, quarterEnd, quarterStart } from "./calendar";
import { type Item, innermostSection } from "./catalogue";
import { Dec } from "./decimal";
import { IIJError } from "./errors";
import { guidanceValue } from "./guidance";
import { type FinancialStatement, type IIJModel, STATEMENTS } from "./model";
import { isOmitted } from "./names";
import { type Unit, resolveUnit } from "./units";

/** A cell of a spilled grid: a value, or the error of that one cell. */
export type GridCell = Dec | string | IIJError;
export type Grid = GridCell[][];

/** Labels as a reader needs them in a column: a label printed twice gets its section. */
export function displayLabels(items: readonly Item[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.label, (counts.get(i.label) ?? 0) + 1);
  return new Map(
    items.map((i) => [
      i.id,
      (counts.get(i.label) ?? 0) > 1 && i.section
        ? `${i.label} (${innermostSection(i.section)})`
        : i.label,
    ])
  );
}

function cell(compute: () => Dec): GridCell {
  try {
    return compute();
  } catch (error) {
    if (error instanceof IIJError) return error;
    throw error;
  }
}

/**
 * A whole statement: a header row (title and unit, then one column per quarter, oldest first), then
 * one row per printed line. A gap is an error in its own cell, never a failed grid. Rows printed in
 * another unit than the statement's (per-share data, share counts) keep it and say so in the label.
 */
export function statementGrid(model: IIJModel, statement: StatementId, unitInput?: unknown): Grid {
  if (statement === "GUIDANCE") return guidanceGrid(model, unitInput);
  if (statement === "KPI") return kpiGrid(model, unitInput);
  const quarters = model.quarters(statement);
  const items = model.items(statement);
  const labels = displayLabels(items);
  const first = items[0];
  const fs = statement as FinancialStatement;
  const unit = resolveUnit(unitInput, first.unit, `${statement}`) as string;
  const header: GridCell[] = [`${first.table} (${unit})`, ...quarters.map(periodKey)];
  const rows = items.map((item) => {
    const sameUnit = item.unit === first.unit;
    const label = sameUnit ? labels.get(item.id) : `${labels.get(item.id)} (${item.unit})`;
    return [
      label as GridCell,
      ...quarters.map((q) =>
        cell(() => model.statementAmount(fs, periodKey(q), item.id, sameUnit ? unit : null).value)
      ),
    ];
  });
  return [header, ...rows];
}

/** The unit asked for the amounts of a table printed in JPY millions (Tables 2, 4, 5; guidance). */
function amountUnit(unitInput: unknown, what: string): Unit | null {
  if (isOmitted(unitInput)) return null;
  return resolveUnit(unitInput, "JPY millions", what);
}

/**
 * Tables 1-5, each row in its printed unit; with a unit, the amounts (JPY millions as printed) in
 * that unit, exactly as `IIJ.KPI` converts them, while counts and rates keep theirs. Each label
 * says its row's unit, so a spilled block never mixes units silently.
 */
function kpiGrid(model: IIJModel, unitInput: unknown): Grid {
  const asked = amountUnit(unitInput, "the KPI tables' amounts");
  const quarters = model.quarters("KPI");
  const items = model.items("KPI");
  const labels = displayLabels(items);
  const title = asked ? `amounts in ${asked}, others as printed` : "printed units";
  const header: GridCell[] = [`KPI (Tables 1-5, ${title})`, ...quarters.map(periodKey)];
  return [
    header,
    ...items.map((item) => {
      const converts = asked !== null && item.unit === "JPY millions";
      return [
        `${labels.get(item.id)} (${converts ? asked : item.unit})`,
        ...quarters.map((q) =>
          cell(() => model.kpi(periodKey(q), item.id, converts ? asked : undefined).value)
        ),
      ];
    }),
  ];
}

function guidanceGrid(model: IIJModel, unitInput: unknown): Grid {
  const asked = amountUnit(unitInput, "guidance");
  const bounds = ["low", "mid", "high"] as const;
  const rows: Grid = [
    [`Guidance (${asked ?? "JPY millions"})`, "Period", "Low", "Mid", "High", "Outlook"],
  ];
  for (const p of model.guidancePeriodList()) {
    const key = periodKey(p);
    for (const item of model.items("GUIDANCE")) {
      const range = model.guidance(item.id, key, "range").at(-1)?.range;
      const outlook = model.guidance(item.id, key, "outlook").at(-1)?.outlook;
      if (!range && !outlook) continue;
      const none = (what: string) =>
        new IIJError("#N/A", `No ${what} for ${item.label} in ${key}.`);
      // Each bound as IIJ.GUIDANCE answers it for this period and unit: one conversion.
      const bound = (b: (typeof bounds)[number]) =>
        range
          ? cell(() => guidanceValue(model, key, item.id, b, asked ?? undefined).value as Dec)
          : none("range");
      rows.push([
        item.label,
        key,
        ...bounds.map(bound),
        outlook ? outlook.text : range ? `${range.range} (${range.unit})` : none("outlook"),
      ]);
    }
  }
  return rows;
}

function describePeriod(p: Period): string {
  if (p.kind === "year") return `fiscal year ${p.fy} (Apr 1, ${p.fy} - Mar 31, ${p.fy + 1})`;
  return `fiscal ${p.fy} Q${p.q} (${printedDate(quarterStart(p))} - ${printedDate(quarterEnd(p))})`;
}

/** One row per period: key, period-end date (ISO), description, statements that cover it. */
export function periodsGrid(model: IIJModel): string[][] {
  return model.periods().map((p) => {
    const key = periodKey(p);
    const covered = STATEMENTS.filter((s) =>
      s === "GUIDANCE"
        ? model.guidancePeriodList().some((g) => periodKey(g) === key)
        : model.quarters(s).some((q) => periodKey(q) === key)
    );
    const end =
      p.kind === "quarter" ? quarterEnd(p) : quarterEnd({ kind: "quarter", fy: p.fy, q: 4 });
    return [key, isoDate(end), describePeriod(p), covered.join(" ")];
  });
}

/** One row per item, in printed order: id, printed label, section. */
export function itemsGrid(model: IIJModel, statement: StatementId): string[][] {
  return model.items(statement).map((i) => [i.id, i.label, i.section]);
}

import type { StatementId } from "../data/types";
import { type Period, isoDate, periodKey, printedDate, quarterEnd, quarterStart } from "./calendar";
import { type Item, innermostSection } from "./catalogue";
import { Dec } from "./decimal";
import { IIJError, invalidValue } from "./errors";
import { readRange } from "./guidance";
import { type FinancialStatement, type IIJModel, STATEMENTS } from "./model";
import { isOmitted } from "./names";
import { resolveUnit } from "./units";

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
  if (statement === "GUIDANCE") {
    if (!isOmitted(unitInput))
      throw invalidValue(`Guidance keeps its printed unit (JPY millions); leave the unit empty.`);
    return guidanceGrid(model);
  }
  const quarters = model.quarters(statement);
  const items = model.items(statement);
  const labels = displayLabels(items);
  const first = items[0];
  if (statement === "KPI") {
    if (!isOmitted(unitInput))
      throw invalidValue(
        `KPI tables keep their printed units (contracts, JPY millions, Gbps); leave the unit empty.`
      );
    const header: GridCell[] = ["KPI (Tables 1-5, printed units)", ...quarters.map(periodKey)];
    return [
      header,
      ...items.map((item) => [
        `${labels.get(item.id)} (${item.unit})`,
        ...quarters.map((q) => cell(() => model.kpi(periodKey(q), item.id).value)),
      ]),
    ];
  }
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

function guidanceGrid(model: IIJModel): Grid {
  const rows: Grid = [["Guidance (JPY millions)", "Period", "Low", "Mid", "High", "Outlook"]];
  for (const p of model.guidancePeriodList()) {
    const key = periodKey(p);
    for (const item of model.items("GUIDANCE")) {
      const range = model.guidance(item.id, key, "range").at(-1)?.range;
      const outlook = model.guidance(item.id, key, "outlook").at(-1)?.outlook;
      if (!range && !outlook) continue;
      const none = (what: string) =>
        new IIJError("#N/A", `No ${what} for ${item.label} in ${key}.`);
      const bounds = range ? readRange(range) : null;
      rows.push([
        item.label,
        key,
        bounds ? bounds.low : none("range"),
        bounds ? bounds.low.plus(bounds.high).dividedBy(2) : none("range"),
        bounds ? bounds.high : none("range"),
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

/**
 * The pane's search box and Insert button, apart from the DOM: hits with their value and formula
 * for a period and unit, and the block of formulas Insert writes into a selection.
 */
import { formatResult } from "../cli/format";
import { parseFormula } from "../cli/formula";
import { invoke } from "../functions/library";
import {
  type IIJModel,
  type SearchHit,
  defaultPeriodFor,
  formulaFor,
  isIIJError,
  periodKey,
  searchItems,
} from "../model";

export interface FoundRow {
  readonly hit: SearchHit;
  readonly statement: string;
  readonly label: string;
  /** The value for the chosen period and unit, as text ("#N/A" when it has none). */
  readonly value: string;
  readonly formula: string;
}

export function find(
  model: IIJModel,
  query: string,
  options: { period?: string; unit?: string; limit?: number } = {}
): FoundRow[] {
  if (query.trim() === "") return [];
  return searchItems(model, query, options.limit ?? 12).map((hit) => {
    const period = options.period ?? defaultPeriodFor(model, hit.item);
    const formula = formulaFor(model, hit.item, period, options.unit);
    const call = parseFormula(formula);
    const result = invoke(call.name, call.args, model);
    return {
      hit,
      statement: hit.item.statement,
      label: hit.item.label,
      value: isIIJError(result) ? result.kind : formatResult(result),
      formula,
    };
  });
}

/**
 * Formulas for a selection of `rows` x `columns`: one cell gets the chosen hit; a wider selection
 * gets periods across (the latest `columns` quarters, oldest first) and items down (the chosen
 * hit, then the next ones in the result list).
 */
export function formulaBlock(
  model: IIJModel,
  found: readonly FoundRow[],
  chosen: number,
  rows: number,
  columns: number,
  unit?: string
): string[][] {
  const items = found.slice(chosen, chosen + rows).map((f) => f.hit.item);
  if (items.length === 0) return [];
  if (rows === 1 && columns === 1) return [[found[chosen].formula]];
  return Array.from({ length: rows }, (_, r) => {
    const item = items[r];
    if (!item) return Array(columns).fill("");
    const periods =
      item.statement === "GUIDANCE"
        ? model.guidancePeriodList().filter((p) => p.kind === "quarter")
        : model.quarters(item.statement);
    const latest = periods.slice(-columns).map(periodKey);
    const pad = Array(columns - latest.length).fill("");
    return [...pad, ...latest.map((p) => formulaFor(model, item, p, unit))];
  });
}

/** Writes the formulas into the selected range: one read (its size), one write. */
export async function insertIntoSelection(
  context: Excel.RequestContext,
  model: IIJModel,
  found: readonly FoundRow[],
  chosen: number,
  unit?: string
): Promise<string> {
  const selection = context.workbook.getSelectedRange();
  selection.load("address, rowCount, columnCount");
  await context.sync();
  const block = formulaBlock(model, found, chosen, selection.rowCount, selection.columnCount, unit);
  if (block.length === 0) return "Nothing to insert: search for an item first.";
  selection.formulas = block;
  await context.sync();
  const count = block.flat().filter(Boolean).length;
  return `Inserted ${count} formula${count === 1 ? "" : "s"} into ${selection.address}.`;
}

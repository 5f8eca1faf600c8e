/**
 * The pane's Insert apart from the DOM: the block of formulas Insert writes into a selection, from
 * the hits of "find with values" (src/functions/formula-text.ts, shared with `iij-model find`).
 */
import { type Found, isStatedFound } from "../functions/formula-text";
import { type IIJModel, formulaFor, periodKey } from "../model";
import { otherLoad, queueGuardRead } from "../sheet/excel-writer";

/** How many matches the search box lists. */
export const FIND_LIMIT = 12;

/**
 * Formulas for a selection of `rows` x `columns`: one cell gets the chosen hit; a wider selection
 * gets periods across (the latest `columns` quarters, oldest first) and items down (the chosen
 * hit, then the next ones in the result list). A figure stated in prose is stated for one quarter:
 * its formula goes in the last column, the latest, and the rest of its row stays empty.
 */
export function formulaBlock(
  model: IIJModel,
  found: readonly Found[],
  chosen: number,
  rows: number,
  columns: number,
  unit?: string
): string[][] {
  const hits = found.slice(chosen, chosen + rows);
  if (hits.length === 0) return [];
  if (rows === 1 && columns === 1) return [[found[chosen].formula]];
  return Array.from({ length: rows }, (_, r) => {
    const hit = hits[r];
    if (!hit) return Array(columns).fill("");
    if (isStatedFound(hit)) return [...Array(columns - 1).fill(""), hit.formula];
    const item = hit.hit.item;
    const periods =
      item.statement === "GUIDANCE"
        ? model.guidancePeriodList().filter((p) => p.kind === "quarter")
        : model.quarters(item.statement);
    const latest = periods.slice(-columns).map(periodKey);
    const pad = Array(columns - latest.length).fill("");
    return [...pad, ...latest.map((p) => formulaFor(model, item, p, unit))];
  });
}

export const LOADING_MESSAGE =
  "A quarter is loading into this workbook: insert when it has finished.";

/**
 * Writes the formulas into the selected range: one read (its size, and the workbook's load guard),
 * one write. While a load holds the guard, in this pane or another, nothing is written: the load
 * would find the formula typed over its cells between its read and its write, and start again.
 */
export async function insertIntoSelection(
  context: Excel.RequestContext,
  model: IIJModel,
  found: readonly Found[],
  chosen: number,
  unit?: string
): Promise<string> {
  const selection = context.workbook.getSelectedRange();
  selection.load("address, rowCount, columnCount");
  const guard = queueGuardRead(context);
  await context.sync();
  if (otherLoad(guard, Date.now())) return LOADING_MESSAGE;
  const block = formulaBlock(model, found, chosen, selection.rowCount, selection.columnCount, unit);
  if (block.length === 0) return "Nothing to insert: search for an item first.";
  selection.formulas = block;
  await context.sync();
  const count = block.flat().filter(Boolean).length;
  return `Inserted ${count} formula${count === 1 ? "" : "s"} into ${selection.address}.`;
}

/** What a load tells the pane: the outcome, and its one-sentence messages. */
import type { SheetPlan } from "../plan-types";
import type { PreviousSource } from "./read";

export interface LoadOutcome {
  readonly ok: boolean;
  /** One sentence for the pane's status line. */
  readonly message: string;
  readonly sheetName: string;
  readonly values: number;
  readonly formulas: number;
  readonly checks: number;
  readonly carried: number;
  /** Where the previous sheet went when the analyst's edits collided with the new plan. */
  readonly keptSheet?: string;
}

const AGAIN = "Load the quarter again; if it keeps failing, close and reopen the workbook first.";

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
}

/** The outcome's counts, from the plan: the same whether the load succeeds or not. */
function countsOf(plan: SheetPlan) {
  return {
    sheetName: plan.sheetName,
    values: plan.summary.values,
    formulas: plan.summary.formulas,
    checks: plan.summary.checks,
    carried: 0,
  };
}

export function failed(plan: SheetPlan, message: string): LoadOutcome {
  return { ...countsOf(plan), ok: false, message };
}

export const readFailedMessage = (error: unknown) =>
  `Could not read the workbook: ${reasonOf(error)}. Nothing was changed. ${AGAIN}`;

export const protectedMessage = (sheetName: string) =>
  `The sheet "${sheetName}" is protected. Unprotect it (Review > Unprotect Sheet) and load again; nothing was changed.`;

export const writeFailedMessage = (error: unknown, restored: string) =>
  `Load failed: ${reasonOf(error)}. ${restored}`;

/** The first three addresses, and how many more. */
const someCells = (cells: readonly string[]) =>
  cells.length > 3
    ? `${cells.slice(0, 3).join(", ")} and ${cells.length - 3} more`
    : cells.join(", ");

/**
 * Why the previous sheet was kept whole, as far as the add-in can tell: only the layout record
 * says for sure that the analyst typed in a cell; without it, the add-in says what it knows.
 */
function keptBecause(source: PreviousSource, sheetName: string, conflicts: readonly string[]) {
  const where = someCells(conflicts);
  if (source === "record") return `You had typed in cells the new model needs (${where})`;
  if (source === "header")
    return `Cells the new model needs (${where}) differ from what the add-in would have written there, and the record of the last load is missing, so they are taken as yours`;
  return `There is no record of what the add-in wrote on "${sheetName}" and its header names no quarter to compare with, so it cannot tell your cells from the model's`;
}

/** A successful load: with the sheet kept aside when the analyst's cells collided, or carried. */
export function loaded(
  plan: SheetPlan,
  carried: number,
  conflicts: readonly string[],
  keptSheet: string | undefined,
  source: PreviousSource = "record"
): LoadOutcome {
  const summary = `Loaded ${plan.quarter} (${plan.unit}): ${plan.summary.values} values, ${plan.summary.formulas} formulas, ${plan.summary.checks} checks.`;
  if (keptSheet) {
    const why = keptBecause(source, plan.sheetName, conflicts);
    return {
      ...countsOf(plan),
      ok: true,
      keptSheet,
      message: `${summary} ${why}; the previous sheet is kept whole as "${keptSheet}".`,
    };
  }
  const how =
    source === "header"
      ? " (the record of the last load is missing: told apart by the header)"
      : "";
  return {
    ...countsOf(plan),
    ok: true,
    carried,
    message: `${summary}${carried ? ` Kept ${carried} of your cells${how}.` : ""}`,
  };
}

/**
 * What the pane says after a failed write, by how much of the previous sheet came back.
 * @param redrawn whether the previous plan could be rebuilt, so its look was drawn again
 */
export function restoredMessage(wroteModelSheet: boolean, redrawn: boolean): string {
  if (!wroteModelSheet) return `Nothing was changed. ${AGAIN}`;
  return redrawn
    ? `The previous sheet was restored. ${AGAIN}`
    : `The previous sheet's contents were restored; loading again redraws its formatting. ${AGAIN}`;
}

export const restoreFailedMessage = (error: unknown, sheetName: string) =>
  `Restoring the previous sheet also failed (${reasonOf(error)}): check the "${sheetName}" sheet and the IIJ_ names before using them, then load the quarter again.`;

/** The contents came back; the formatting, redrawn in a batch of its own, did not. */
export const lookFailedMessage = (error: unknown) =>
  `The previous sheet's contents were restored, but redrawing its formatting failed too (${reasonOf(error)}): its values are the previous model's and some of its formatting may be missing until the quarter is loaded again. ${AGAIN}`;

/**
 * Putting the contents back failed: what the sheet holds, as read back after, and its formatting.
 * @param differing the cells that differ from before the load, or null when they could not be read
 * @param redrawn whether the previous model's formatting was drawn again
 */
export function contentsFailedMessage(
  error: unknown,
  sheetName: string,
  differing: readonly string[] | null,
  redrawn: boolean
): string {
  const contents =
    differing === null
      ? "could not be read back"
      : differing.length === 0
        ? "still holds the previous model's contents, unchanged"
        : `differs from before the load in ${differing.length} cells (${someCells(differing)})`;
  const look = redrawn ? "was redrawn" : "may be incomplete";
  return `Putting the previous sheet back failed too (${reasonOf(error)}). "${sheetName}" ${contents}, and its formatting ${look}. Check it and the IIJ_ names before using them, then load the quarter again.`;
}

/** The analyst typed in the model's cells while it loaded, on both tries: each load was undone. */
export const typedWhileLoadingMessage = (
  cells: readonly string[],
  sheetName: string,
  restored: string
) =>
  `Load failed: you typed in "${sheetName}" (${someCells(cells)}) while the quarter was loading, twice; the load was undone so that nothing you typed is lost. ${restored}`;

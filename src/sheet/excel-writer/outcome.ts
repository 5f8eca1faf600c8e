/** What a load tells the pane: the outcome, and its one-sentence messages. */
import type { SheetPlan } from "../plan-types";

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

export const AGAIN =
  "Load the quarter again; if it keeps failing, close and reopen the workbook first.";

export function reasonOf(error: unknown): string {
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

/** A successful load: with the sheet kept aside when the analyst's cells collided, or carried. */
export function loaded(
  plan: SheetPlan,
  carried: number,
  conflicts: readonly string[],
  keptSheet: string | undefined
): LoadOutcome {
  const summary = `Loaded ${plan.quarter} (${plan.unit}): ${plan.summary.values} values, ${plan.summary.formulas} formulas, ${plan.summary.checks} checks.`;
  if (keptSheet) {
    const where =
      conflicts.length > 3
        ? `${conflicts.slice(0, 3).join(", ")} and ${conflicts.length - 3} more`
        : conflicts.join(", ");
    return {
      ...countsOf(plan),
      ok: true,
      keptSheet,
      message: `${summary} You had typed in cells the new model needs (${where}); the previous sheet is kept whole as "${keptSheet}".`,
    };
  }
  return {
    ...countsOf(plan),
    ok: true,
    carried,
    message: `${summary}${carried ? ` Kept ${carried} of your cells.` : ""}`,
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

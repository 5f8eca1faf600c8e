/**
 * What the Load quarter button does, apart from the DOM and from Excel: build the plan, hand it to
 * the writer, report progress and the outcome in plain words, and refuse a second load while one
 * runs (double clicks, impatient clicks).
 */
import { type IIJModel, periodKey } from "../model";
import type { LoadOutcome } from "../sheet/excel-writer";
import { planModelSheet } from "../sheet/plan";
import { SHEET_UNITS, type SheetPlan, type SheetUnit } from "../sheet/plan-types";

export type Tone = "info" | "success" | "error";

export interface LoadView {
  setBusy(busy: boolean): void;
  setStatus(message: string, tone: Tone): void;
}

export class LoadController {
  private busy = false;
  private readonly modelOf: () => IIJModel;

  /**
   * @param model the model, or how to get the current one: a release added to the workbook
   * changes the registered model (src/model/registry.ts), and the next load uses it at once.
   */
  constructor(
    model: IIJModel | (() => IIJModel),
    private readonly write: (plan: SheetPlan) => Promise<LoadOutcome>,
    private readonly view: LoadView
  ) {
    this.modelOf = typeof model === "function" ? model : () => model;
  }

  /** Quarters the pane offers, latest first: every quarter of every registered release. */
  quarters(): string[] {
    return [...this.modelOf().quarters("INCOME")].reverse().map(periodKey);
  }

  units(): readonly SheetUnit[] {
    return SHEET_UNITS;
  }

  /**
   * This pane's busy state: Insert waits while it is true (a load in another pane or window is
   * found by the workbook's guard instead).
   */
  get loading(): boolean {
    return this.busy;
  }

  /** Returns false (and does nothing) when a load is already running. */
  async load(quarter: string, unit: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.view.setBusy(true);
    try {
      if (!SHEET_UNITS.includes(unit as SheetUnit)) {
        this.view.setStatus(`Choose a unit: ${SHEET_UNITS.join(" or ")}.`, "error");
        return true;
      }
      this.view.setStatus(`Loading ${quarter} in ${unit}…`, "info");
      const plan = planModelSheet(this.modelOf(), { quarter, unit: unit as SheetUnit });
      const outcome = await this.write(plan);
      this.view.setStatus(outcome.message, outcome.ok ? "success" : "error");
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.view.setStatus(`Could not load ${quarter}: ${reason}`, "error");
    } finally {
      this.busy = false;
      this.view.setBusy(false);
    }
    return true;
  }
}

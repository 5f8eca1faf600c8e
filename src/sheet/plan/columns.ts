/**
 * The model sheet's columns: the printed label, the stable id, then one column per period (the
 * actual quarters, oldest first, the estimated quarters, and the fiscal year they complete).
 */
import { type IIJModel, type Quarter, periodKey, quarterIndex } from "../../model";
import { forecastQuarters } from "../forecast";

export const LABEL_COL = 0;
export const ID_COL = 1;
export const FIRST_PERIOD_COL = 2;

/** A quarter's column: printed figures (`actual`) or formulas over the drivers (`estimate`). */
export interface QuarterColumn {
  readonly kind: "actual" | "estimate";
  /** Period key, e.g. "1Q01". */
  readonly key: string;
  readonly col: number;
  readonly quarter: Quarter;
}

/** The estimated fiscal year: the sum of its four quarters, actual or estimated. */
export interface YearColumn {
  readonly kind: "year";
  /** Period key, e.g. "FY2001". */
  readonly key: string;
  readonly col: number;
  /** Period keys of its quarters, first to fourth. */
  readonly parts: readonly string[];
}

export type PeriodColumn = QuarterColumn | YearColumn;

export class PlanColumns {
  readonly actuals: readonly QuarterColumn[];
  readonly estimates: readonly QuarterColumn[];
  /** Null when some quarter of the estimated fiscal year has no column (it is not printed). */
  readonly year: YearColumn | null;
  /** The fiscal year the estimates belong to. */
  readonly fiscalYear: number;
  private readonly byKey: ReadonlyMap<string, PeriodColumn>;

  constructor(actual: readonly Quarter[], estimated: readonly Quarter[]) {
    const column = (kind: QuarterColumn["kind"], first: number) => (quarter: Quarter, i: number) =>
      ({ kind, key: periodKey(quarter), col: first + i, quarter }) as const;
    this.actuals = actual.map(column("actual", FIRST_PERIOD_COL));
    this.estimates = estimated.map(column("estimate", FIRST_PERIOD_COL + actual.length));
    this.fiscalYear = estimated[0].fy;
    const quarterKeys = new Set(this.quarters.map((c) => c.key));
    const parts = ([1, 2, 3, 4] as const).map((q) =>
      periodKey({ kind: "quarter", fy: this.fiscalYear, q })
    );
    this.year = parts.every((k) => quarterKeys.has(k))
      ? {
          kind: "year",
          key: periodKey({ kind: "year", fy: this.fiscalYear }),
          col: FIRST_PERIOD_COL + actual.length + estimated.length,
          parts,
        }
      : null;
    this.byKey = new Map(this.all.map((c) => [c.key, c]));
  }

  /** Actual quarters, then estimated ones. */
  get quarters(): readonly QuarterColumn[] {
    return [...this.actuals, ...this.estimates];
  }

  /** Every period column, left to right. */
  get all(): readonly PeriodColumn[] {
    return this.year ? [...this.quarters, this.year] : this.quarters;
  }

  /** The column of a period key, if the sheet has one. */
  col(period: string): number | undefined {
    return this.byKey.get(period)?.col;
  }

  /** The last actual quarter's column: the checks cover the actuals only. */
  get lastActual(): number {
    return FIRST_PERIOD_COL + this.actuals.length - 1;
  }

  /** The last column of the model (the fiscal year's, or the last estimate's). */
  get last(): number {
    return this.year?.col ?? this.lastActual + this.estimates.length;
  }
}

/** Columns of the sheet that loads `target`: every printed quarter up to it, then the estimates. */
export function planColumns(model: IIJModel, target: Quarter): PlanColumns {
  const actual = model.quarters("INCOME").filter((q) => quarterIndex(q) <= quarterIndex(target));
  return new PlanColumns(actual, forecastQuarters(target));
}

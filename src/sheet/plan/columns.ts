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

/** An estimated fiscal year: the sum of its four quarters, actual or estimated. */
export interface YearColumn {
  readonly kind: "year";
  /** Period key, e.g. "FY2001". */
  readonly key: string;
  readonly col: number;
  readonly fy: number;
  /** Period keys of its quarters, first to fourth. */
  readonly parts: readonly string[];
}

export type PeriodColumn = QuarterColumn | YearColumn;

/**
 * The period columns left to right: the actual quarters, then the estimates, each fiscal year
 * that has a column for all four of its quarters right after its fourth quarter.
 */
export class PlanColumns {
  readonly actuals: readonly QuarterColumn[];
  readonly estimates: readonly QuarterColumn[];
  readonly years: readonly YearColumn[];
  /** Every period column, left to right. */
  readonly all: readonly PeriodColumn[];
  /** The fiscal year of the first estimate. */
  readonly fiscalYear: number;
  private readonly byKey: ReadonlyMap<string, PeriodColumn>;

  constructor(actual: readonly Quarter[], estimated: readonly Quarter[]) {
    const keys = new Set([...actual, ...estimated].map((q) => periodKey(q)));
    const all: PeriodColumn[] = [];
    const place = (kind: QuarterColumn["kind"]) => (quarter: Quarter) => {
      const col = FIRST_PERIOD_COL + all.length;
      all.push({ kind, key: periodKey(quarter), col, quarter });
      const parts = ([1, 2, 3, 4] as const).map((q) =>
        periodKey({ kind: "quarter", fy: quarter.fy, q })
      );
      if (kind === "estimate" && quarter.q === 4 && parts.every((k) => keys.has(k))) {
        const key = periodKey({ kind: "year", fy: quarter.fy });
        all.push({ kind: "year", key, col: col + 1, fy: quarter.fy, parts });
      }
    };
    actual.forEach(place("actual"));
    estimated.forEach(place("estimate"));
    this.all = all;
    const quarters = all.filter((c): c is QuarterColumn => c.kind !== "year");
    this.actuals = quarters.filter((c) => c.kind === "actual");
    this.estimates = quarters.filter((c) => c.kind === "estimate");
    this.years = all.filter((c): c is YearColumn => c.kind === "year");
    this.fiscalYear = estimated[0].fy;
    this.byKey = new Map(all.map((c) => [c.key, c]));
  }

  /** Actual quarters, then estimated ones. */
  get quarters(): readonly QuarterColumn[] {
    return [...this.actuals, ...this.estimates];
  }

  /** The first estimate's fiscal year, when it has a column (every quarter of it has one). */
  get year(): YearColumn | null {
    return this.yearOf(this.fiscalYear);
  }

  yearOf(fy: number): YearColumn | null {
    return this.years.find((y) => y.fy === fy) ?? null;
  }

  /** The column of a period key, if the sheet has one. */
  col(period: string): number | undefined {
    return this.byKey.get(period)?.col;
  }

  /** The last actual quarter's column: the checks cover the actuals only. */
  get lastActual(): number {
    return FIRST_PERIOD_COL + this.actuals.length - 1;
  }

  /** The last column of the model. */
  get last(): number {
    return FIRST_PERIOD_COL + this.all.length - 1;
  }
}

/** Columns of the sheet that loads `target`: every printed quarter up to it, then the estimates. */
export function planColumns(model: IIJModel, target: Quarter): PlanColumns {
  const actual = model.quarters("INCOME").filter((q) => quarterIndex(q) <= quarterIndex(target));
  return new PlanColumns(actual, forecastQuarters(target));
}

/**
 * What the seeds start from: the loaded quarter's printed figures (JPY millions) and each series'
 * trend and seasonal factors from its own history. Nothing after the loaded quarter is read.
 */
import {
  ANCHORS,
  Dec,
  type IIJModel,
  type Item,
  type LineStatement,
  type Quarter,
  periodKey,
  quarterIndex,
} from "../../model";
import { COST_COMPONENTS, SHARE_COUNTS } from "../../model/forecast-spec";
import { type FiscalQuarter, type Reader, Trend, seasonalFactors, trendOf } from "./history";
import { type EstimatedLine, estimatedLines, operatingLines } from "./rules";

const ZERO = new Dec(0);

/** The key of a cost component (a table line, JPY millions) among the simulated levels. */
export const componentKey = (kpiId: string) => `KPI:${kpiId}`;
/** The driver of a cost component's growth. */
export const componentDriver = (kpiId: string) => `growth_${kpiId}`;

export interface Basis {
  readonly target: Quarter;
  /** The lines operating income is built from, in computing order. */
  readonly lines: readonly EstimatedLine[];
  /** Every INCOME line, for the drivers below operating income. */
  readonly all: readonly EstimatedLine[];
  /** Table lines (JPY millions) that are parts of a cost of revenues. */
  readonly components: readonly string[];
  /** The loaded quarter's values: INCOME lines by id, components by `componentKey`. */
  readonly levels: ReadonlyMap<string, Dec>;
  /** Trends of revenue segments, operating expenses and components. */
  readonly trends: ReadonlyMap<string, Trend>;
  readonly factors: ReadonlyMap<string, ReadonlyMap<FiscalQuarter, Dec>>;
  /** Each cost of revenues (net of its components) over the revenue it serves. */
  readonly ratios: ReadonlyMap<string, Dec>;
  /** Cash-flow D&A, and operating income + D&A - Table 5 EBITDA. */
  readonly da: Dec;
  readonly gap: Dec;
}

/** A line's printed values up to `target` (JPY millions for statements; tables as printed). */
export function readerOf(model: IIJModel, target: Quarter, item: Item | undefined): Reader {
  return (q) => {
    if (!item || quarterIndex(q) > quarterIndex(target)) return null;
    // Statement amounts in JPY millions, the unit of guidance; counts and tables as printed.
    const unit = item.unit === "JPY thousands" ? "JPY millions" : null;
    const reading = model.reading(item, periodKey(q), unit);
    return reading.kind === "value" ? reading.value : null;
  };
}

/** A line's printed value at `target` (as `readerOf` reads it), 0 when none. */
export function valueAt(
  model: IIJModel,
  target: Quarter,
  statement: LineStatement,
  id: string
): Dec {
  return readerOf(model, target, model.catalogue(statement).get(id))(target) ?? ZERO;
}

function trendsOf(model: IIJModel, target: Quarter, lines: readonly EstimatedLine[]) {
  const trends = new Map<string, Trend>();
  const factors = new Map<string, ReadonlyMap<FiscalQuarter, Dec>>();
  for (const line of lines) {
    if (line.rule.kind !== "growth") continue;
    const read = readerOf(model, target, model.catalogue("INCOME").get(line.id));
    const seasonal = line.rule.seasonal !== undefined;
    const trend = trendOf(read, target, seasonal);
    trends.set(line.id, trend);
    if (seasonal) factors.set(line.id, seasonalFactors(read, target, trend));
  }
  return { trends, factors };
}

function ratiosOf(lines: readonly EstimatedLine[], levels: ReadonlyMap<string, Dec>) {
  const ratios = new Map<string, Dec>();
  for (const { id, rule } of lines) {
    if (rule.kind !== "ratio") continue;
    const parts = (rule.components ?? []).map((c) => levels.get(componentKey(c)) ?? ZERO);
    const own = parts.reduce((rest, part) => rest.minus(part), levels.get(id) ?? ZERO);
    const of = levels.get(rule.of) ?? ZERO;
    ratios.set(id, of.isZero() ? ZERO : own.dividedBy(of));
  }
  return ratios;
}

export function basisOf(model: IIJModel, target: Quarter): Basis {
  const all = estimatedLines(model);
  const lines = operatingLines(model, all);
  const components = COST_COMPONENTS.flatMap((c) => c.parts);
  const levels = new Map<string, Dec>(
    all.map((line) => [line.id, valueAt(model, target, "INCOME", line.id)])
  );
  const { trends, factors } = trendsOf(model, target, lines);
  for (const kpi of components) {
    levels.set(componentKey(kpi), valueAt(model, target, "KPI", kpi));
    const read = readerOf(model, target, model.catalogue("KPI").get(kpi));
    trends.set(componentKey(kpi), trendOf(read, target, false));
  }
  const da = valueAt(model, target, "CASHFLOW", "depreciation_and_amortization");
  const ebitda = readerOf(model, target, model.line("KPI", "ebitda"))(target);
  const operating = levels.get(ANCHORS.operatingIncome) ?? ZERO;
  return {
    target,
    lines,
    all,
    components,
    levels,
    trends,
    factors,
    ratios: ratiosOf(lines, levels),
    da,
    gap: ebitda === null ? ZERO : operating.plus(da).minus(ebitda),
  };
}

/** ADS equivalents per share at the loaded quarter (0 when no shares are printed). */
export function adsPerShare(basis: Basis): Dec {
  const shares = basis.levels.get(SHARE_COUNTS.shares) ?? ZERO;
  return shares.isZero() ? ZERO : (basis.levels.get(SHARE_COUNTS.ads) ?? ZERO).dividedBy(shares);
}

/**
 * The seeds: each driver's value in each estimated quarter and scenario, from the series' own
 * history (`history.ts`), then calibrated so the first estimated quarter lands exactly on the
 * guidance known at the loaded quarter. The quarters are simulated with exact decimals by the same
 * rules the sheet's formulas apply (`rules.ts`), so the sheet lands where the seeds aim.
 */
import {
  ANCHORS,
  Dec,
  type IIJModel,
  type LineId,
  type Quarter,
  periodKey,
  quarter,
} from "../../model";
import { type Basis, adsPerShare, basisOf, componentDriver, componentKey, readerOf } from "./basis";
import { type Driver, type Scenario, byScenario } from "./drivers";
import type { FiscalQuarter } from "./history";
import { balanceSeeds } from "./balance";
import { type DriverMeta, driverList } from "./meta";

const ZERO = new Dec(0);
const ONE = new Dec(1);

/** Guidance for the first estimated quarter, JPY millions per scenario (null: none known). */
export interface Targets {
  readonly revenues: Readonly<Record<Scenario, Dec>> | null;
  readonly operating: Readonly<Record<Scenario, Dec>> | null;
  readonly ebitda: Readonly<Record<Scenario, Dec>> | null;
  /** Whether an outlook of positive operating income for the first estimate's year is known. */
  readonly outlookPositive: boolean;
}

/** One quarter's driver values, by driver id. */
type Values = Map<string, Dec>;
/** Simulated levels: operating lines by id, cost components by `componentKey`. */
type Levels = ReadonlyMap<string, Dec>;

const get = (map: ReadonlyMap<string, Dec>, key: string) => map.get(key) ?? ZERO;

/** The history's drivers for a quarter that starts at `prev`, before any calibration. */
function quarterDrivers(basis: Basis, prev: Levels, q: FiscalQuarter, scale: Dec): Values {
  const d: Values = new Map();
  for (const { id, rule } of basis.all) {
    if (rule.kind === "growth") {
      d.set(rule.driver, basis.trends.get(id)?.rate(get(prev, id)) ?? ZERO);
      if (rule.seasonal) d.set(rule.seasonal, (basis.factors.get(id)?.get(q) ?? ONE).minus(1));
    } else if (rule.kind === "ratio") d.set(rule.driver, get(basis.ratios, id).times(scale));
    else if (rule.kind === "amount" || rule.kind === "count")
      d.set(rule.driver, get(basis.levels, id));
  }
  d.set("ads_per_share", adsPerShare(basis));
  for (const kpi of basis.components) {
    const key = componentKey(kpi);
    d.set(componentDriver(kpi), basis.trends.get(key)?.rate(get(prev, key)) ?? ZERO);
  }
  d.set("ebitda_gap", basis.gap);
  return d;
}

/** The operating lines and components of a quarter, from the previous one and the drivers. */
function evaluate(basis: Basis, prev: Levels, d: Values): Levels {
  const next = new Map<string, Dec>();
  for (const kpi of basis.components) {
    const key = componentKey(kpi);
    next.set(key, get(prev, key).times(get(d, componentDriver(kpi)).plus(1)));
  }
  for (const { id, rule } of basis.lines) {
    if (rule.kind === "growth") {
      const season = rule.seasonal ? get(d, rule.seasonal).plus(1) : ONE;
      next.set(id, get(prev, id).times(get(d, rule.driver).plus(1)).times(season));
    } else if (rule.kind === "ratio") {
      const parts = (rule.components ?? []).map((c) => get(next, componentKey(c)));
      const own = get(d, rule.driver).times(get(next, rule.of));
      next.set(
        id,
        parts.reduce((sum, part) => sum.plus(part), own)
      );
    } else if (rule.kind === "sum") {
      next.set(
        id,
        rule.parts.reduce((sum, p) => sum.plus(get(next, p.id).times(p.weight)), ZERO)
      );
    }
  }
  return next;
}

/** The value of `at(x)`, linear in x, is `target` at the returned x (null: it does not move). */
function solveLinear(at: (x: Dec) => Dec, target: Dec): Dec | null {
  const [y0, y1] = [at(ZERO), at(ONE)];
  return y1.eq(y0) ? null : target.minus(y0).dividedBy(y1.minus(y0));
}

/**
 * Total revenues on `target`: the seasonal segments' factors all scaled by one (1 + c); with no
 * seasonal segment, every segment's growth shifted by one c.
 */
function calibrateRevenue(basis: Basis, prev: Levels, d: Values, target: Dec): Values {
  const growth = basis.lines.filter((l) => l.role === "revenue" && l.rule.kind === "growth");
  const seasonal = growth.filter((l) => l.rule.kind === "growth" && l.rule.seasonal);
  const shifted = (c: Dec): Values => {
    const e = new Map(d);
    for (const { rule } of seasonal.length ? seasonal : growth) {
      if (rule.kind !== "growth") continue;
      if (rule.seasonal)
        e.set(rule.seasonal, get(d, rule.seasonal).plus(1).times(c.plus(1)).minus(1));
      else e.set(rule.driver, get(d, rule.driver).plus(c));
    }
    return e;
  };
  const c = solveLinear((x) => get(evaluate(basis, prev, shifted(x)), ANCHORS.revenues), target);
  return c === null ? d : shifted(c);
}

/** The cost ratios scaled together (by `scale`) from the loaded quarter's. */
function withScale(basis: Basis, d: Values, scale: Dec): Values {
  const e = new Map(d);
  for (const { id, rule } of basis.lines)
    if (rule.kind === "ratio") e.set(rule.driver, get(basis.ratios, id).times(scale));
  return e;
}

export interface Run {
  /** Driver values per estimated quarter. */
  readonly values: readonly Values[];
  /** Operating income and total revenues per estimated quarter, JPY millions. */
  readonly operating: readonly Dec[];
  readonly revenues: readonly Dec[];
  /** The scale on the cost ratios after the first estimate (1: none; see `seededRun`). */
  readonly later: Dec;
}

/**
 * One scenario, quarter by quarter: the first quarter calibrated to its targets; the cost ratios
 * of the later quarters scaled once more by `later` (1 unless the year's outlook needs it).
 */
function simulate(
  basis: Basis,
  quarters: readonly Quarter[],
  targets: Targets,
  s: Scenario,
  later: Dec = ONE
): Run {
  let prev: Levels = basis.levels;
  let scale = ONE;
  let da = basis.da;
  const values: Values[] = [];
  const operating: Dec[] = [];
  const revenues: Dec[] = [];
  quarters.forEach((quarter, k) => {
    let d = quarterDrivers(basis, prev, quarter.q, k === 0 ? scale : scale.times(later));
    if (k === 0) {
      if (targets.revenues) d = calibrateRevenue(basis, prev, d, targets.revenues[s]);
      const oi = targets.operating?.[s];
      if (oi !== undefined) {
        const operatingAt = (x: Dec) =>
          get(evaluate(basis, prev, withScale(basis, d, x)), ANCHORS.operatingIncome);
        scale = solveLinear(operatingAt, oi) ?? ONE;
        d = withScale(basis, d, scale);
      }
      const first = get(evaluate(basis, prev, d), ANCHORS.operatingIncome);
      // On guidance, operating income is its bound exactly: D&A from the bound, not the sum.
      if (targets.ebitda) da = targets.ebitda[s].minus(oi ?? first).plus(basis.gap);
    }
    d.set("da", da);
    const next = evaluate(basis, prev, d);
    values.push(d);
    operating.push(get(next, ANCHORS.operatingIncome));
    revenues.push(get(next, ANCHORS.revenues));
    prev = next;
  });
  return { values, operating, revenues, later };
}

/**
 * A fiscal year's operating income and revenues in a run (JPY millions): its printed quarters and
 * its estimated ones; null when some quarter of it is neither.
 */
function yearOf(
  model: IIJModel,
  basis: Basis,
  quarters: readonly Quarter[],
  fy: number,
  run: Run
): { operating: Dec; revenues: Dec } | null {
  const keys = quarters.map((q) => periodKey(q));
  const printed = (id: LineId<"INCOME">, q: Quarter) =>
    readerOf(model, basis.target, model.line("INCOME", id))(q);
  let [operating, revenues] = [ZERO, ZERO];
  for (const q of ([1, 2, 3, 4] as const).map((n) => quarter(fy, n))) {
    const k = keys.indexOf(periodKey(q));
    const oi = k >= 0 ? run.operating[k] : printed(ANCHORS.operatingIncome, q);
    const revenue = k >= 0 ? run.revenues[k] : printed(ANCHORS.revenues, q);
    if (oi === null || revenue === null) return null;
    [operating, revenues] = [operating.plus(oi), revenues.plus(revenue)];
  }
  return { operating, revenues };
}

/** The operating margin the Mid seeds give a year whose outlook is positive operating income. */
export const OUTLOOK_MARGIN = new Dec("0.01");

/**
 * A scenario's run. In Mid, when the outlook for the first estimate's fiscal year is positive
 * operating income and the seeds do not give it, the cost ratios after the first estimate are
 * lowered together until the year's operating income is `OUTLOOK_MARGIN` of its revenues.
 */
function seededRun(
  model: IIJModel,
  basis: Basis,
  quarters: readonly Quarter[],
  targets: Targets,
  s: Scenario
): Run {
  const run = simulate(basis, quarters, targets, s);
  if (s !== "Mid" || !targets.outlookPositive) return run;
  const year = (r: Run) => yearOf(model, basis, quarters, quarters[0].fy, r);
  const seeded = year(run);
  if (!seeded || seeded.operating.gt(0)) return run;
  const later = solveLinear(
    (x) => year(simulate(basis, quarters, targets, s, x))?.operating ?? ZERO,
    seeded.revenues.times(OUTLOOK_MARGIN)
  );
  return later === null ? run : simulate(basis, quarters, targets, s, later);
}

export interface Seeding {
  readonly basis: Basis;
  readonly drivers: readonly Driver[];
  /** Each scenario's simulated quarters. */
  readonly runs: Readonly<Record<Scenario, Run>>;
}

/** Every driver's seeds, per estimated quarter (`quarters`, in order) and scenario. */
export function seedDrivers(
  model: IIJModel,
  target: Quarter,
  quarters: readonly Quarter[],
  targets: Targets
): Seeding {
  const basis = basisOf(model, target);
  const runs = byScenario((s) => seededRun(model, basis, quarters, targets, s));
  // The balance sheet's drivers are not simulated: they hold the loaded quarter's.
  const balance = balanceSeeds(model, target);
  const seedOf = (values: ReadonlyMap<string, Dec>, id: string) =>
    values.get(id) ?? balance.get(id) ?? ZERO;
  const seedsOf = (meta: DriverMeta) =>
    new Map(
      quarters.map((q, k) => [periodKey(q), byScenario((s) => seedOf(runs[s].values[k], meta.id))])
    );
  const drivers = driverList(model, basis).map((meta) => ({ ...meta, seeds: seedsOf(meta) }));
  return { basis, drivers, runs };
}

/** A fiscal year's operating income at the seeds, per scenario (JPY millions); null if not whole. */
export function yearOperatingIncome(
  model: IIJModel,
  seeding: Seeding,
  quarters: readonly Quarter[],
  fy: number
): Record<Scenario, Dec> | null {
  const years = byScenario((s) => yearOf(model, seeding.basis, quarters, fy, seeding.runs[s]));
  const { Low, Mid, High } = years;
  return Low && Mid && High
    ? { Low: Low.operating, Mid: Mid.operating, High: High.operating }
    : null;
}

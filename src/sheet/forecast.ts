/**
 * The forecast: which lines are estimated and how (data), and the default drivers, seeded from the
 * latest quarter's actuals and management's guidance with exact decimal arithmetic.
 */
import {
  ANCHORS,
  Dec,
  type IIJModel,
  type Item,
  type Line,
  type LineId,
  type Quarter,
  type StatementStructure,
  periodKey,
  readRange,
} from "../model";

export const SCENARIOS = ["Low", "Mid", "High"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export type DriverUnit = "% per quarter" | "% of revenue" | "JPY millions per quarter";

export interface Driver {
  readonly id: string;
  /** Workbook-scoped defined name of the driver's value in use. */
  readonly name: string;
  readonly label: string;
  readonly unit: DriverUnit;
  readonly seeds: Readonly<Record<Scenario, Dec>>;
}

/** How an estimated line of the statements of operations is computed, quarter by quarter. */
export type LineRule =
  | { readonly kind: "growth"; readonly driver: string }
  | { readonly kind: "ratio"; readonly driver: string; readonly of: string }
  | { readonly kind: "sum"; readonly parts: readonly string[] }
  | { readonly kind: "difference"; readonly plus: string; readonly minus: string };

/** Where an estimated line sits in the operating model, which decides its default driver. */
type Role = "revenue" | "cost" | "expense" | "total";

/** An estimated line: its rule, and for a line with a driver, the driver's id, label and role. */
interface EstimatedLine {
  readonly id: string;
  readonly role: Role;
  readonly rule: LineRule;
  readonly driverLabel?: string;
}

function roleOf(structure: StatementStructure, line: Line): Role {
  if (line.parts.length > 0) return "total";
  if (structure.isWithin(line.id, ANCHORS.revenues)) return "revenue";
  return structure.isWithin(line.id, ANCHORS.costs) ? "cost" : "expense";
}

/** A total's estimate: the sum of its estimated parts, or a difference where one is subtracted. */
function totalRule(line: Line): LineRule {
  const [plus, minus] = line.parts;
  if (line.parts.length === 2 && plus.weight === 1 && minus.weight === -1)
    return { kind: "difference", plus: plus.id, minus: minus.id };
  if (line.parts.some((p) => p.weight !== 1))
    throw new Error(`The forecast cannot yet sum "${line.id}": it subtracts more than one line`);
  return { kind: "sum", parts: line.parts.map((p) => p.id) };
}

/**
 * A line's own rule: as statements.ts describes it, else by its role (a line a release adds: a
 * revenue grows, a cost of revenues is a share of total revenues, an expense grows), so it joins
 * the forecast's totals with no code change.
 */
function estimatedLine(structure: StatementStructure, line: Line): EstimatedLine {
  const role = roleOf(structure, line);
  const own = line.spec.forecast;
  if (role === "total") return { id: line.id, role, rule: totalRule(line) };
  if (own && "growth" in own)
    return {
      id: line.id,
      role,
      rule: { kind: "growth", driver: own.growth },
      driverLabel: own.driverLabel,
    };
  if (own) {
    const rule = { kind: "ratio" as const, driver: own.ratio, of: own.of };
    return { id: line.id, role, rule, driverLabel: own.driverLabel };
  }
  const rule: LineRule =
    role === "cost"
      ? { kind: "ratio", driver: `cost_${line.id}`, of: ANCHORS.revenues }
      : { kind: "growth", driver: `growth_${line.id}` };
  return { id: line.id, role, rule, driverLabel: line.label };
}

/** Every line operating income is built from, in the order they must be computed. */
function estimatedLines(model: IIJModel): readonly EstimatedLine[] {
  const structure = model.structure("INCOME");
  return structure.treeOf(ANCHORS.operatingIncome).map((line) => estimatedLine(structure, line));
}

/** The estimated lines, keyed by INCOME item id, in the order they must be computed. */
export function forecastLines(model: IIJModel): ReadonlyMap<string, LineRule> {
  return new Map(estimatedLines(model).map((line) => [line.id, line.rule]));
}

/** The quarters to estimate after `target`: the rest of its fiscal year, or the next year after a Q4. */
export function forecastQuarters(target: Quarter): Quarter[] {
  const fy = target.q === 4 ? target.fy + 1 : target.fy;
  const first = target.q === 4 ? 1 : target.q + 1;
  return Array.from({ length: 5 - first }, (_, i) => ({
    kind: "quarter" as const,
    fy,
    q: (first + i) as Quarter["q"],
  }));
}

export interface Seeding {
  readonly drivers: readonly Driver[];
  /** How the seeds were chosen, for the note beside the drivers. */
  readonly note: string;
}

const byScenario = (f: (s: Scenario) => Dec): Record<Scenario, Dec> => ({
  Low: f("Low"),
  Mid: f("Mid"),
  High: f("High"),
});
const same = (v: Dec) => byScenario(() => v);

/** A printed amount of the quarter in JPY millions, the unit of guidance (0 where none prints). */
function millions(model: IIJModel, item: Item | undefined, period: string): Dec {
  const reading = item ? model.reading(item, period, "JPY millions") : { kind: "absent" as const };
  return reading.kind === "value" ? reading.value : new Dec(0);
}

/** The guided quarter's range for a metric, per scenario (Mid is the exact midpoint). */
function guidedBounds(model: IIJModel, metric: string, guided: string) {
  const range = model.guidance(metric, guided, "range").at(-1)?.range;
  if (!range) return null;
  const { low, high } = readRange(range);
  return byScenario((s) => (s === "Low" ? low : s === "High" ? high : low.plus(high).dividedBy(2)));
}

/** The actuals the seeds start from, JPY millions. */
function lastActuals(model: IIJModel, period: string, lines: readonly EstimatedLine[]) {
  const m = (id: LineId<"INCOME">) => millions(model, model.line("INCOME", id), period);
  const expenses = lines
    .filter((line) => line.role === "expense")
    .reduce(
      (acc, line) => acc.plus(millions(model, model.catalogue("INCOME").get(line.id), period)),
      new Dec(0)
    );
  const da = millions(model, model.line("CASHFLOW", "depreciation_and_amortization"), period);
  const operating = m(ANCHORS.operatingIncome);
  const ebitda = millions(model, model.line("KPI", "ebitda"), period);
  return {
    revenue: m(ANCHORS.revenues),
    costs: m(ANCHORS.costs),
    expenses,
    operating,
    da,
    gap: operating.plus(da).minus(ebitda),
  };
}

type Actuals = ReturnType<typeof lastActuals>;

/** A driver of a line: its seeds follow its role (see `seedDrivers`). */
function lineDriver(
  model: IIJModel,
  period: string,
  line: EstimatedLine,
  seeds: { growth: Record<Scenario, Dec>; scale: Record<Scenario, Dec> }
): Driver {
  const rule = line.rule as Extract<LineRule, { driver: string }>;
  const catalogue = model.catalogue("INCOME");
  const driver = { id: rule.driver, name: driverName(rule.driver) };
  if (rule.kind === "ratio") {
    const ratio = millions(model, catalogue.get(line.id), period).dividedBy(
      millions(model, catalogue.get(rule.of), period)
    );
    return {
      ...driver,
      label: `${line.driverLabel}, % of ${catalogue.get(rule.of)?.label ?? rule.of}`,
      unit: "% of revenue",
      seeds: byScenario((s) => ratio.times(seeds.scale[s])),
    };
  }
  const growth = line.role === "revenue" ? seeds.growth : same(new Dec(0));
  return {
    ...driver,
    label: `${line.driverLabel}, growth QoQ`,
    unit: "% per quarter",
    seeds: growth,
  };
}

/** D&A (cash-flow basis) and the Table 5 EBITDA gap, which carry EBITDA onto its guidance. */
function ebitdaDrivers(
  actual: Actuals,
  operatingTarget: Record<Scenario, Dec> | null,
  ebitdaTarget: Record<Scenario, Dec> | null
): Driver[] {
  const da =
    ebitdaTarget && operatingTarget
      ? byScenario((s) => ebitdaTarget[s].minus(operatingTarget[s]).plus(actual.gap))
      : same(actual.da);
  return [
    {
      id: "da",
      name: driverName("da"),
      label: "Depreciation and amortization (as in the cash flows)",
      unit: "JPY millions per quarter",
      seeds: da,
    },
    {
      id: "ebitda_gap",
      name: driverName("ebitda_gap"),
      label: "Operating income + D&A - EBITDA (the Table 5 gap)",
      unit: "JPY millions per quarter",
      seeds: same(actual.gap),
    },
  ];
}

/**
 * Default drivers. With guidance for the first estimated quarter: every revenue segment grows by
 * the one rate that puts total revenues on the scenario's revenue bound; operating expenses stay
 * flat; the cost ratios keep their last-quarter proportions, scaled together so that operating
 * income lands on the scenario's bound; D&A is what makes EBITDA (Table 5 basis) land on its
 * bound. Without guidance: growth 0, the last quarter's ratios, D&A and EBITDA gap.
 */
export function seedDrivers(model: IIJModel, target: Quarter, firstForecast: Quarter): Seeding {
  const period = periodKey(target);
  const lines = estimatedLines(model);
  const actual = lastActuals(model, period, lines);
  const guided = periodKey(firstForecast);
  const revenueTarget = guidedBounds(model, "revenues", guided);
  const operatingTarget = guidedBounds(model, "operating_income", guided);
  const growth = revenueTarget
    ? byScenario((s) => revenueTarget[s].dividedBy(actual.revenue).minus(1))
    : same(new Dec(0));
  const scale = byScenario((s) => {
    if (!operatingTarget) return new Dec(1);
    const grown = growth[s].plus(1);
    const targetCosts = actual.revenue
      .times(grown)
      .minus(actual.expenses)
      .minus(operatingTarget[s]);
    return targetCosts.dividedBy(actual.costs.times(grown));
  });
  const drivers = [
    ...(["revenue", "cost", "expense"] as const).flatMap((role) =>
      lines
        .filter((line) => line.role === role)
        .map((line) => lineDriver(model, period, line, { growth, scale }))
    ),
    ...ebitdaDrivers(actual, operatingTarget, guidedBounds(model, "ebitda", guided)),
  ];
  const note = revenueTarget
    ? `Seeds: every revenue segment grows by the rate that puts ${guided}E total revenues on the scenario's guidance (${revenueTarget.Low} / ${revenueTarget.Mid} / ${revenueTarget.High} JPY millions); operating expenses flat; cost ratios keep ${period}'s proportions, scaled so ${guided}E operating income is on its guidance; D&A so EBITDA (Table 5 basis) is on its guidance. The same drivers apply to every estimated quarter.`
    : `Seeds: no guidance for ${guided}; growth 0, ${period}'s cost ratios, D&A and EBITDA gap.`;
  return { drivers, note };
}

export function driverName(id: string): string {
  return `IIJ_DRV_${id.toUpperCase()}`;
}

export const SCENARIO_NAME = "IIJ_SCENARIO";

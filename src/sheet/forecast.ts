/**
 * The forecast: which lines are estimated and how (data), and the default drivers, seeded from the
 * latest quarter's actuals and management's guidance with exact decimal arithmetic.
 */
import { Dec, type IIJModel, type Quarter, periodKey, readRange } from "../model";

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

const REVENUE_SEGMENTS: readonly [string, string, string][] = [
  ["dedicated_access_services", "growth_dedicated", "Dedicated access services revenue"],
  ["dialup_access_services", "growth_dialup", "Dial-up access services revenue"],
  ["internet_datacenter_services", "growth_datacenter", "Internet datacenter services revenue"],
  ["other_value_added_services", "growth_other_vas", "Other value-added services revenue"],
  ["other_revenues", "growth_other", "Other revenue"],
  ["systems_integration_revenues", "growth_si", "Systems integration revenue"],
  ["equipment_sales", "growth_equipment", "Equipment sales"],
];

/** Costs of revenues as a share of the revenue they serve. */
const COST_RATIOS: readonly [string, string, string, string][] = [
  [
    "cost_of_connectivity_and_value_added_services",
    "cost_connectivity",
    "total_connectivity_and_value_added_services",
    "Cost of connectivity and value-added services",
  ],
  [
    "cost_of_systems_integration_revenues",
    "cost_si",
    "systems_integration_revenues",
    "Cost of systems integration revenues",
  ],
  ["cost_of_equipment_sales", "cost_equipment", "equipment_sales", "Cost of equipment sales"],
];

const OPEX: readonly [string, string, string][] = [
  ["sales_and_marketing", "growth_sm", "Sales and marketing"],
  ["general_and_administrative", "growth_ga", "General and administrative"],
  ["research_and_development", "growth_rd", "Research and development"],
];

/** The estimated lines, keyed by INCOME item id, in the order they must be computed. */
export const FORECAST_LINES: ReadonlyMap<string, LineRule> = new Map<string, LineRule>([
  ...REVENUE_SEGMENTS.map(
    ([row, driver]) => [row, { kind: "growth", driver }] as [string, LineRule]
  ),
  [
    "total_value_added_services",
    { kind: "sum", parts: ["internet_datacenter_services", "other_value_added_services"] },
  ],
  [
    "total_connectivity_and_value_added_services",
    {
      kind: "sum",
      parts: [
        "dedicated_access_services",
        "dialup_access_services",
        "total_value_added_services",
        "other_revenues",
      ],
    },
  ],
  [
    "total_revenues",
    {
      kind: "sum",
      parts: [
        "total_connectivity_and_value_added_services",
        "systems_integration_revenues",
        "equipment_sales",
      ],
    },
  ],
  ...COST_RATIOS.map(
    ([row, driver, of]) => [row, { kind: "ratio", driver, of }] as [string, LineRule]
  ),
  ["total_costs", { kind: "sum", parts: COST_RATIOS.map(([row]) => row) }],
  ...OPEX.map(([row, driver]) => [row, { kind: "growth", driver }] as [string, LineRule]),
  [
    "total_costs_and_expenses",
    { kind: "sum", parts: ["total_costs", ...OPEX.map(([row]) => row)] },
  ],
  [
    "operating_income",
    { kind: "difference", plus: "total_revenues", minus: "total_costs_and_expenses" },
  ],
]);

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

/**
 * Default drivers. With guidance for the first estimated quarter: every revenue segment grows by
 * the one rate that puts total revenues on the scenario's revenue bound; operating expenses stay
 * flat; the three cost ratios keep their last-quarter proportions, scaled together so that
 * operating income lands on the scenario's bound; D&A is what makes EBITDA (Table 5 basis) land on
 * its bound. Without guidance: growth 0, the last quarter's ratios, D&A and EBITDA gap.
 */
export function seedDrivers(model: IIJModel, target: Quarter, firstForecast: Quarter): Seeding {
  const period = periodKey(target);
  const m = (id: string) => model.statementAmount("INCOME", period, id, "JPY millions").value;
  const revenue = m("total_revenues");
  const opex = OPEX.reduce((acc, [row]) => acc.plus(m(row)), new Dec(0));
  const costs = m("total_costs");
  const operating = m("operating_income");
  const da = model.statementAmount(
    "CASHFLOW",
    period,
    "depreciation_and_amortization",
    "JPY millions"
  ).value;
  const ebitda = model.kpi(period, "ebitda").value;
  const gap = operating.plus(da).minus(ebitda);

  const guided = periodKey(firstForecast);
  const bound = (metric: string) => {
    const range = model.guidance(metric, guided, "range").at(-1)?.range;
    if (!range) return null;
    const { low, high } = readRange(range);
    return byScenario((s) =>
      s === "Low" ? low : s === "High" ? high : low.plus(high).dividedBy(2)
    );
  };
  const revenueTarget = bound("revenues");
  const operatingTarget = bound("operating_income");
  const ebitdaTarget = bound("ebitda");

  const growth = revenueTarget
    ? byScenario((s) => revenueTarget[s].dividedBy(revenue).minus(1))
    : same(new Dec(0));
  const scale = byScenario((s) => {
    if (!operatingTarget) return new Dec(1);
    const targetCosts = revenue.times(growth[s].plus(1)).minus(opex).minus(operatingTarget[s]);
    return targetCosts.dividedBy(costs.times(growth[s].plus(1)));
  });
  const drivers: Driver[] = [
    ...REVENUE_SEGMENTS.map(([, id, label]) => ({
      id,
      name: driverName(id),
      label: `${label}, growth QoQ`,
      unit: "% per quarter" as const,
      seeds: growth,
    })),
    ...COST_RATIOS.map(([row, id, of, label]) => {
      const ratio = m(row).dividedBy(m(of));
      return {
        id,
        name: driverName(id),
        label: `${label}, % of ${model.catalogue("INCOME").get(of)?.label ?? of}`,
        unit: "% of revenue" as const,
        seeds: byScenario((s) => ratio.times(scale[s])),
      };
    }),
    ...OPEX.map(([, id, label]) => ({
      id,
      name: driverName(id),
      label: `${label}, growth QoQ`,
      unit: "% per quarter" as const,
      seeds: same(new Dec(0)),
    })),
    {
      id: "da",
      name: driverName("da"),
      label: "Depreciation and amortization (as in the cash flows)",
      unit: "JPY millions per quarter",
      seeds:
        ebitdaTarget && operatingTarget
          ? byScenario((s) => ebitdaTarget[s].minus(operatingTarget[s]).plus(gap))
          : same(da),
    },
    {
      id: "ebitda_gap",
      name: driverName("ebitda_gap"),
      label: "Operating income + D&A - EBITDA (the Table 5 gap)",
      unit: "JPY millions per quarter",
      seeds: same(gap),
    },
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

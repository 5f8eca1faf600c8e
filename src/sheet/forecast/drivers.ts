/** The forecast's drivers as the sheet shows them: ids, names, labels, units and seeds. */
import type { Dec } from "../../model";

export const SCENARIOS = ["Low", "Mid", "High"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_NAME = "IIJ_SCENARIO";

export type DriverUnit =
  | "% per quarter"
  | "% of revenue"
  | "JPY millions per quarter"
  | "shares"
  | "ADS per share"
  | "days";

/** A driver: one named input per estimated quarter, each with a seed per scenario. */
export interface Driver {
  readonly id: string;
  readonly label: string;
  readonly unit: DriverUnit;
  /** Seeds by estimated quarter key ("2Q01"), then scenario. */
  readonly seeds: ReadonlyMap<string, Readonly<Record<Scenario, Dec>>>;
}

/** The workbook name of a driver's value in use in an estimated quarter: `IIJ_DRV_GROWTH_SI_2Q01`. */
export function driverName(id: string, quarterKey: string): string {
  return `IIJ_DRV_${id.toUpperCase()}_${quarterKey}`;
}

/** A record with one value per scenario. */
export function byScenario<T>(f: (s: Scenario) => T): Record<Scenario, T> {
  return { Low: f("Low"), Mid: f("Mid"), High: f("High") };
}

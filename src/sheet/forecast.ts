/**
 * The forecast: which lines are estimated and how (`forecast/rules.ts`), the drivers and their
 * seeds per estimated quarter and scenario (`forecast/seeds.ts`), from each series' own history
 * (`forecast/history.ts`) and the guidance known at the loaded quarter (`forecast/guidance.ts`).
 */
import { type Quarter, shiftQuarter } from "../model";

export {
  type Driver,
  type DriverUnit,
  SCENARIOS,
  SCENARIO_NAME,
  type Scenario,
  driverName,
} from "./forecast/drivers";
export { issuedBy, knownBounds, knownEntry, reportedBy } from "./forecast/guidance";
export { type EstimatedLine, type LineRule, forecastLines } from "./forecast/rules";
export {
  type Run,
  type Seeding,
  type Targets,
  OUTLOOK_MARGIN,
  seedDrivers,
  yearOperatingIncome,
} from "./forecast/seeds";
export { componentDriver } from "./forecast/basis";
export { type ForecastCheck, checkDifference, forecastChecks } from "./forecast/checks";

/**
 * The quarters to estimate after `target`: the rest of its fiscal year and the whole next one
 * (after a fourth quarter, the next fiscal year only).
 */
export function forecastQuarters(target: Quarter): Quarter[] {
  const last = target.q === 4 ? 4 : 8 - target.q;
  return Array.from({ length: last }, (_, i) => shiftQuarter(target, i + 1));
}

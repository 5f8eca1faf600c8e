/**
 * Guidance as the loaded quarter knew it: a release's guidance was public when the quarter was
 * reported only if that release reports the quarter or an earlier one. A load of an older quarter
 * shows later guidance labelled as such and never seeds from it.
 */
import {
  type Dec,
  type GuidanceEntry,
  type IIJModel,
  type Quarter,
  type Release,
  quarterIndex,
  readRange,
} from "../../model";
import { type Scenario, byScenario } from "./drivers";

/** The quarter a release reports (its latest quarter). */
export function reportedBy(model: IIJModel, release: Release): Quarter {
  return model.parsePeriod(release.latestQuarter).period as Quarter;
}

/** Whether `release` had been issued when `target` was reported (it reports `target` or before). */
export function issuedBy(model: IIJModel, release: Release, target: Quarter): boolean {
  return quarterIndex(reportedBy(model, release)) <= quarterIndex(target);
}

/** The latest guidance entry for a metric and period that was issued by the time of `target`. */
export function knownEntry(
  model: IIJModel,
  metric: string,
  period: string,
  kind: "range" | "outlook",
  target: Quarter
): GuidanceEntry | undefined {
  return model
    .guidance(metric, period, kind)
    .filter((entry) => issuedBy(model, entry.release, target))
    .at(-1);
}

/** A guided range known at `target`, per scenario: Low and High as printed, Mid their midpoint. */
export function knownBounds(
  model: IIJModel,
  metric: string,
  period: string,
  target: Quarter
): Record<Scenario, Dec> | null {
  const range = knownEntry(model, metric, period, "range", target)?.range;
  if (!range) return null;
  const { low, high } = readRange(range);
  return byScenario((s) => (s === "Low" ? low : s === "High" ? high : low.plus(high).dividedBy(2)));
}

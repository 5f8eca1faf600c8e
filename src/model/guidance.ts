import type { PrintedGuidanceRange, PrintedUnit } from "../data/types";
import { periodKey } from "./calendar";
import { describeValue } from "./catalogue";
import { Dec } from "./decimal";
import { invalidValue, notAvailable } from "./errors";
import { type IIJModel, pickVintage } from "./model";
import { isOmitted, nameKey, quotedList, shown } from "./names";
import { readPrinted } from "./printed";
import { type Unit, convert, resolveUnit } from "./units";

export type Bound = "low" | "mid" | "high" | "text";
const BOUNDS: readonly Bound[] = ["low", "mid", "high", "text"];
/** Bounds by name key; a Map, so that no text the user types finds an Object-prototype member. */
const BOUND_NAMES: ReadonlyMap<string, Bound> = new Map([
  ["low", "low"],
  ["min", "low"],
  ["lower", "low"],
  ["bottom", "low"],
  ["mid", "mid"],
  ["midpoint", "mid"],
  ["middle", "mid"],
  ["mean", "mid"],
  ["high", "high"],
  ["max", "high"],
  ["upper", "high"],
  ["top", "high"],
  ["text", "text"],
  ["outlook", "text"],
  ["qualitative", "text"],
]);

export interface GuidanceRange {
  readonly low: Dec;
  readonly high: Dec;
}

/** Reads a printed range cell: "9,000 - 9,500", "(-)100 - (+)50". */
export function readRange(range: PrintedGuidanceRange): GuidanceRange {
  const parts = range.range.split(" - ");
  if (parts.length !== 2) throw new Error(`Unreadable guidance range "${range.range}"`);
  const [low, high] = parts.map((p) => readPrinted(p));
  if (low.kind !== "number" || high.kind !== "number")
    throw new Error(`Unreadable guidance range "${range.range}"`);
  return { low: low.value, high: high.value };
}

function resolveBound(input: unknown): Bound | null {
  if (isOmitted(input)) return null;
  const bound = typeof input === "string" ? BOUND_NAMES.get(nameKey(input)) : undefined;
  if (!bound) {
    const got = typeof input === "string" ? `"${shown(input)}"` : describeValue(input);
    throw invalidValue(
      `The bound must be ${quotedList(BOUNDS)} (default "mid" for a range, "text" for a qualitative outlook); got ${got}.`
    );
  }
  return bound;
}

/**
 * Management guidance: a number for a bound of a printed range (mid = (low + high) / 2, exact), or
 * the words of a qualitative outlook. The latest release's guidance for a period wins; "@first" in
 * the period reads the first guidance given. A number is in the printed JPY millions unless
 * `unitInput` names another unit (exactly converted, USD at the guiding release's own rate); words
 * take no unit, so a unit given for them is an error rather than ignored.
 */
export function guidanceValue(
  model: IIJModel,
  periodInput: unknown,
  metricInput: unknown,
  boundInput?: unknown,
  unitInput?: unknown
): { value: Dec | string; unit: string } {
  const request = model.resolveGuidancePeriod(periodInput);
  const metric = model.catalogue("GUIDANCE").resolve(metricInput, "metric");
  const bound = resolveBound(boundInput);
  const unit = resolveUnit(unitInput, metric.unit, `Guidance for ${metric.label}`);
  const key = periodKey(request.period);
  const vintage = request.vintage;
  const range = pickVintage(model.guidance(metric.id, key, "range"), vintage);
  const outlook = pickVintage(model.guidance(metric.id, key, "outlook"), vintage);
  if (vintage.kind === "release" && !range && !outlook) {
    const releases = model.releases.map((r) => r.id).join(", ");
    throw notAvailable(
      `Release ${vintage.id} gives no guidance for ${metric.label} in ${key} (releases: ${releases}).`
    );
  }
  const words = (text: string) => {
    if (!isOmitted(unitInput))
      throw invalidValue(
        `Guidance for ${metric.label} in ${key}${bound === "text" ? ' with the bound "text"' : ", with no bound,"} is words, which take no unit; leave the unit empty, or ask for a "low", "mid" or "high" bound${range ? "" : " of a period with a guided range"}.`
      );
    return { value: text, unit: "text" };
  };
  if (bound === "text") {
    if (outlook?.outlook) return words(outlook.outlook.text);
    if (range?.range)
      return words(`${range.range.label}: ${range.range.range} (${range.range.unit})`);
  }
  if (range?.range && bound !== "text") {
    const { low, high } = readRange(range.range);
    const value = bound === "low" ? low : bound === "high" ? high : low.plus(high).dividedBy(2);
    return inUnit(value, range.range.unit, unit, range.release.rate.jpyPerUsd);
  }
  if (outlook?.outlook) {
    if (bound === null) return words(outlook.outlook.text);
    throw notAvailable(
      `IIJ gave no figure for ${metric.label} in ${key}, only a qualitative outlook; use the bound "text" to read it.`
    );
  }
  const given = model
    .guidancePeriodList()
    .map(periodKey)
    .filter(
      (p) =>
        model.guidance(metric.id, p, "range").length +
          model.guidance(metric.id, p, "outlook").length >
        0
    );
  throw notAvailable(
    `No guidance for ${metric.label} in ${key}. ${metric.label} guidance is given for: ${given.join(", ") || "no period"}.`
  );
}

/** A guided figure printed in `printed`, in `unit` (null: as printed), exactly. */
function inUnit(
  value: Dec,
  printed: PrintedUnit,
  unit: Unit | null,
  jpyPerUsd: string
): { value: Dec; unit: string } {
  if (unit === null || unit === printed) return { value, unit: printed };
  return { value: convert(value, printed, unit, new Dec(jpyPerUsd)), unit };
}

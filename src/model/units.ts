import type { PrintedUnit } from "../data/types";
import { Dec } from "./decimal";
import { invalidValue } from "./errors";
import { isOmitted, nameKey, nearestNames, quotedList, shown } from "./names";

/**
 * Units an amount can be asked for. Statements print JPY thousands, the KPI tables' amounts (Tables
 * 2, 4 and 5) and guidance JPY millions; every function's default is the printed unit. USD is
 * translated at the release's own convenience rate, exactly (no rounding). "USD thousands (as
 * printed)" reads the statements' printed USD column instead, which exists for the latest quarter
 * only.
 */
export type Unit =
  "JPY thousands" | "JPY millions" | "JPY" | "USD thousands" | "USD" | "USD thousands (as printed)";

const UNIT_NAMES: Readonly<Record<Unit, readonly string[]>> = {
  "JPY thousands": [
    "JPY thousands",
    "JPY thousand",
    "thousands",
    "JPY000",
    "JPY '000",
    "JPY k",
    "yen thousands",
  ],
  "JPY millions": [
    "JPY millions",
    "JPY million",
    "millions",
    "JPY mn",
    "JPY m",
    "JPY mm",
    "yen millions",
  ],
  JPY: ["JPY", "yen"],
  "USD thousands": [
    "USD thousands",
    "USD thousand",
    "USD000",
    "USD '000",
    "USD k",
    // Not "$000" or "$ thousands": names are compared without punctuation, where they would be
    // "000" and "thousands", the latter JPY thousands' (BY_KEY refuses a name with two units).
    "US$000",
    "US$ thousands",
  ],
  USD: ["USD", "dollars", "US dollars"],
  "USD thousands (as printed)": [
    "USD thousands (as printed)",
    "USD printed",
    "printed USD",
    "USD as printed",
  ],
};

const BY_KEY = new Map<string, Unit>();
for (const [unit, names] of Object.entries(UNIT_NAMES) as [Unit, readonly string[]][]) {
  for (const name of names) {
    const known = BY_KEY.get(nameKey(name));
    if (known && known !== unit) throw new Error(`The unit name "${name}" is also ${known}'s`);
    BY_KEY.set(nameKey(name), unit);
  }
}

/** The units a row printed in `printed` can be converted to; the first is the default. */
function unitsFor(printed: PrintedUnit): readonly Unit[] {
  switch (printed) {
    case "JPY thousands":
      return [
        "JPY thousands",
        "JPY millions",
        "JPY",
        "USD thousands",
        "USD",
        "USD thousands (as printed)",
      ];
    case "JPY millions":
      return ["JPY millions", "JPY thousands", "JPY", "USD thousands", "USD"];
    case "JPY":
      return ["JPY", "USD"];
    default:
      return [];
  }
}

/**
 * Resolves the optional unit argument for a row printed in `printed`. Omitted means as printed.
 * Counts and rates (shares, contracts, Gbps) are not amounts: they take no unit but their own
 * ("contracts" returns what leaving it out does), and anything else is an error naming theirs.
 */
export function resolveUnit(input: unknown, printed: PrintedUnit, what: string): Unit | null {
  const allowed = unitsFor(printed);
  if (isOmitted(input)) return allowed[0] ?? null;
  if (typeof input !== "string") {
    throw invalidValue(
      `The unit must be text such as "JPY millions"; got ${typeof input === "boolean" ? String(input).toUpperCase() : String(input)}.`
    );
  }
  if (allowed.length === 0) {
    if (nameKey(input) === nameKey(printed)) return null;
    throw invalidValue(
      `${what} is printed in ${printed}, not an amount: it takes no unit but "${printed}" (or leave the unit argument empty); got "${shown(input)}".`
    );
  }
  const unit = BY_KEY.get(nameKey(input));
  if (unit && allowed.includes(unit)) return unit;
  const valid = `Units for ${what}: ${quotedList(allowed)}.`;
  if (unit)
    throw invalidValue(
      `${what} is printed in ${printed} and cannot be given in "${shown(input)}". ${valid}`
    );
  const near = nearestNames(
    input,
    [...BY_KEY.entries()].filter(([, u]) => allowed.includes(u)).map(([k, u]) => [k, u])
  );
  const hint = near.length ? ` Did you mean ${quotedList(near)}?` : "";
  throw invalidValue(`"${shown(input)}" is not a unit.${hint} ${valid}`);
}

/** JPY per unit of each printed JPY unit. */
const YEN_PER: ReadonlyMap<PrintedUnit, number> = new Map<PrintedUnit, number>([
  ["JPY", 1],
  ["JPY thousands", 1000],
  ["JPY millions", 1_000_000],
]);

/** Converts an amount printed in `from` (JPY millions, thousands or JPY) to `to` at `jpyPerUsd`. Exact. */
export function convert(value: Dec, from: PrintedUnit, to: Unit, jpyPerUsd: Dec): Dec {
  const per = YEN_PER.get(from);
  if (per === undefined) throw new Error(`${from} is not a JPY amount`);
  const yen = value.times(per);
  switch (to) {
    case "JPY":
      return yen;
    case "JPY thousands":
      return yen.dividedBy(1000);
    case "JPY millions":
      return yen.dividedBy(1_000_000);
    case "USD":
      return yen.dividedBy(jpyPerUsd);
    case "USD thousands":
      return yen.dividedBy(jpyPerUsd).dividedBy(1000);
    case "USD thousands (as printed)":
      throw new Error("The printed USD column is read, not converted");
  }
}

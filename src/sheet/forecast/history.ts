/**
 * A series' own printed history, read as the seeds need it: its trend per quarter (from its YoY
 * and QoQ changes) and, for a seasonal segment, its factor in each fiscal quarter. Exact decimal
 * arithmetic throughout; see README "Forecast" for the rules in words.
 */
import { Dec, type Quarter, shiftQuarter } from "../../model";

/** A series' printed value in a quarter (JPY millions, or its table's unit); null if not printed. */
export type Reader = (quarter: Quarter) => Dec | null;

const ZERO = new Dec(0);

/**
 * The trend of a series per quarter. A growing series adds the same amount each quarter (so its
 * growth rate slows as it grows); a declining one loses the same share of its level each quarter
 * (so it never turns negative).
 */
export class Trend {
  constructor(
    readonly kind: "amount" | "rate",
    /** An amount in the series' unit, or a rate (a fraction). */
    readonly value: Dec
  ) {}

  static readonly FLAT = new Trend("rate", ZERO);

  /** Growth over a quarter that starts at `level`, as a fraction. */
  rate(level: Dec): Dec {
    if (this.kind === "rate") return this.value;
    return level.gt(0) ? this.value.dividedBy(level) : ZERO;
  }
}

/** The printed value `back` quarters before `target` that is closest to a year back (4, else 3, 2, 1). */
function yearBack(read: Reader, target: Quarter): { value: Dec; quarters: number } | null {
  for (const back of [4, 3, 2, 1]) {
    const value = read(shiftQuarter(target, -back));
    if (value !== null) return { value, quarters: back };
  }
  return null;
}

interface Change {
  readonly amount: Dec;
  readonly rate: Dec;
}

const mean = (values: readonly Dec[]) =>
  values.reduce((a, b) => a.plus(b), ZERO).dividedBy(values.length);

/**
 * The trend of a series at `target`, from two changes: a quarter of its YoY change (over the last
 * year; or since the earliest printed quarter within it, spread over those quarters) and its last
 * QoQ change. Their average in amounts says whether it grows: if so it adds that average amount
 * each quarter, else it declines at the average of the two rates. A seasonal segment's QoQ is
 * mostly season, so its trend is its YoY change alone, over a full year only. No history, or a
 * series not above zero: flat.
 */
export function trendOf(read: Reader, target: Quarter, seasonal: boolean): Trend {
  const current = read(target);
  if (current === null || !current.gt(0)) return Trend.FLAT;
  const change = (base: Dec, quarters: number): Change | null =>
    base.gt(0)
      ? {
          amount: current.minus(base).dividedBy(quarters),
          rate: current.dividedBy(base).minus(1).dividedBy(quarters),
        }
      : null;
  const back = yearBack(read, target);
  const yoy = back && (!seasonal || back.quarters === 4) ? change(back.value, back.quarters) : null;
  const previous = seasonal ? null : read(shiftQuarter(target, -1));
  const qoq = previous === null ? null : change(previous, 1);
  const known = [yoy, qoq].filter((x): x is Change => x !== null);
  if (known.length === 0) return Trend.FLAT;
  const amount = mean(known.map((c) => c.amount));
  return amount.gte(0)
    ? new Trend("amount", amount)
    : new Trend("rate", mean(known.map((c) => c.rate)));
}

export type FiscalQuarter = Quarter["q"];

/**
 * A seasonal segment's factor in each fiscal quarter: what a quarter's QoQ change was beyond the
 * trend, (this / previous) / (1 + trend), for each pair of consecutive printed quarters in the
 * last year. Over a year the factors multiply to 1: a second-half quarter not observed takes what
 * is left (both missing: the third quarter half of it, arithmetically, the fourth the rest), so
 * the year-end lift the first quarter gives back is earned in the second half. Others are 1.
 */
export function seasonalFactors(
  read: Reader,
  target: Quarter,
  trend: Trend
): ReadonlyMap<FiscalQuarter, Dec> {
  const factors = new Map<FiscalQuarter, Dec>();
  for (let back = 0; back < 4; back++) {
    const at = shiftQuarter(target, -back);
    const [now, before] = [read(at), read(shiftQuarter(at, -1))];
    if (now === null || before === null || !before.gt(0) || factors.has(at.q)) continue;
    factors.set(at.q, now.dividedBy(before).dividedBy(trend.rate(before).plus(1)));
  }
  const observed = [...factors.values()].reduce((a, b) => a.times(b), new Dec(1));
  const left = new Dec(1).dividedBy(observed);
  const missing = ([3, 4] as const).filter((q) => !factors.has(q));
  if (missing.length === 2) {
    const third = left.plus(1).dividedBy(2);
    factors.set(3, third);
    factors.set(4, left.dividedBy(third));
  } else if (missing.length === 1) factors.set(missing[0], left);
  for (const q of [1, 2] as const) if (!factors.has(q)) factors.set(q, new Dec(1));
  return factors;
}

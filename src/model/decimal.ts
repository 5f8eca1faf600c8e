import Decimal from "decimal.js";

/**
 * The model's own Decimal: 40 significant digits (the largest figure, 50,640,802 JPY thousands, needs
 * 8; 40 leaves room for exact unit conversion and division), half-up rounding as printed financial
 * tables round. A clone, so nothing else in the page (or a test) can change our configuration.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Rounds half away from zero to `places` decimals, as the release rounds its printed figures. */
export function roundAsPrinted(value: Dec, places: number): Dec {
  return value.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
}

/** Formats an amount the way the release prints it: thousands separators, negatives in parentheses. */
export function formatPrinted(value: Dec, places = 0): string {
  const fixed = value.abs().toFixed(places);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return value.isNegative() && !value.isZero() ? `(${body})` : body;
}

/** Excel number formats of the model sheet: negatives in parentheses, zero as a dash. */
import type { PrintedUnit } from "../../model";
import type { SheetUnit } from "../plan-types";

export const FORMATS = {
  thousands: '#,##0_);(#,##0);"-"_)',
  /** JPY millions to one decimal on screen; the full value (to the thousand) underneath. */
  millions: '#,##0.0_);(#,##0.0);"-"_)',
  perShare: '#,##0.00_);(#,##0.00);"-"_)',
  count: '#,##0_);(#,##0);"-"_)',
  decimal: '#,##0.0_);(#,##0.0);"-"_)',
  percent: "0.0%_);(0.0%)",
  percentDriver: "0.00%_);(0.00%)",
  rate: "0.00",
};

/** A formula's factor from JPY millions (drivers, tables, guidance) to the sheet's unit. */
export const fromMillions = (unit: SheetUnit) => (unit === "JPY millions" ? "" : "*1000");
/** A formula's factor from the sheet's unit to JPY millions. */
export const toMillions = (unit: SheetUnit) => (unit === "JPY millions" ? "" : "/1000");

/** The format of an amount in `unit`: JPY thousands whole, JPY millions to the thousand. */
export function amountFormat(unit: PrintedUnit | SheetUnit): string {
  switch (unit) {
    case "JPY thousands":
      return FORMATS.thousands;
    case "JPY millions":
      return FORMATS.millions;
    case "JPY":
      return FORMATS.perShare;
    case "Gbps":
      return FORMATS.decimal;
    default:
      return FORMATS.count;
  }
}

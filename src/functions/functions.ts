/*
 * The IIJ custom functions. Each is a thin, synchronous adapter over the function library: the
 * JSDoc here is what custom-functions-metadata-plugin turns into functions.json (names, parameter
 * help, autocomplete), so it is written for the analyst reading a tooltip.
 */

import { toExcel } from "./excel-boundary";
import { invoke } from "./library";

/**
 * A line of IIJ's consolidated statements of operations, as printed (JPY thousands).
 * Example: =IIJ.INCOME("1Q01","Total revenues") returns 8332898.
 * @customfunction INCOME
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", "FY2001 Q1", a quarter-end date (2001-06-30 or a date cell), or "FQ0" for the latest quarter.
 * @param {any} item Printed row label or id, e.g. "Total revenues", "Operating loss", "S&M", "net_income".
 * @param {any} [unit] "JPY thousands" (default, as printed), "JPY millions", "JPY", "USD thousands" or "USD" (at the release's 124.73 JPY per USD).
 * @returns {number} The amount in the requested unit.
 */
export function income(period: any, item: any, unit?: any): number {
  return toExcel(invoke("INCOME", [period, item, unit])) as number;
}

/**
 * A line of IIJ's consolidated balance sheets at a quarter end, as printed (JPY thousands).
 * Example: =IIJ.BALANCE("2001-06-30","Cash") returns 12574744.
 * @customfunction BALANCE
 * @param {any} period_or_date Quarter ("1Q01") or its end date ("2001-06-30", "Jun 30, 2001" or a date cell).
 * @param {any} item Printed row label or id, e.g. "Cash", "Total assets", "Convertible Notes".
 * @param {any} [unit] "JPY thousands" (default), "JPY millions", "JPY", "USD thousands" or "USD".
 * @returns {number} The balance in the requested unit.
 */
export function balance(period_or_date: any, item: any, unit?: any): number {
  return toExcel(invoke("BALANCE", [period_or_date, item, unit])) as number;
}

/**
 * A line of IIJ's condensed consolidated statements of cash flows for a quarter (JPY thousands).
 * Example: =IIJ.CASHFLOW("1Q01","Net cash used in operating activities") returns -231079.
 * @customfunction CASHFLOW
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", a quarter-end date or "FQ0".
 * @param {any} item Printed row label or id; the two "Other" lines are "operating_other" and "investing_other".
 * @param {any} [unit] "JPY thousands" (default), "JPY millions", "JPY", "USD thousands" or "USD".
 * @returns {number} The amount in the requested unit.
 */
export function cashflow(period: any, item: any, unit?: any): number {
  return toExcel(invoke("CASHFLOW", [period, item, unit])) as number;
}

/**
 * A figure of the release's Tables 1 to 5 (contracts, revenue breakdown, bandwidth, backbone costs, EBITDA, CAPEX, D&A), in its printed unit.
 * Example: =IIJ.KPI("1Q01","EBITDA") returns 376 (JPY millions).
 * @customfunction KPI
 * @param {any} period Fiscal quarter: "1Q01", "4Q00", "1Q00", a quarter-end date or "FQ0".
 * @param {any} metric Printed row label or id, e.g. "EBITDA", "Total Dedicated Access Services Contracts", "International Backbone Costs".
 * @returns {number} The figure in the table's printed unit (contracts, JPY millions or Gbps).
 */
export function kpi(period: any, metric: any): number {
  return toExcel(invoke("KPI", [period, metric])) as number;
}

/**
 * Management guidance: a bound of a printed range (JPY millions), or the words of a qualitative outlook.
 * Example: =IIJ.GUIDANCE("2Q01","Revenues","mid") returns 9250.
 * @customfunction GUIDANCE
 * @param {any} period Guided period: "2Q01" (quarter ranges) or "FY2001" (qualitative outlook).
 * @param {any} metric "Revenues", "Operating Income (Loss)" or "EBITDA".
 * @param {any} [bound] "low", "mid" (default; (low + high) / 2) or "high"; "text" for the outlook's words.
 * @returns {any} The bound in JPY millions, or the outlook text.
 */
export function guidance(period: any, metric: any, bound?: any): any {
  return toExcel(invoke("GUIDANCE", [period, metric, bound]));
}

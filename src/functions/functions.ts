/*
 * The IIJ custom functions. Each is a thin, synchronous adapter over the function library: the
 * JSDoc here is what custom-functions-metadata-plugin turns into functions.json (names, parameter
 * help, autocomplete), so it is written for the analyst reading a tooltip.
 */

import { toExcel } from "./excel-boundary";
import { invoke } from "./library";

/**
 * A line of IIJ's consolidated statements of operations, as printed (JPY thousands), or a line derived from them: "Gross profit", "EBITDA as defined" (operating income + D&A).
 * Example: =IIJ.INCOME("1Q01","Total revenues") returns 8332898.
 * @customfunction INCOME
 * @helpurl https://localhost:3000/help.html#income
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", "FY2001 Q1", a quarter-end date (2001-06-30 or a date cell), or "FQ0" for the latest quarter.
 * @param {any} item Printed row label or id, e.g. "Total revenues", "Operating loss", "S&M", "net_income"; or "Gross profit", "EBITDA as defined" (computed; IIJ.SOURCE shows how). Table 5's printed EBITDA is IIJ.KPI's.
 * @param {any} [unit] "JPY thousands" (default, as printed), "JPY millions", "JPY", "USD thousands" or "USD" (at the convenience rate of the release that printed the figure).
 * @returns {number} The amount in the requested unit.
 */
export function income(period: any, item: any, unit?: any): number {
  return toExcel(invoke("INCOME", [period, item, unit])) as number;
}

/**
 * A line of IIJ's consolidated balance sheets at a quarter end, as printed (JPY thousands), or "Net debt" derived from them.
 * Example: =IIJ.BALANCE("2001-06-30","Cash") returns 12574744.
 * @customfunction BALANCE
 * @helpurl https://localhost:3000/help.html#balance
 * @param {any} period_or_date Quarter ("1Q01") or its end date ("2001-06-30", "Jun 30, 2001" or a date cell).
 * @param {any} item Printed row label or id, e.g. "Cash", "Total assets", "Convertible Notes"; or "Net debt" (borrowings + convertible notes + capital leases - cash - short-term investments; IIJ.SOURCE shows how).
 * @param {any} [unit] "JPY thousands" (default), "JPY millions", "JPY", "USD thousands" or "USD".
 * @returns {number} The balance in the requested unit.
 */
export function balance(period_or_date: any, item: any, unit?: any): number {
  return toExcel(invoke("BALANCE", [period_or_date, item, unit])) as number;
}

/**
 * A line of IIJ's condensed consolidated statements of cash flows for a quarter (JPY thousands), or "Free cash flow" derived from them.
 * Example: =IIJ.CASHFLOW("1Q01","Net cash used in operating activities") returns -231079.
 * @customfunction CASHFLOW
 * @helpurl https://localhost:3000/help.html#cashflow
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", a quarter-end date or "FQ0".
 * @param {any} item Printed row label or id; the two "Other" lines are "operating_other" and "investing_other"; "Free cash flow" is operating cash flow + purchase of property and equipment. "Capex" is ambiguous here: "Purchases of PP&E" (cash paid) or IIJ.KPI's "CAPEX" (with capitalized leases).
 * @param {any} [unit] "JPY thousands" (default), "JPY millions", "JPY", "USD thousands" or "USD".
 * @returns {number} The amount in the requested unit.
 */
export function cashflow(period: any, item: any, unit?: any): number {
  return toExcel(invoke("CASHFLOW", [period, item, unit])) as number;
}

/**
 * A figure of the release's operating tables (contracts, revenue breakdown, bandwidth, backbone costs, EBITDA, CAPEX, D&A): in its printed unit, or an amount in the unit asked for.
 * Example: =IIJ.KPI("1Q01","EBITDA") returns 376 (JPY millions, as printed); =IIJ.KPI("1Q01","EBITDA","JPY thousands") returns 376000.
 * @customfunction KPI
 * @helpurl https://localhost:3000/help.html#kpi
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", a quarter-end date or "FQ0".
 * @param {any} metric Printed row label or id, e.g. "EBITDA" (Table 5's printed EBITDA), "Total Dedicated Access Services Contracts", "International Backbone Costs".
 * @param {any} [unit] For amounts (Tables 2, 4, 5): "JPY millions" (default, as printed), "JPY thousands" (the statements' unit), "JPY", "USD thousands" or "USD". Counts and bandwidth take none (or their own: "contracts", "Gbps").
 * @returns {number} The figure in the requested unit, or the table's printed unit (contracts, JPY millions or Gbps).
 */
export function kpi(period: any, metric: any, unit?: any): number {
  return toExcel(invoke("KPI", [period, metric, unit])) as number;
}

/**
 * Management guidance: a bound of a printed range (JPY millions as printed, or the unit asked for), or the words of a qualitative outlook.
 * Example: =IIJ.GUIDANCE("2Q01","Revenues","mid") returns 9250; =IIJ.GUIDANCE("2Q01","Revenues","mid","JPY thousands") returns 9250000, the scale of IIJ.REVENUE.
 * @customfunction GUIDANCE
 * @helpurl https://localhost:3000/help.html#guidance
 * @param {any} period Guided period: a quarter with a guided range (e.g. "2Q01") or a fiscal year with an outlook (e.g. "FY2001"); IIJ.PERIODS lists them.
 * @param {any} metric A guided metric by printed label or id, e.g. "Revenues", "Operating Income (Loss)", "EBITDA"; IIJ.ITEMS("GUIDANCE") lists them.
 * @param {any} [bound] "low", "mid" (default; (low + high) / 2) or "high"; "text" for the outlook's words.
 * @param {any} [unit] "JPY millions" (default, as printed), "JPY thousands" (the statements' unit), "JPY", "USD thousands" or "USD"; none for words.
 * @returns {any} The bound in the requested unit (JPY millions by default), or the outlook text.
 */
export function guidance(period: any, metric: any, bound?: any, unit?: any): any {
  return toExcel(invoke("GUIDANCE", [period, metric, bound, unit]));
}

/**
 * Revenue of a segment of the statements of operations (JPY thousands as printed).
 * Example: =IIJ.REVENUE("1Q01","Dedicated") returns 3386912.
 * @customfunction REVENUE
 * @helpurl https://localhost:3000/help.html#revenue
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", a quarter-end date or "FQ0".
 * @param {any} [segment] "Dedicated", "Dial-up", "Data center", "Other VAS", "VAS", "Other", "Connectivity", "SI", "Equipment" or "Total" (default), or a printed label.
 * @param {any} [unit] "JPY thousands" (default), "JPY millions", "JPY", "USD thousands" or "USD".
 * @returns {number} The segment's revenue in the requested unit.
 */
export function revenue(period: any, segment?: any, unit?: any): number {
  return toExcel(invoke("REVENUE", [period, segment, unit])) as number;
}

/**
 * Cost of revenues of a segment (JPY thousands as printed).
 * Example: =IIJ.COST("1Q01","SI") returns 1914254.
 * @customfunction COST
 * @helpurl https://localhost:3000/help.html#cost
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", a quarter-end date or "FQ0".
 * @param {any} [segment] "Connectivity", "SI", "Equipment" or "Total" (default), or a printed label.
 * @param {any} [unit] "JPY thousands" (default), "JPY millions", "JPY", "USD thousands" or "USD".
 * @returns {number} The segment's cost in the requested unit.
 */
export function cost(period: any, segment?: any, unit?: any): number {
  return toExcel(invoke("COST", [period, segment, unit])) as number;
}

/**
 * Change of any item against the same quarter a year earlier (YoY) or the previous quarter (QoQ), as a fraction, exactly from the printed figures.
 * Example: =IIJ.GROWTH("1Q01","Total revenues","YoY") returns 0.1500 (15.0%).
 * @customfunction GROWTH
 * @helpurl https://localhost:3000/help.html#growth
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", a quarter-end date or "FQ0".
 * @param {any} item Any statement line, KPI or derived line, by printed label, id or alias, e.g. "Total revenues", "EBITDA" (Table 5's), "Gross profit", "Cash". An ambiguous name ("Other") is an error listing its meanings.
 * @param {any} [basis] "YoY" (default) or "QoQ".
 * @returns {number} this / comparison - 1 (0.15 is 15%).
 */
export function growth(period: any, item: any, basis?: any): number {
  return toExcel(invoke("GROWTH", [period, item, basis])) as number;
}

/**
 * A margin over total revenues, as a fraction.
 * Example: =IIJ.MARGIN("1Q01","gross") returns 0.1254 (12.5%).
 * @customfunction MARGIN
 * @helpurl https://localhost:3000/help.html#margin
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", a quarter-end date or "FQ0".
 * @param {any} [kind] "gross" (default), "operating", "EBITDA" (Table 5's printed EBITDA), "net", any statements-of-operations item, or a derived flow: "EBITDA as defined", "Free cash flow".
 * @returns {number} The margin (0.125 is 12.5%).
 */
export function margin(period: any, kind?: any): number {
  return toExcel(invoke("MARGIN", [period, kind])) as number;
}

/**
 * Spills a whole statement: a header row of periods (oldest first), a label column, the values.
 * Example: =IIJ.STATEMENT("INCOME","JPY millions").
 * @customfunction STATEMENT
 * @helpurl https://localhost:3000/help.html#statement
 * @param {any} statement "INCOME", "BALANCE", "CASHFLOW", "KPI" or "GUIDANCE".
 * @param {any} [unit] For INCOME, BALANCE and CASHFLOW: "JPY thousands" (default), "JPY millions", "JPY", "USD thousands" or "USD".
 * @returns {any[][]} The statement as a grid; a figure that is not printed is an error in its own cell.
 */
export function statement(statement: any, unit?: any): any[][] {
  return toExcel(invoke("STATEMENT", [statement, unit])) as any[][];
}

/**
 * Spills the periods with figures or guidance: key, period-end date, description, statements covered.
 * Example: =IIJ.PERIODS().
 * @customfunction PERIODS
 * @helpurl https://localhost:3000/help.html#periods
 * @returns {any[][]} One row per period, oldest first.
 */
export function periods(): any[][] {
  return toExcel(invoke("PERIODS", [])) as any[][];
}

/**
 * Spills the items of a statement: id, printed label, section, in printed order.
 * Example: =IIJ.ITEMS("CASHFLOW").
 * @customfunction ITEMS
 * @helpurl https://localhost:3000/help.html#items
 * @param {any} statement "INCOME", "BALANCE", "CASHFLOW", "KPI" or "GUIDANCE".
 * @returns {any[][]} One row per item.
 */
export function items(statement: any): any[][] {
  return toExcel(invoke("ITEMS", [statement])) as any[][];
}

/**
 * Where a figure comes from: release and date, statement or table and page, printed row label, column, the printed figure and unit, and any OCR repair; for a derived line, its arithmetic over the printed figures; for an ambiguous name, which meaning it read.
 * Example: =IIJ.SOURCE("1Q01","Dedicated access services").
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/help.html#source
 * @param {any} period Fiscal quarter (or guidance period) of the figure.
 * @param {any} item Printed label, id or alias.
 * @param {any} [statement] "INCOME", "BALANCE", "CASHFLOW", "KPI" or "GUIDANCE"; by default the first of INCOME, BALANCE, CASHFLOW, KPI that has the item.
 * @returns {string} The citation.
 */
export function source(period: any, item: any, statement?: any): string {
  return toExcel(invoke("SOURCE", [period, item, statement])) as string;
}

/**
 * The latest release's convenience rate: JPY per USD 1, the approximate exchange rate the release states for its USD figures.
 * Example: =IIJ.FXRATE() returns that rate.
 * @customfunction FXRATE
 * @helpurl https://localhost:3000/help.html#fxrate
 * @returns {number} JPY per USD.
 */
export function fxrate(): number {
  return toExcel(invoke("FXRATE", [])) as number;
}

/**
 * A figure IIJ states only in the text of a release (not in its tables), e.g. sales personnel expense, the foreign exchange gain, Japan-US bandwidth, an affiliate's stake: the printed number, in its printed unit.
 * Example: =IIJ.STATED("1Q01","Sales personnel expense") returns 341 (JPY millions).
 * @customfunction STATED
 * @helpurl https://localhost:3000/help.html#stated
 * @param {any} period Fiscal quarter the sentence states it for ("1Q01"); a figure whose sentence names no quarter is reached by its release's quarter.
 * @param {any} item The figure's subject as printed, e.g. "Sales personnel expense", "foreign exchange gain", "Japan-US backbone lines", or its id; iij-model find lists them.
 * @param {any} [measure] "amount" (default), "YoY %", "QoQ %", "change", "from" (the level it changed from), "low" or "high".
 * @returns {number} The printed figure (a percentage as its printed number: 24.6 for 24.6%; a decrease negative).
 */
export function stated(period: any, item: any, measure?: any): number {
  return toExcel(invoke("STATED", [period, item, measure])) as number;
}

/**
 * A printed cell of the statements besides the amount: % of total, YoY %, QoQ % or USD, exactly as printed.
 * Example: =IIJ.PRINTED("1Q01","Total revenues","YoY %") returns 15 (the printed 15.0%).
 * @customfunction PRINTED
 * @helpurl https://localhost:3000/help.html#printed
 * @param {any} period Fiscal quarter: "1Q01", "Q1 FY2001", a quarter-end date or "FQ0".
 * @param {any} item Printed row label, id or alias of a statement line, e.g. "Total revenues", "Cash".
 * @param {any} column "% of total", "YoY %", "QoQ %" or "USD" (USD thousands as printed).
 * @returns {number} The printed figure: a percentage as its printed number (15 for 15.0%).
 */
export function printed(period: any, item: any, column: any): number {
  return toExcel(invoke("PRINTED", [period, item, column])) as number;
}

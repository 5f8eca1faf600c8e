/**
 * The balance sheet's and cash flow's drivers: working capital in days, capex paid in cash and
 * under new capital leases, lease payments, cash investments in affiliates, and the changes in
 * borrowings (inputs, held at none). Seeded from the loaded quarter (`src/model/forecast-spec.ts`
 * says which line each one drives).
 */
import { Dec, type IIJModel, type LineId, type LineStatement, type Quarter } from "../../model";
import { BALANCE_FORECAST } from "../../model/forecast-spec";
import { valueAt } from "./basis";
import type { DriverMeta } from "./meta";

const ZERO = new Dec(0);
/** Days in a quarter: a year's 365 over four. */
export const DAYS_PER_QUARTER = "91.25";

type Amount = (statement: LineStatement, id: string) => Dec;

const CASH_DRIVERS: readonly (DriverMeta & { seed: (at: Amount) => Dec })[] = [
  {
    id: "capex_cash",
    label: "Purchase of property and equipment (capex paid in cash)",
    unit: "JPY millions per quarter",
    seed: (at) => at("CASHFLOW", "purchase_of_property_and_equipment").negated(),
  },
  {
    id: "capex_leases",
    label: "Equipment under new capital leases (Table 5 CAPEX less capex paid in cash)",
    unit: "JPY millions per quarter",
    seed: (at) =>
      at("KPI", "capex").isZero()
        ? ZERO
        : at("KPI", "capex").plus(at("CASHFLOW", "purchase_of_property_and_equipment")),
  },
  {
    id: "lease_principal",
    label: "Principal payments under capital leases",
    unit: "JPY millions per quarter",
    seed: (at) => at("CASHFLOW", "principal_payments_under_capital_leases").negated(),
  },
  {
    id: "investments_in_affiliates",
    label: "Investments in and advances to affiliated companies (cash)",
    unit: "JPY millions per quarter",
    seed: (at) => at("CASHFLOW", "investments_in_affiliates").negated(),
  },
  {
    id: "short_term_borrowing",
    label: "Net increase (decrease) in short-term borrowings",
    unit: "JPY millions per quarter",
    seed: () => ZERO,
  },
  {
    id: "long_term_borrowing",
    label: "Net increase (decrease) in long-term borrowings",
    unit: "JPY millions per quarter",
    seed: () => ZERO,
  },
];

/** The working-capital lines estimated in days, with their drivers. */
function dayLines() {
  return Object.entries(BALANCE_FORECAST).flatMap(([line, rule]) =>
    rule && "days" in rule ? [{ line: line as LineId<"BALANCE">, ...rule }] : []
  );
}

/** The drivers of the balance sheet and cash flow, in the order the sheet shows them. */
export function balanceDrivers(): DriverMeta[] {
  return [
    ...dayLines().map(({ days, label }): DriverMeta => ({ id: days, label, unit: "days" })),
    ...CASH_DRIVERS.map(({ id, label, unit }) => ({ id, label, unit })),
  ];
}

/**
 * Their seeds, the loaded quarter's: days = balance / the quarter's flow x 91.25; the cash
 * figures as the cash flow prints them; no change in borrowings.
 */
export function balanceSeeds(model: IIJModel, target: Quarter): ReadonlyMap<string, Dec> {
  const at: Amount = (statement, id) => valueAt(model, target, statement, id);
  const seeds = new Map<string, Dec>();
  for (const { line, days, of } of dayLines()) {
    const flow = at("INCOME", of);
    seeds.set(
      days,
      flow.isZero() ? ZERO : at("BALANCE", line).dividedBy(flow).times(DAYS_PER_QUARTER)
    );
  }
  for (const driver of CASH_DRIVERS) seeds.set(driver.id, driver.seed(at));
  return seeds;
}

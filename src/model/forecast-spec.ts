/**
 * What the forecast needs to know about IIJ's lines beyond what `statements.ts` says of each one:
 * which revenue segments follow the fiscal calendar, which cost of revenues has parts printed in a
 * table, and how the lines below operating income and the per-share counts are driven. Keyed by
 * typed line ids, so a misspelt id does not compile. The sheet's forecast (src/sheet/forecast)
 * reads this file and `statements.ts`; a line neither names is estimated by its role.
 */
import type { LineId } from "./statements";

/**
 * Revenue segments sold as projects and deliveries, whose quarters follow the customers' fiscal
 * year (which ends in March in Japan): strong in the fourth quarter, down in the first. Their
 * forecast has a seasonal factor per quarter beside the trend, and the release says systems
 * integration will be "stronger in the second half of this fiscal year".
 */
export const SEASONAL_SEGMENTS: readonly LineId<"INCOME">[] = [
  "systems_integration_revenues",
  "equipment_sales",
];

/**
 * A cost of revenues with parts the release prints in a table (JPY millions): estimated as those
 * parts, each with its own growth, plus the rest as a share of the revenue it serves.
 */
export interface CostComponents {
  readonly line: LineId<"INCOME">;
  readonly parts: readonly LineId<"KPI">[];
  /** How the sheet names what is left of the cost after its parts. */
  readonly restLabel: string;
}

export const COST_COMPONENTS: readonly CostComponents[] = [
  {
    line: "cost_of_connectivity_and_value_added_services",
    parts: ["international_backbone_costs", "domestic_backbone_costs"],
    restLabel: "Cost of connectivity and value-added services other than backbone costs",
  },
];

/** A line below operating income estimated as an amount per quarter, JPY millions. */
export interface AmountDriver {
  /** The driver's id (its workbook names are `IIJ_DRV_<ID>_<quarter>`). */
  readonly driver: string;
  readonly label: string;
}

/**
 * Lines below operating income and their drivers, each an amount per quarter (sign as printed:
 * other income (expenses) and equity in net loss are negative when a loss, income tax is an
 * expense). A line a release adds there gets a driver of its own id.
 */
export const BELOW_OPERATING: Partial<Record<LineId<"INCOME">, AmountDriver>> = {
  other_income_expenses: { driver: "other_income", label: "Other income (expenses)" },
  income_tax_expense: { driver: "income_tax", label: "Income tax expense (benefit)" },
  minority_interests: {
    driver: "minority_interests",
    label: "Minority interests in consolidated subsidiaries",
  },
  equity_in_net_loss_of_affiliates: {
    driver: "equity_in_affiliates",
    label: "Equity in net loss of affiliated companies",
  },
};

/**
 * The counts the per-share lines divide by: the weighted average number of shares (a driver, a
 * count per quarter) and the ADS equivalents (a driver of ADS per share, times the shares).
 */
export const SHARE_COUNTS = {
  shares: "weighted_average_shares",
  ads: "weighted_average_ads",
} as const satisfies Record<string, LineId<"INCOME">>;

/**
 * A term of a balance-sheet roll-forward or of a cash-flow line, in the quarter: a line of the
 * statements of operations, a driver (JPY millions per quarter), or the change of a balance-sheet
 * line over the quarter (this quarter's balance - the previous one's).
 */
export type FlowTerm = { readonly sign: 1 | -1 } & (
  | { readonly income: LineId<"INCOME"> }
  | { readonly driver: string }
  | { readonly change: LineId<"BALANCE"> }
);

/** How a balance-sheet line that is not a total is estimated at a quarter end. */
export type BalanceForecast =
  /** The cash flow statement's cash at the end of the period. */
  | { readonly cash: true }
  /** Days of a line of the statements of operations: that line x days / 91.25 (a quarter). */
  | { readonly days: string; readonly of: LineId<"INCOME">; readonly label: string }
  /** The previous quarter end's balance plus the terms. */
  | { readonly roll: readonly FlowTerm[] };

const plus = <T extends object>(term: T) => ({ ...term, sign: 1 as const });
const minus = <T extends object>(term: T) => ({ ...term, sign: -1 as const });

/**
 * The balance sheet's estimates; a line not named here (and not a total) is held at the loaded
 * quarter's balance. Each roll-forward has its cash side in `CASHFLOW_FORECAST`, so the balance
 * sheet balances in every estimated quarter.
 */
export const BALANCE_FORECAST: Partial<Record<LineId<"BALANCE">, BalanceForecast>> = {
  cash: { cash: true },
  accounts_receivable: {
    days: "receivable_days",
    of: "total_revenues",
    label: "Accounts receivable, days of total revenues",
  },
  inventories: {
    days: "inventory_days",
    of: "total_costs",
    label: "Inventories, days of total costs",
  },
  accounts_payable: {
    days: "payable_days",
    of: "total_costs",
    label: "Accounts payable, days of total costs",
  },
  investments_in_affiliates: {
    roll: [
      plus({ income: "equity_in_net_loss_of_affiliates" }),
      plus({ driver: "investments_in_affiliates" }),
    ],
  },
  property_and_equipment: {
    roll: [
      plus({ driver: "capex_cash" }),
      plus({ driver: "capex_leases" }),
      minus({ driver: "da" }),
    ],
  },
  short_term_borrowings: { roll: [plus({ driver: "short_term_borrowing" })] },
  long_term_borrowings: { roll: [plus({ driver: "long_term_borrowing" })] },
  // New leases add to the obligations, payments reduce them; the current portion is held, so a
  // change typed there moves between the two.
  capital_lease_obligations_noncurrent: {
    roll: [
      plus({ driver: "capex_leases" }),
      minus({ driver: "lease_principal" }),
      minus({ change: "capital_lease_obligations_current" }),
    ],
  },
  minority_interest: { roll: [minus({ income: "minority_interests" })] },
  accumulated_deficit: { roll: [plus({ income: "net_income" })] },
};

/**
 * The cash flow's estimates, each a sum of terms; a line not named here (and not a total) is not
 * estimated (nothing the model forecasts moves it: foreign exchange, deferred tax). Cash at the
 * beginning is the previous quarter's end.
 */
export const CASHFLOW_FORECAST: Partial<Record<LineId<"CASHFLOW">, readonly FlowTerm[]>> = {
  net_income: [plus({ income: "net_income" })],
  depreciation_and_amortization: [plus({ driver: "da" })],
  equity_in_net_loss_of_affiliates: [minus({ income: "equity_in_net_loss_of_affiliates" })],
  minority_interests: [minus({ income: "minority_interests" })],
  change_in_accounts_receivable: [minus({ change: "accounts_receivable" })],
  change_in_accounts_payable: [plus({ change: "accounts_payable" })],
  operating_other: [
    minus({ change: "inventories" }),
    minus({ change: "prepaid_expenses" }),
    minus({ change: "other_current_assets" }),
    minus({ change: "other_assets" }),
    plus({ change: "accrued_expenses" }),
    plus({ change: "other_current_liabilities" }),
    plus({ change: "accrued_retirement_and_pension_costs" }),
    plus({ change: "other_noncurrent_liabilities" }),
  ],
  purchase_of_property_and_equipment: [minus({ driver: "capex_cash" })],
  investments_in_affiliates: [minus({ driver: "investments_in_affiliates" })],
  purchase_of_short_term_investments: [minus({ change: "short_term_investments" })],
  purchase_of_other_investments: [minus({ change: "other_investments" })],
  guarantee_deposits_net: [minus({ change: "guarantee_deposits" })],
  proceeds_from_long_term_borrowings: [
    plus({ change: "long_term_borrowings" }),
    plus({ change: "long_term_borrowings_current" }),
  ],
  proceeds_from_convertible_notes: [plus({ change: "convertible_notes" })],
  principal_payments_under_capital_leases: [minus({ driver: "lease_principal" })],
  change_in_short_term_borrowings: [plus({ change: "short_term_borrowings" })],
};

/** The cash flow line that carries the previous quarter's ending cash. */
export const CASH_BEGINNING: LineId<"CASHFLOW"> = "cash_beginning";

import type { StatementId } from "../data/types";

/**
 * What IIJ's statements and tables promise arithmetically. Each rule is data: the checks evaluate
 * them for every release and every quarter it prints, so a new release is checked without new code.
 */

/** A printed figure in an identity: `sign` x the figure of `row` in the quarter `offset` quarters back. */
export interface Term {
  readonly statement: StatementId;
  readonly row: string;
  readonly sign?: 1 | -1;
  /** Quarters before the checked quarter (1 = the previous quarter's balance sheet). */
  readonly lag?: number;
}

/**
 * `left` = `right`. Same-unit identities must hold exactly in JPY; the USD column, rounded cell by
 * cell, within half a unit per rounded figure. `scale` multiplies the right side (1/1000 turns JPY
 * thousands into the JPY millions of Tables 2 and 5, whose printed figures are then rounded).
 */
export interface Identity {
  readonly checkId: string;
  readonly name: string;
  readonly left: readonly Term[];
  readonly right: readonly Term[];
  readonly scale?: string;
  /** Also check the printed USD column (statement footings only). */
  readonly usd?: boolean;
}

const t = (statement: StatementId, row: string, sign: 1 | -1 = 1, lag = 0): Term => ({
  statement,
  row,
  sign,
  lag,
});
const sum = (statement: StatementId, rows: readonly string[]): Term[] =>
  rows.map((r) => t(statement, r));
const footing = (
  statement: StatementId,
  total: string,
  parts: readonly string[],
  name: string
): Identity => ({
  checkId: `footing:${statement}:${total}`,
  name,
  left: [t(statement, total)],
  right: sum(statement, parts),
  usd: statement !== "KPI",
});

export const IDENTITIES: readonly Identity[] = [
  footing(
    "INCOME",
    "total_value_added_services",
    ["internet_datacenter_services", "other_value_added_services"],
    "Total value-added services = Internet datacenter + Other value-added services"
  ),
  footing(
    "INCOME",
    "total_connectivity_and_value_added_services",
    [
      "dedicated_access_services",
      "dialup_access_services",
      "total_value_added_services",
      "other_revenues",
    ],
    "Total connectivity and value-added services = Dedicated + Dial-up + Total value-added + Other"
  ),
  footing(
    "INCOME",
    "total_revenues",
    [
      "total_connectivity_and_value_added_services",
      "systems_integration_revenues",
      "equipment_sales",
    ],
    "Total revenues = Total connectivity and value-added services + Systems integration + Equipment sales"
  ),
  footing(
    "INCOME",
    "total_costs",
    [
      "cost_of_connectivity_and_value_added_services",
      "cost_of_systems_integration_revenues",
      "cost_of_equipment_sales",
    ],
    "Total costs = the three costs of revenues"
  ),
  footing(
    "INCOME",
    "total_costs_and_expenses",
    [
      "total_costs",
      "sales_and_marketing",
      "general_and_administrative",
      "research_and_development",
    ],
    "Total costs and expenses = Total costs + S&M + G&A + R&D"
  ),
  {
    ...footing(
      "INCOME",
      "operating_income",
      [],
      "Operating loss = Total revenues - Total costs and expenses"
    ),
    right: [t("INCOME", "total_revenues"), t("INCOME", "total_costs_and_expenses", -1)],
  },
  footing(
    "INCOME",
    "income_before_income_tax",
    ["operating_income", "other_income_expenses"],
    "Loss before income tax = Operating loss + Other income (expenses)"
  ),
  {
    ...footing(
      "INCOME",
      "net_income",
      [],
      "Net loss = Loss before income tax - Income tax + Minority interests + Equity in net loss of affiliates"
    ),
    right: [
      t("INCOME", "income_before_income_tax"),
      t("INCOME", "income_tax_expense", -1),
      t("INCOME", "minority_interests"),
      t("INCOME", "equity_in_net_loss_of_affiliates"),
    ],
  },

  footing(
    "BALANCE",
    "total_current_assets",
    [
      "cash",
      "short_term_investments",
      "accounts_receivable",
      "inventories",
      "prepaid_expenses",
      "other_current_assets",
    ],
    "Total current assets = sum of current assets"
  ),
  footing(
    "BALANCE",
    "total_assets",
    [
      "total_current_assets",
      "investments_in_affiliates",
      "other_investments",
      "property_and_equipment",
      "guarantee_deposits",
      "other_assets",
    ],
    "Total assets = Total current assets + noncurrent assets"
  ),
  footing(
    "BALANCE",
    "total_current_liabilities",
    [
      "short_term_borrowings",
      "accounts_payable",
      "accrued_expenses",
      "other_current_liabilities",
      "long_term_borrowings_current",
      "capital_lease_obligations_current",
    ],
    "Total current liabilities = sum of current liabilities"
  ),
  footing(
    "BALANCE",
    "total_liabilities",
    [
      "total_current_liabilities",
      "long_term_borrowings",
      "convertible_notes",
      "capital_lease_obligations_noncurrent",
      "accrued_retirement_and_pension_costs",
      "other_noncurrent_liabilities",
    ],
    "Total liabilities = Total current liabilities + noncurrent liabilities"
  ),
  footing(
    "BALANCE",
    "total_shareholders_equity",
    [
      "common_stock",
      "additional_paid_in_capital",
      "accumulated_deficit",
      "accumulated_other_comprehensive_income",
    ],
    "Total shareholders' equity = Common stock + APIC + Accumulated deficit + AOCI"
  ),
  footing(
    "BALANCE",
    "total_liabilities_and_shareholders_equity",
    ["total_liabilities", "minority_interest", "total_shareholders_equity"],
    "Total liabilities and shareholders' equity = Total liabilities + Minority interest + Total shareholders' equity"
  ),
  {
    ...footing(
      "BALANCE",
      "total_assets",
      ["total_liabilities_and_shareholders_equity"],
      "The balance sheet balances: Total assets = Total liabilities and shareholders' equity"
    ),
    checkId: "balance:BALANCE:total_assets",
  },

  footing(
    "CASHFLOW",
    "net_cash_from_operating_activities",
    [
      "net_income",
      "depreciation_and_amortization",
      "equity_in_net_loss_of_affiliates",
      "minority_interests",
      "foreign_exchange_losses_gains",
      "change_in_accounts_receivable",
      "change_in_accounts_payable",
      "deferred_income_tax",
      "operating_other",
    ],
    "Net cash used in operating activities = sum of operating lines"
  ),
  footing(
    "CASHFLOW",
    "net_cash_from_investing_activities",
    [
      "purchase_of_property_and_equipment",
      "investments_in_affiliates",
      "purchase_of_short_term_investments",
      "purchase_of_other_investments",
      "redemption_of_short_term_investments",
      "insurance_policies_net",
      "guarantee_deposits_net",
      "investing_other",
    ],
    "Net cash from investing activities = sum of investing lines"
  ),
  footing(
    "CASHFLOW",
    "net_cash_from_financing_activities",
    [
      "proceeds_from_long_term_borrowings",
      "proceeds_from_convertible_notes",
      "repayments_of_long_term_borrowings",
      "principal_payments_under_capital_leases",
      "change_in_short_term_borrowings",
    ],
    "Net cash from financing activities = sum of financing lines"
  ),
  footing(
    "CASHFLOW",
    "net_change_in_cash",
    [
      "net_cash_from_operating_activities",
      "net_cash_from_investing_activities",
      "net_cash_from_financing_activities",
      "effect_of_exchange_rate_changes",
    ],
    "Net increase (decrease) in cash = operating + investing + financing + exchange-rate effect"
  ),
  footing(
    "CASHFLOW",
    "cash_end",
    ["cash_beginning", "net_change_in_cash"],
    "Cash, end of period = Cash, beginning of period + Net increase (decrease) in cash"
  ),

  footing(
    "KPI",
    "total_ip_service_contracts",
    [
      "ip_service_64k_128k",
      "ip_service_192k_768k",
      "ip_service_1m_2m",
      "ip_service_3m_600m",
      "iij_t1_standard",
    ],
    "Table 1: Total IP Service = the IP Service bands + IIJ T1 Standard"
  ),
  footing(
    "KPI",
    "total_dedicated_access_contracts",
    ["total_ip_service_contracts", "iij_economy_contracts", "iij_dslf_contracts"],
    "Table 1: Total Dedicated Access Services Contracts = Total IP Service + IIJ Economy + IIJ DSL/F"
  ),
  footing(
    "KPI",
    "total_dialup_access_contracts",
    ["iij4u_contracts", "other_dialup_contracts"],
    "Table 1: Total Dial-up Access Services Contracts = IIJ4U + Others"
  ),

  {
    checkId: "tie:CASHFLOW:net_income",
    name: "Cash flow Net loss = statements of operations Net loss",
    left: [t("CASHFLOW", "net_income")],
    right: [t("INCOME", "net_income")],
  },
  {
    checkId: "tie:CASHFLOW:equity_in_net_loss_of_affiliates",
    name: "Cash flow add-back of equity in net loss = - statements of operations line",
    left: [t("CASHFLOW", "equity_in_net_loss_of_affiliates")],
    right: [t("INCOME", "equity_in_net_loss_of_affiliates", -1)],
  },
  {
    checkId: "tie:CASHFLOW:minority_interests",
    name: "Cash flow minority interests = - statements of operations line",
    left: [t("CASHFLOW", "minority_interests")],
    right: [t("INCOME", "minority_interests", -1)],
  },
  {
    checkId: "tie:CASHFLOW:cash_end",
    name: "Cash, end of period = balance-sheet Cash at the quarter end",
    left: [t("CASHFLOW", "cash_end")],
    right: [t("BALANCE", "cash")],
  },
  {
    checkId: "tie:CASHFLOW:cash_beginning",
    name: "Cash, beginning of period = balance-sheet Cash at the previous quarter end",
    left: [t("CASHFLOW", "cash_beginning")],
    right: [t("BALANCE", "cash", 1, 1)],
  },
  {
    checkId: "tie:BALANCE:accumulated_deficit",
    name: "Change in accumulated deficit over the quarter = Net loss",
    left: [t("BALANCE", "accumulated_deficit"), t("BALANCE", "accumulated_deficit", -1, 1)],
    right: [t("INCOME", "net_income")],
  },

  {
    checkId: "tie:KPI:depreciation_and_amortization",
    name: "Table 5 D&A (JPY millions) = cash-flow Depreciation and amortization (JPY thousands) / 1,000",
    left: [t("KPI", "depreciation_and_amortization")],
    right: [t("CASHFLOW", "depreciation_and_amortization")],
    scale: "0.001",
  },
  {
    checkId: "tie:KPI:dedicated_revenue",
    name: "Table 2 (JPY millions) adds up to Dedicated access services revenue / 1,000",
    left: [t("KPI", "ip_service_revenue"), t("KPI", "economy_and_dslf_revenue")],
    right: [t("INCOME", "dedicated_access_services")],
    scale: "0.001",
  },
  {
    checkId: "ebitda-definition",
    name: "Table 5 EBITDA = Operating income (loss) + Depreciation and amortization (footnote *1)",
    left: [t("KPI", "ebitda")],
    right: [t("INCOME", "operating_income"), t("CASHFLOW", "depreciation_and_amortization")],
    scale: "0.001",
  },
];

/** Per-share figures: printed value = Net loss (JPY thousands) x 1,000 / count, rounded as printed. */
export const PER_SHARE: readonly { checkId: string; row: string; count: string; name: string }[] = [
  {
    checkId: "per-share:net_income_per_share",
    row: "net_income_per_share",
    count: "weighted_average_shares",
    name: "Basic Net Loss Per Share = Net loss / Weighted Average Number of Shares",
  },
  {
    checkId: "per-share:net_income_per_ads",
    row: "net_income_per_ads",
    count: "weighted_average_ads",
    name: "Basic Net Loss Per ADS Equivalent = Net loss / Weighted Average Number of ADS Equivalents",
  },
];

/** The base each statement's printed "%" column divides by. */
export const PERCENT_BASE: Partial<Record<StatementId, string>> = {
  INCOME: "total_revenues",
  BALANCE: "total_assets",
};

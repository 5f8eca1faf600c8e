/**
 * What IIJ's statements are, described once, as data (XBRL's calculation linkbase is the model):
 * for every line the model knows, whether it is a total, its weight in the sum it foots into, the
 * short names analysts type, its revenue or cost segment, and how the forecast estimates it; the
 * ties between statements; the base of each "%" column; the per-share lines.
 *
 * The printed order and the sections come from the releases themselves (src/data): a total sums
 * what is printed above it in its section, each subsection by its own total and each earlier total
 * of the section standing for its parts (see `structure.ts`). So a line a release adds inside a
 * section is footed, placed on the sheet and carried into the forecast with no code change here.
 *
 * The footing checks, the forecast lines, the segments, the aliases and the sheet's sections all
 * read this file; nothing else restates it. Ids here are checked by the compiler (`LineId`).
 */
import type { StatementId } from "../data/types";

/** The statements and tables whose lines this file describes (guidance has metrics, not lines). */
export type LineStatement = Exclude<StatementId, "GUIDANCE">;

/** How the forecast estimates a line that is not a total (totals are the sums of their parts). */
export type LineForecast<Id extends string> =
  /** Quarter-on-quarter growth, a named driver (`IIJ_DRV_<DRIVER>`) in % per quarter. */
  | { readonly growth: string; readonly driverLabel: string }
  /** A share of another line of the same quarter (costs of revenues over the revenue they serve). */
  | { readonly ratio: string; readonly of: Id; readonly driverLabel: string };

export interface LineSpec<Id extends string> {
  /** Short names analysts type ("Dedicated", "S&M"); printed labels and the id always work too. */
  readonly aliases?: readonly string[];
  /**
   * A total of what is printed above it in its section (or, for the first line of a section with
   * none above, nothing: a heading total). Its parts and their weights follow from the printing.
   */
  readonly total?: true;
  /** Weight in the total the line foots into: -1 for what is subtracted (costs, tax). */
  readonly weight?: -1;
  /** The name `IIJ.REVENUE` / `IIJ.COST` take for the line ("Dedicated", "SI", "Total"). */
  readonly segment?: string;
  readonly forecast?: LineForecast<Id>;
  /** A per-share line: the net loss (JPY thousands) x 1,000 / `count`, rounded as printed. */
  readonly perShareOf?: Id;
}

/** Checks the ids a description refers to against the ones it declares, at compile time. */
function describe<const Id extends string>(
  lines: Readonly<Record<Id, LineSpec<NoInfer<Id>>>>
): Readonly<Record<Id, LineSpec<Id>>> {
  return lines;
}

const INCOME = describe({
  dedicated_access_services: {
    aliases: ["Dedicated", "Dedicated access"],
    segment: "Dedicated",
    forecast: { growth: "growth_dedicated", driverLabel: "Dedicated access services revenue" },
  },
  dialup_access_services: {
    aliases: ["Dial-up", "Dial-up access"],
    segment: "Dial-up",
    forecast: { growth: "growth_dialup", driverLabel: "Dial-up access services revenue" },
  },
  internet_datacenter_services: {
    aliases: ["Data center", "Internet data center services", "IDC"],
    segment: "Data center",
    forecast: {
      growth: "growth_datacenter",
      driverLabel: "Internet datacenter services revenue",
    },
  },
  other_value_added_services: {
    aliases: ["Other VAS", "Other value-added"],
    segment: "Other VAS",
    forecast: { growth: "growth_other_vas", driverLabel: "Other value-added services revenue" },
  },
  total_value_added_services: {
    aliases: ["VAS", "Value-added services", "Value-added"],
    segment: "VAS",
    total: true,
  },
  other_revenues: {
    aliases: ["Other revenues", "Other revenue"],
    segment: "Other",
    forecast: { growth: "growth_other", driverLabel: "Other revenue" },
  },
  total_connectivity_and_value_added_services: {
    aliases: ["Connectivity", "Connectivity and VAS"],
    segment: "Connectivity",
    total: true,
  },
  systems_integration_revenues: {
    aliases: ["SI", "Systems integration", "SI revenues"],
    segment: "SI",
    forecast: { growth: "growth_si", driverLabel: "Systems integration revenue" },
  },
  equipment_sales: {
    aliases: ["Equipment"],
    segment: "Equipment",
    forecast: { growth: "growth_equipment", driverLabel: "Equipment sales" },
  },
  total_revenues: {
    aliases: ["Revenue", "Revenues", "Total revenue", "Sales"],
    segment: "Total",
    total: true,
  },
  cost_of_connectivity_and_value_added_services: {
    aliases: ["Connectivity cost", "Cost of connectivity"],
    segment: "Connectivity",
    forecast: {
      ratio: "cost_connectivity",
      of: "total_connectivity_and_value_added_services",
      driverLabel: "Cost of connectivity and value-added services",
    },
  },
  cost_of_systems_integration_revenues: {
    aliases: ["SI cost", "Cost of SI"],
    segment: "SI",
    forecast: {
      ratio: "cost_si",
      of: "systems_integration_revenues",
      driverLabel: "Cost of systems integration revenues",
    },
  },
  cost_of_equipment_sales: {
    aliases: ["Equipment cost", "Cost of equipment", "Cost of equipment sales"],
    segment: "Equipment",
    forecast: {
      ratio: "cost_equipment",
      of: "equipment_sales",
      driverLabel: "Cost of equipment sales",
    },
  },
  total_costs: {
    aliases: ["Cost of revenues", "Cost of revenue", "Cost of sales", "COGS"],
    segment: "Total",
    total: true,
  },
  sales_and_marketing: {
    aliases: ["S&M"],
    forecast: { growth: "growth_sm", driverLabel: "Sales and marketing" },
  },
  general_and_administrative: {
    aliases: ["G&A"],
    forecast: { growth: "growth_ga", driverLabel: "General and administrative" },
  },
  research_and_development: {
    aliases: ["R&D"],
    forecast: { growth: "growth_rd", driverLabel: "Research and development" },
  },
  total_costs_and_expenses: {
    aliases: ["Total expenses", "Costs and expenses"],
    total: true,
    weight: -1,
  },
  operating_income: {
    aliases: [
      "Op income",
      "Operating income",
      "Operating income (loss)",
      "Operating profit",
      "EBIT",
    ],
    total: true,
  },
  other_income_expenses: { aliases: ["Other income", "Other expenses", "Non-operating"] },
  income_before_income_tax: {
    aliases: ["Pretax income", "Pre-tax income", "Income before income tax", "Loss before tax"],
    total: true,
  },
  income_tax_expense: { aliases: ["Tax", "Taxes", "Income tax"], weight: -1 },
  minority_interests: { aliases: ["Minority interests"] },
  equity_in_net_loss_of_affiliates: {
    aliases: ["Equity in net loss", "Equity method", "Equity in losses of affiliates"],
  },
  net_income: { aliases: ["Net income", "Net income (loss)", "NI"], total: true },
  net_income_per_share: {
    aliases: ["EPS", "Net loss per share", "Per share"],
    perShareOf: "weighted_average_shares",
  },
  net_income_per_ads: {
    aliases: ["Net loss per ADS", "Per ADS", "EPADS"],
    perShareOf: "weighted_average_ads",
  },
  weighted_average_shares: { aliases: ["Shares", "Share count"] },
  weighted_average_ads: { aliases: ["ADS equivalents", "ADS count"] },
});

const BALANCE = describe({
  cash: { aliases: ["Cash balance"] },
  short_term_investments: { aliases: ["STI"] },
  accounts_receivable: { aliases: ["Receivables", "AR"] },
  inventories: { aliases: ["Inventory"] },
  prepaid_expenses: {},
  other_current_assets: {},
  total_current_assets: { aliases: ["Current assets"], total: true },
  investments_in_affiliates: { aliases: ["Investments in affiliates", "Affiliates"] },
  other_investments: {},
  property_and_equipment: { aliases: ["PP&E", "Fixed assets"] },
  guarantee_deposits: {},
  other_assets: {},
  total_assets: { aliases: ["Assets"], total: true },
  short_term_borrowings: { aliases: ["Short-term debt", "ST debt"] },
  accounts_payable: { aliases: ["Payables", "AP"] },
  accrued_expenses: {},
  other_current_liabilities: {},
  long_term_borrowings_current: {},
  capital_lease_obligations_current: {},
  total_current_liabilities: { aliases: ["Current liabilities"], total: true },
  long_term_borrowings: { aliases: ["Long-term debt", "LT debt"] },
  convertible_notes: { aliases: ["Convertibles", "Convertible bonds"] },
  capital_lease_obligations_noncurrent: {},
  accrued_retirement_and_pension_costs: {},
  other_noncurrent_liabilities: {},
  total_liabilities: { aliases: ["Liabilities"], total: true },
  minority_interest: { aliases: ["Minority"] },
  common_stock: {},
  additional_paid_in_capital: { aliases: ["APIC", "Additional paid-in capital"] },
  accumulated_deficit: { aliases: ["Retained earnings", "Deficit"] },
  accumulated_other_comprehensive_income: { aliases: ["AOCI"] },
  total_shareholders_equity: {
    aliases: ["Equity", "Shareholders' equity", "Book value"],
    total: true,
  },
  total_liabilities_and_shareholders_equity: { aliases: ["Liabilities and equity"], total: true },
});

const CASHFLOW = describe({
  net_income: {},
  depreciation_and_amortization: { aliases: ["D&A", "Depreciation"] },
  equity_in_net_loss_of_affiliates: {},
  minority_interests: {},
  foreign_exchange_losses_gains: {},
  change_in_accounts_receivable: {},
  change_in_accounts_payable: {},
  deferred_income_tax: {},
  operating_other: { aliases: ["Operating other", "Other operating"] },
  net_cash_from_operating_activities: {
    aliases: ["CFO", "Operating cash flow", "Cash from operations"],
    total: true,
  },
  // Not "Capex": IIJ's CAPEX (Table 5) includes capitalized leases; see AMBIGUOUS_NAMES (derived.ts).
  purchase_of_property_and_equipment: { aliases: ["Purchases of PP&E", "Cash capex"] },
  investments_in_affiliates: { aliases: ["Cash invested in affiliates"] },
  purchase_of_short_term_investments: {},
  purchase_of_other_investments: {},
  redemption_of_short_term_investments: {},
  insurance_policies_net: {},
  guarantee_deposits_net: {},
  investing_other: { aliases: ["Investing other", "Other investing"] },
  net_cash_from_investing_activities: { aliases: ["CFI", "Investing cash flow"], total: true },
  proceeds_from_long_term_borrowings: {},
  proceeds_from_convertible_notes: {},
  repayments_of_long_term_borrowings: {},
  principal_payments_under_capital_leases: {},
  change_in_short_term_borrowings: {},
  net_cash_from_financing_activities: { aliases: ["CFF", "Financing cash flow"], total: true },
  effect_of_exchange_rate_changes: {},
  net_change_in_cash: { aliases: ["Net change in cash", "Change in cash"], total: true },
  cash_beginning: { aliases: ["Beginning cash", "Opening cash"] },
  cash_end: { aliases: ["Ending cash", "Closing cash"], total: true },
});

const KPI = describe({
  ip_service_64k_128k: {},
  ip_service_192k_768k: {},
  ip_service_1m_2m: {},
  ip_service_3m_600m: {},
  iij_t1_standard: {},
  total_ip_service_contracts: { aliases: ["IP Service contracts"], total: true },
  iij_economy_contracts: { aliases: ["IIJ Economy", "Economy contracts"] },
  iij_dslf_contracts: { aliases: ["IIJ DSL/F", "DSL/F contracts"] },
  total_dedicated_access_contracts: {
    aliases: ["Dedicated contracts", "Dedicated access contracts"],
    total: true,
  },
  iij4u_contracts: { aliases: ["IIJ4U"] },
  other_dialup_contracts: { aliases: ["Other dial-up contracts"] },
  total_dialup_access_contracts: {
    aliases: ["Dial-up contracts", "Dial-up access contracts"],
    total: true,
  },
  total_data_center_contracts: { aliases: ["Data center contracts"], total: true },
  ip_service_revenue: { aliases: ["IP Service revenue"] },
  economy_and_dslf_revenue: { aliases: ["Economy and DSL/F revenue"] },
  dedicated_access_bandwidth: { aliases: ["Bandwidth", "Contracted bandwidth"] },
  international_backbone_costs: { aliases: ["International backbone"] },
  domestic_backbone_costs: { aliases: ["Domestic backbone"] },
  ebitda: {},
  capex: { aliases: ["Capital expenditure"] },
  depreciation_and_amortization: { aliases: ["D&A"] },
});

/** How the model sheet heads each statement's block. */
export const STATEMENT_TITLES: Readonly<Record<LineStatement, string>> = {
  INCOME: "Consolidated statements of operations",
  BALANCE: "Consolidated balance sheets (at quarter end)",
  CASHFLOW: "Condensed consolidated statements of cash flows",
  KPI: "KPIs (Tables 1-5, printed units)",
};

/** Every described line, by statement. */
export const LINES = { INCOME, BALANCE, CASHFLOW, KPI } as const;

/** A line id the model knows, checked by the compiler: `LineId<"INCOME">` is "total_revenues" | ... */
export type LineId<S extends LineStatement = LineStatement> = S extends LineStatement
  ? keyof (typeof LINES)[S] & string
  : never;

/** Guidance metrics and the short names analysts type for them. */
export const GUIDANCE_ALIASES: ReadonlyMap<string, readonly string[]> = new Map([
  ["revenues", ["Revenue", "Total revenues", "Sales"]],
  ["operating_income", ["Op income", "Operating income", "Operating loss"]],
]);

/** A printed figure in an identity: `sign` x the figure of `row` in the quarter `lag` quarters back. */
export interface Term {
  readonly statement: LineStatement;
  /** A described line, or (in identities derived from a release) a line that release adds. */
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

/** A typed term: the compiler checks `row` against the statement's described lines. */
export function term<S extends LineStatement>(
  statement: S,
  row: LineId<S>,
  sign: 1 | -1 = 1,
  lag = 0
): Term {
  return { statement, row, sign, lag };
}

/**
 * Identities within one statement that are not footings: the balance sheet balances. Checked right
 * after that statement's footings.
 */
export const BALANCING: readonly Identity[] = [
  {
    checkId: "balance:BALANCE:total_assets",
    name: "The balance sheet balances: Total assets = Total liabilities and shareholders' equity",
    left: [term("BALANCE", "total_assets")],
    right: [term("BALANCE", "total_liabilities_and_shareholders_equity")],
    usd: true,
  },
];

/** The tie Table 5's EBITDA fails in every quarter it prints (a noted source inconsistency). */
export const EBITDA_DEFINITION = "ebitda-definition";

/** Ties between statements and tables, checked after every footing. */
export const TIES: readonly Identity[] = [
  {
    checkId: "tie:CASHFLOW:net_income",
    name: "Cash flow Net loss = statements of operations Net loss",
    left: [term("CASHFLOW", "net_income")],
    right: [term("INCOME", "net_income")],
  },
  {
    checkId: "tie:CASHFLOW:equity_in_net_loss_of_affiliates",
    name: "Cash flow add-back of equity in net loss = - statements of operations line",
    left: [term("CASHFLOW", "equity_in_net_loss_of_affiliates")],
    right: [term("INCOME", "equity_in_net_loss_of_affiliates", -1)],
  },
  {
    checkId: "tie:CASHFLOW:minority_interests",
    name: "Cash flow minority interests = - statements of operations line",
    left: [term("CASHFLOW", "minority_interests")],
    right: [term("INCOME", "minority_interests", -1)],
  },
  {
    checkId: "tie:CASHFLOW:cash_end",
    name: "Cash, end of period = balance-sheet Cash at the quarter end",
    left: [term("CASHFLOW", "cash_end")],
    right: [term("BALANCE", "cash")],
  },
  {
    checkId: "tie:CASHFLOW:cash_beginning",
    name: "Cash, beginning of period = balance-sheet Cash at the previous quarter end",
    left: [term("CASHFLOW", "cash_beginning")],
    right: [term("BALANCE", "cash", 1, 1)],
  },
  {
    checkId: "tie:BALANCE:accumulated_deficit",
    name: "Change in accumulated deficit over the quarter = Net loss",
    left: [term("BALANCE", "accumulated_deficit"), term("BALANCE", "accumulated_deficit", -1, 1)],
    right: [term("INCOME", "net_income")],
  },
  {
    checkId: "tie:KPI:depreciation_and_amortization",
    name: "Table 5 D&A (JPY millions) = cash-flow Depreciation and amortization (JPY thousands) / 1,000",
    left: [term("KPI", "depreciation_and_amortization")],
    right: [term("CASHFLOW", "depreciation_and_amortization")],
    scale: "0.001",
  },
  {
    checkId: "tie:KPI:dedicated_revenue",
    name: "Table 2 (JPY millions) adds up to Dedicated access services revenue / 1,000",
    left: [term("KPI", "ip_service_revenue"), term("KPI", "economy_and_dslf_revenue")],
    right: [term("INCOME", "dedicated_access_services")],
    scale: "0.001",
  },
  {
    checkId: EBITDA_DEFINITION,
    name: "Table 5 EBITDA = Operating income (loss) + Depreciation and amortization (footnote *1)",
    left: [term("KPI", "ebitda")],
    right: [term("INCOME", "operating_income"), term("CASHFLOW", "depreciation_and_amortization")],
    scale: "0.001",
  },
];

/** The base each statement's printed "%" column divides by. */
export const PERCENT_BASE: ReadonlyMap<LineStatement, LineId> = new Map<LineStatement, LineId>([
  ["INCOME", "total_revenues" satisfies LineId<"INCOME">],
  ["BALANCE", "total_assets" satisfies LineId<"BALANCE">],
]);

/** The numerator of every per-share line. */
export const PER_SHARE_NUMERATOR: LineId<"INCOME"> = "net_income";

/**
 * Anchors of the operating model: the forecast estimates every line `operating_income` is built
 * from; revenue segments are the lines under `total_revenues`, cost segments under `total_costs`.
 */
export const ANCHORS = {
  revenues: "total_revenues",
  costs: "total_costs",
  operatingIncome: "operating_income",
} as const satisfies Record<string, LineId<"INCOME">>;

/** Whether statements.ts describes the line (a line only a release names is not described). */
export function isDescribed(statement: LineStatement, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(LINES[statement], id);
}

/** A statement's description of one line; an empty one for a line a release adds. */
export function lineSpec(statement: LineStatement, id: string): LineSpec<string> {
  const lines: Readonly<Record<string, LineSpec<string>>> = LINES[statement];
  return isDescribed(statement, id) ? lines[id] : {};
}

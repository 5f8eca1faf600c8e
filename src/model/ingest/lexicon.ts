/**
 * What ingest knows of IIJ's printed layout: for every line the model describes (statements.ts), the
 * labels IIJ has printed it under, in the house order; the headings of the statements; the numbered
 * tables' titles, units and sections; the guidance metrics. A row is matched to a line by label,
 * then by its place between matched rows (a renamed line keeps its id); a row that matches nothing
 * is a new line. Labels compare by `nameKey` (case, spaces and punctuation ignored).
 */
import type { PrintedUnit } from "../../data/types";
import type { LineId, LineStatement } from "../statements";

export interface KnownLine {
  readonly id: string;
  /** Labels printed for the line, the house label first. */
  readonly labels: readonly string[];
  /** The innermost printed heading the line sits under, where its label alone is ambiguous. */
  readonly under?: string;
  /** For the numbered tables: the house section (the tables print few headings of their own). */
  readonly section?: string;
  readonly unit?: PrintedUnit;
}

/** A known line of one statement: the compiler checks its id against statements.ts. */
type Typed<S extends LineStatement> = KnownLine & { readonly id: LineId<S> };

const INCOME: readonly Typed<"INCOME">[] = [
  { id: "dedicated_access_services", labels: ["Dedicated access services"] },
  { id: "dialup_access_services", labels: ["Dial-up access services"] },
  { id: "internet_datacenter_services", labels: ["Internet datacenter services"] },
  { id: "other_value_added_services", labels: ["Other value-added services"] },
  { id: "total_value_added_services", labels: ["Total value-added services"] },
  { id: "other_revenues", labels: ["Other"], under: "Connectivity and value-added services" },
  {
    id: "total_connectivity_and_value_added_services",
    labels: ["Total connectivity and value-added services"],
  },
  { id: "systems_integration_revenues", labels: ["Systems integration revenues"] },
  { id: "equipment_sales", labels: ["Equipment sales"] },
  { id: "total_revenues", labels: ["Total revenues"] },
  {
    id: "cost_of_connectivity_and_value_added_services",
    labels: ["Cost of connectivity and value-added services"],
  },
  { id: "cost_of_systems_integration_revenues", labels: ["Cost of systems integration revenues"] },
  {
    id: "cost_of_equipment_sales",
    labels: ["Cost of other equipment sales", "Cost of equipment sales"],
  },
  { id: "total_costs", labels: ["Total costs"] },
  { id: "sales_and_marketing", labels: ["Sales and marketing"] },
  { id: "general_and_administrative", labels: ["General and administrative"] },
  { id: "research_and_development", labels: ["Research and development"] },
  { id: "total_costs_and_expenses", labels: ["Total costs and expenses"] },
  {
    id: "operating_income",
    labels: ["Operating loss", "Operating income", "Operating income (loss)"],
  },
  { id: "other_income_expenses", labels: ["Other income (expenses)", "Other income (expense)"] },
  {
    id: "income_before_income_tax",
    labels: [
      "Loss before income tax expense (benefit)",
      "Income (loss) before income tax expense (benefit)",
      "Income before income tax expense (benefit)",
    ],
  },
  { id: "income_tax_expense", labels: ["Income tax expense (benefit)", "Income tax expense"] },
  { id: "minority_interests", labels: ["Minority interests in consolidated subsidiaries"] },
  {
    id: "equity_in_net_loss_of_affiliates",
    labels: [
      "Equity in net loss of affiliated companies",
      "Equity in net income (loss) of affiliated companies",
    ],
  },
  { id: "net_income", labels: ["Net loss", "Net income", "Net income (loss)"] },
  {
    id: "net_income_per_share",
    labels: [
      "Basic Net Loss Per Share",
      "Basic Net Income Per Share",
      "Basic Net Income (Loss) Per Share",
    ],
    unit: "JPY",
  },
  {
    id: "net_income_per_ads",
    labels: ["Basic Net Loss Per ADS Equivalent", "Basic Net Income Per ADS Equivalent"],
    unit: "JPY",
  },
  { id: "weighted_average_shares", labels: ["Weighted Average Number of Shares"], unit: "shares" },
  {
    id: "weighted_average_ads",
    labels: ["Weighted Average Number of ADS Equivalents"],
    unit: "ADS equivalents",
  },
];

const BALANCE: readonly Typed<"BALANCE">[] = [
  { id: "cash", labels: ["Cash", "Cash and cash equivalents"] },
  { id: "short_term_investments", labels: ["Short-term investments"] },
  { id: "accounts_receivable", labels: ["Accounts receivable, net", "Accounts receivable"] },
  { id: "inventories", labels: ["Inventories"] },
  { id: "prepaid_expenses", labels: ["Prepaid expenses"] },
  { id: "other_current_assets", labels: ["Other current assets"] },
  { id: "total_current_assets", labels: ["Total current assets"] },
  {
    id: "investments_in_affiliates",
    labels: ["Investments in and Advances to Affiliated Companies"],
  },
  { id: "other_investments", labels: ["Other Investments"] },
  { id: "property_and_equipment", labels: ["Property and Equipment, net"] },
  { id: "guarantee_deposits", labels: ["Guarantee Deposits"] },
  { id: "other_assets", labels: ["Other Assets"] },
  { id: "total_assets", labels: ["Total assets"] },
  { id: "short_term_borrowings", labels: ["Short-term borrowings"] },
  { id: "accounts_payable", labels: ["Accounts payable"] },
  { id: "accrued_expenses", labels: ["Accrued expenses"] },
  { id: "other_current_liabilities", labels: ["Other current liabilities"] },
  { id: "long_term_borrowings_current", labels: ["Long-term borrowings-current portion"] },
  {
    id: "capital_lease_obligations_current",
    labels: ["Capital lease obligations-current portion"],
  },
  { id: "total_current_liabilities", labels: ["Total current liabilities"] },
  { id: "long_term_borrowings", labels: ["Long-term Borrowings"] },
  { id: "convertible_notes", labels: ["Convertible Notes"] },
  { id: "capital_lease_obligations_noncurrent", labels: ["Capital Lease Obligations-Noncurrent"] },
  {
    id: "accrued_retirement_and_pension_costs",
    labels: ["Accrued Retirement and Pension Costs"],
  },
  { id: "other_noncurrent_liabilities", labels: ["Other Noncurrent Liabilities"] },
  { id: "total_liabilities", labels: ["Total liabilities"] },
  { id: "minority_interest", labels: ["Minority Interest"] },
  { id: "common_stock", labels: ["Common stock"] },
  { id: "additional_paid_in_capital", labels: ["Additional paid-in capital"] },
  { id: "accumulated_deficit", labels: ["Accumulated deficit"] },
  {
    id: "accumulated_other_comprehensive_income",
    labels: ["Accumulated other comprehensive income"],
  },
  { id: "total_shareholders_equity", labels: ["Total shareholders' equity"] },
  {
    id: "total_liabilities_and_shareholders_equity",
    labels: ["Total liabilities and shareholders' equity"],
  },
];

const OPERATING = "Operating Activities";
const INVESTING = "Investing Activities";

const CASHFLOW: readonly Typed<"CASHFLOW">[] = [
  { id: "net_income", labels: ["Net loss", "Net income", "Net income (loss)"] },
  { id: "depreciation_and_amortization", labels: ["Depreciation and amortization"] },
  {
    id: "equity_in_net_loss_of_affiliates",
    labels: ["Equity in net loss of affiliated companies"],
  },
  { id: "minority_interests", labels: ["Minority interests in consolidated subsidiaries"] },
  { id: "foreign_exchange_losses_gains", labels: ["Foreign exchange losses (gains)"] },
  {
    id: "change_in_accounts_receivable",
    labels: ["Decrease (increase) in accounts receivable"],
  },
  {
    id: "change_in_accounts_payable",
    labels: ["Decrease in accounts payable", "Increase (decrease) in accounts payable"],
  },
  { id: "deferred_income_tax", labels: ["Deferred income tax"] },
  { id: "operating_other", labels: ["Other"], under: OPERATING },
  {
    id: "net_cash_from_operating_activities",
    labels: [
      "Net cash used in operating activities",
      "Net cash provided by (used in) operating activities",
      "Net cash provided by operating activities",
    ],
  },
  { id: "purchase_of_property_and_equipment", labels: ["Purchase of property and equipment"] },
  {
    id: "investments_in_affiliates",
    labels: ["Investments in and advances to affiliated companies"],
  },
  { id: "purchase_of_short_term_investments", labels: ["Purchase of short-term investments"] },
  { id: "purchase_of_other_investments", labels: ["Purchase of other investments"] },
  {
    id: "redemption_of_short_term_investments",
    labels: ["Proceeds from redemption of short-term investments"],
  },
  { id: "insurance_policies_net", labels: ["Payment of insurance policies-net"] },
  { id: "guarantee_deposits_net", labels: ["Payment of guarantee deposits-net"] },
  { id: "investing_other", labels: ["Other"], under: INVESTING },
  {
    id: "net_cash_from_investing_activities",
    labels: [
      "Net cash provided by (used in) investing activities",
      "Net cash used in investing activities",
      "Net cash provided by investing activities",
    ],
  },
  { id: "proceeds_from_long_term_borrowings", labels: ["Proceeds from long-term borrowings"] },
  {
    id: "proceeds_from_convertible_notes",
    labels: ["Net proceeds from issuance of convertible notes"],
  },
  { id: "repayments_of_long_term_borrowings", labels: ["Repayments of long-term borrowings"] },
  {
    id: "principal_payments_under_capital_leases",
    labels: ["Principal payments under capital leases"],
  },
  {
    id: "change_in_short_term_borrowings",
    labels: ["Net increase (decrease) in short-term borrowings"],
  },
  {
    id: "net_cash_from_financing_activities",
    labels: [
      "Net cash provided by (used in) financing activities",
      "Net cash used in financing activities",
      "Net cash provided by financing activities",
    ],
  },
  { id: "effect_of_exchange_rate_changes", labels: ["Effect of Exchange Rate Changes on Cash"] },
  { id: "net_change_in_cash", labels: ["Net Increase (Decrease) in Cash"] },
  { id: "cash_beginning", labels: ["Cash, Beginning of Period"] },
  { id: "cash_end", labels: ["Cash, End of Period"] },
];

const ACCESS = "Internet Access Services";
const DEDICATED = `${ACCESS} / Dedicated Access Services`;
const DIALUP = `${ACCESS} / Dial-up Access Services`;

/** The numbered tables: number, title as IIJ prints it, unit, and their lines with house sections. */
export interface KnownTable {
  readonly number: number;
  readonly title: string;
  readonly unit: PrintedUnit;
  readonly lines: readonly Typed<"KPI">[];
}

export const KNOWN_TABLES: readonly KnownTable[] = [
  {
    number: 1,
    title: "Number of Contracts",
    unit: "contracts",
    lines: [
      {
        id: "ip_service_64k_128k",
        labels: ["64kbps – 128kbps"],
        section: `${DEDICATED} / IP Service`,
      },
      {
        id: "ip_service_192k_768k",
        labels: ["192kbps – 768kbps"],
        section: `${DEDICATED} / IP Service`,
      },
      { id: "ip_service_1m_2m", labels: ["1Mbps – 2Mbps"], section: `${DEDICATED} / IP Service` },
      {
        id: "ip_service_3m_600m",
        labels: ["3Mbps – 600Mbps"],
        section: `${DEDICATED} / IP Service`,
      },
      {
        id: "iij_t1_standard",
        labels: ["IIJ T1 Standard 1.5Mbps"],
        section: `${DEDICATED} / IP Service`,
      },
      { id: "total_ip_service_contracts", labels: ["Total IP Service"], section: DEDICATED },
      {
        id: "iij_economy_contracts",
        labels: ["64kbps – 128kbps"],
        section: `${DEDICATED} / IIJ Economy`,
      },
      {
        id: "iij_dslf_contracts",
        labels: ["Maximum 1.5Mbps"],
        section: `${DEDICATED} / IIJ DSL/F`,
      },
      {
        id: "total_dedicated_access_contracts",
        labels: ["Total Dedicated Access Services Contracts"],
        section: DEDICATED,
      },
      {
        id: "iij4u_contracts",
        labels: ["IIJ4U (dialup service for individuals)"],
        section: DIALUP,
      },
      { id: "other_dialup_contracts", labels: ["Others"], section: DIALUP },
      {
        id: "total_dialup_access_contracts",
        labels: ["Total Dial-up Access Services Contracts"],
        section: DIALUP,
      },
      {
        id: "total_data_center_contracts",
        labels: ["Total Data Center Services Contracts"],
        section: "Internet Data Center Services",
      },
    ],
  },
  {
    number: 2,
    title: "Revenue Breakdown in Dedicated Access Services",
    unit: "JPY millions",
    lines: [
      {
        id: "ip_service_revenue",
        labels: ["Total IP Service (IP Service and IIJ T1 Standard)"],
        section: "Dedicated Access Services revenue",
      },
      {
        id: "economy_and_dslf_revenue",
        labels: ["IIJ Economy + IIJ DSL/F"],
        section: "Dedicated Access Services revenue",
      },
    ],
  },
  {
    number: 3,
    title: "Contracted Bandwidth",
    unit: "Gbps",
    lines: [
      {
        id: "dedicated_access_bandwidth",
        labels: ["Dedicated Access Services"],
        section: "Contracted Bandwidth",
      },
    ],
  },
  {
    number: 4,
    title: "Backbone Costs",
    unit: "JPY millions",
    lines: [
      {
        id: "international_backbone_costs",
        labels: ["International Backbone Costs"],
        section: "Backbone Costs",
      },
      {
        id: "domestic_backbone_costs",
        labels: ["Domestic Backbone Costs"],
        section: "Backbone Costs",
      },
    ],
  },
  {
    number: 5,
    title: "Other Financial Statistics",
    unit: "JPY millions",
    lines: [
      { id: "ebitda", labels: ["EBITDA"], section: "Other Financial Statistics" },
      {
        id: "capex",
        labels: ["CAPEX, including capitalized leases"],
        section: "Other Financial Statistics",
      },
      {
        id: "depreciation_and_amortization",
        labels: ["Depreciation and amortization"],
        section: "Other Financial Statistics",
      },
    ],
  },
];

/** The statements' known lines in house order. */
export const KNOWN_LINES: Readonly<Record<Exclude<LineStatement, "KPI">, readonly KnownLine[]>> = {
  INCOME,
  BALANCE,
  CASHFLOW,
};

/** The section the per-share and share-count rows are filed under (the statements print no heading). */
export const PER_SHARE_SECTION = "Per share and ADS data";

/**
 * Headings the statements print, which carry no figures of their own even when the OCR leaves a
 * colon off ("Current Assets" for "Current Assets:").
 */
export const KNOWN_HEADINGS: readonly string[] = [
  "Revenues",
  "Connectivity and value-added services",
  "Value-added services",
  "Costs and expenses",
  "ASSETS",
  "Current Assets",
  "LIABILITIES AND SHAREHOLDERS' EQUITY",
  "LIABILITIES AND",
  "SHAREHOLDERS' EQUITY",
  "Current Liabilities",
  "Shareholders' Equity",
  "Operating Activities",
  "Investing Activities",
  "Financing Activities",
];

/** The guidance table's metrics: ids as the model names them, and the labels IIJ prints. */
export const GUIDANCE_METRICS: readonly {
  readonly id: string;
  readonly labels: readonly string[];
}[] = [
  { id: "revenues", labels: ["Revenues", "Total revenues"] },
  {
    id: "operating_income",
    labels: ["Operating Income (Loss)", "Operating income", "Operating loss"],
  },
  { id: "ebitda", labels: ["EBITDA"] },
];

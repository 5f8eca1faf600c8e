/**
 * IIJ's earnings release for the first quarter of fiscal 2001 (quarter ended June 30, 2001),
 * released August 14, 2001. Transcribed from the OCR text ../shared/seeds/000_162bc6a5a97dbabe.txt;
 * every cell is the printed text. Where the OCR garbled or displaced a cell, the cell holds the
 * figure the release's own arithmetic requires and `repairs` says what the OCR showed and why
 * (src/data/README.md has the full working).
 */
import type { PrintedColumn, Release } from "../types";

const OPERATIONS_COLUMNS: readonly PrintedColumn[] = [
  { header: "Jun 30, 2001 USD (1)", period: "1Q01", measure: "usd" },
  { header: "Jun 30, 2001 JPY", period: "1Q01", measure: "amount" },
  { header: "Jun 30, 2001 % of Total Revenues", period: "1Q01", measure: "pctOfTotal" },
  { header: "Jun 30, 2000 JPY", period: "1Q00", measure: "amount" },
  { header: "Jun 30, 2000 % of Total Revenues", period: "1Q00", measure: "pctOfTotal" },
  { header: "YOY Chg %", period: "1Q01", measure: "yoyPct" },
  { header: "Mar 31, 2001 JPY", period: "4Q00", measure: "amount" },
  { header: "Mar 31, 2001 % of Total Revenues", period: "4Q00", measure: "pctOfTotal" },
  { header: "QOQ Chg %", period: "1Q01", measure: "qoqPct" },
];

const BALANCE_COLUMNS: readonly PrintedColumn[] = [
  { header: "Jun 30, 2001 USD (1)", period: "1Q01", measure: "usd" },
  { header: "Jun 30, 2001 JPY", period: "1Q01", measure: "amount" },
  { header: "Jun 30, 2001 %", period: "1Q01", measure: "pctOfTotal" },
  { header: "Jun 30, 2000 JPY", period: "1Q00", measure: "amount" },
  { header: "Jun 30, 2000 %", period: "1Q00", measure: "pctOfTotal" },
  { header: "Mar 31, 2001 JPY", period: "4Q00", measure: "amount" },
  { header: "Mar 31, 2001 %", period: "4Q00", measure: "pctOfTotal" },
];

const CASHFLOW_COLUMNS: readonly PrintedColumn[] = [
  { header: "Jun 30, 2001 USD (1)", period: "1Q01", measure: "usd" },
  { header: "Jun 30, 2001 JPY", period: "1Q01", measure: "amount" },
  { header: "Jun 30, 2000 JPY", period: "1Q00", measure: "amount" },
  { header: "Mar 31, 2001 JPY", period: "4Q00", measure: "amount" },
];

/** Tables 1 to 5 print their quarters in this order. */
const TABLE_COLUMNS: readonly PrintedColumn[] = [
  { header: "1Q01", period: "1Q01", measure: "amount" },
  { header: "4Q00", period: "4Q00", measure: "amount" },
  { header: "1Q00", period: "1Q00", measure: "amount" },
];

const REV = "Revenues";
const CVAS = "Revenues / Connectivity and value-added services";
const VAS = "Revenues / Connectivity and value-added services / Value-added services";
const COSTS = "Costs and expenses";
const PER_SHARE = "Per share and ADS data";
const CA = "ASSETS / Current Assets";
const ASSETS = "ASSETS";
const CL = "LIABILITIES AND SHAREHOLDERS' EQUITY / Current Liabilities";
const LSE = "LIABILITIES AND SHAREHOLDERS' EQUITY";
const SE = "LIABILITIES AND SHAREHOLDERS' EQUITY / Shareholders' Equity";
const OPS = "Operating Activities";
const INV = "Investing Activities";
const FIN = "Financing Activities";
const DEDICATED = "Internet Access Services / Dedicated Access Services";
const IP_SERVICE = "Internet Access Services / Dedicated Access Services / IP Service";
const ECONOMY = "Internet Access Services / Dedicated Access Services / IIJ Economy";
const DSLF = "Internet Access Services / Dedicated Access Services / IIJ DSL/F";
const DIALUP = "Internet Access Services / Dial-up Access Services";

export const RELEASE_2001_08_14: Release = {
  id: "2001-08-14",
  title:
    "IIJ Announces Financial Results for the 1st Quarter Ended June 30, 2001 - Positive Operating Income Forecasted For the Fiscal 2001 -",
  date: "2001-08-14",
  latestQuarter: "1Q01",
  source: "IIJ earnings release, August 14, 2001 (OCR text 000_162bc6a5a97dbabe.txt)",
  rate: {
    jpyPerUsd: "124.73",
    asOf: "2001-06-29",
    printed:
      "JPY 124.73 =$1, the approximate rate of exchange on Jun 29, 2001 (Note (1) to each statement)",
  },
  tables: [
    {
      statement: "INCOME",
      title: "Consolidated Statements of Operations",
      page: "Appendix 1",
      unit: "JPY thousands",
      columns: OPERATIONS_COLUMNS,
      // prettier-ignore
      rows: [
        { id: "dedicated_access_services", label: "Dedicated access services", section: CVAS,
          cells: ["27,154", "3,386,912", "40.6%", "2,987,266", "41.2%", "13.4%", "3,353,198", "36.5%", "1.0%"] },
        { id: "dialup_access_services", label: "Dial-up access services", section: CVAS,
          cells: ["7,885", "983,461", "11.8", "1,159,801", "16.0", "(15.2)", "1,033,029", "11.2", "(4.8)"] },
        { id: "internet_datacenter_services", label: "Internet datacenter services", section: VAS,
          cells: ["3,923", "489,385", "5.9", "165,621", "2.3", "195.5", "431,640", "4.7", "13.4"] },
        { id: "other_value_added_services", label: "Other value-added services", section: VAS,
          cells: ["3,141", "391,731", "4.7", "179,678", "2.5", "118.0", "267,749", "2.9", "46.3"] },
        { id: "total_value_added_services", label: "Total value-added services", section: VAS,
          cells: ["7,064", "881,116", "10.6", "345,299", "4.8", "155.2", "699,389", "7.6", "26.0"] },
        { id: "other_revenues", label: "Other", section: CVAS,
          cells: ["3,625", "452,126", "5.4", "106,696", "1.5", "323.8", "260,885", "2.8", "73.3"] },
        { id: "total_connectivity_and_value_added_services", label: "Total connectivity and value-added services", section: CVAS,
          cells: ["45,728", "5,703,615", "68.4", "4,599,062", "63.5", "24.0", "5,346,501", "58.1", "6.7"] },
        { id: "systems_integration_revenues", label: "Systems integration revenues", section: REV,
          cells: ["18,278", "2,279,854", "27.4", "2,582,732", "35.6", "(11.7)", "3,124,909", "34.0", "(27.0)"] },
        { id: "equipment_sales", label: "Equipment sales", section: REV,
          cells: ["2,801", "349,429", "4.2", "64,001", "0.9", "446.0", "728,165", "7.9", "(52.0)"] },
        { id: "total_revenues", label: "Total revenues", section: REV,
          cells: ["66,807", "8,332,898", "100.0", "7,245,795", "100.0", "15.0", "9,199,575", "100.0", "(9.4)"] },
        { id: "cost_of_connectivity_and_value_added_services", label: "Cost of connectivity and value-added services", section: COSTS,
          cells: ["40,623", "5,066,856", "60.8", "4,458,138", "61.5", "13.7", "5,073,952", "55.1", "(0.1)"] },
        { id: "cost_of_systems_integration_revenues", label: "Cost of systems integration revenues", section: COSTS,
          cells: ["15,347", "1,914,254", "23.0", "2,279,004", "31.5", "(16.0)", "2,609,855", "28.4", "(26.7)"] },
        { id: "cost_of_equipment_sales", label: "Cost of other equipment sales", section: COSTS,
          cells: ["2,463", "307,188", "3.7", "51,126", "0.7", "500.8", "714,916", "7.8", "(57.0)"] },
        { id: "total_costs", label: "Total costs", section: COSTS,
          cells: ["58,433", "7,288,298", "87.5", "6,788,268", "93.7", "7.4", "8,398,723", "91.3", "(13.2)"] },
        { id: "sales_and_marketing", label: "Sales and marketing", section: COSTS,
          cells: ["6,564", "818,786", "9.8", "840,892", "11.6", "(2.6)", "759,660", "8.3", "7.8"] },
        { id: "general_and_administrative", label: "General and administrative", section: COSTS,
          cells: ["3,520", "439,030", "5.3", "406,159", "5.6", "8.1", "369,039", "4.0", "19.0"] },
        { id: "research_and_development", label: "Research and development", section: COSTS,
          cells: ["694", "86,598", "1.0", "75,187", "1.0", "15.2", "66,205", "0.7", "30.8"] },
        { id: "total_costs_and_expenses", label: "Total costs and expenses", section: COSTS,
          cells: ["69,211", "8,632,712", "103.6", "8,110,506", "111.9", "6.4", "9,593,627", "104.3", "(10.0)"] },
        { id: "operating_income", label: "Operating loss", section: "",
          cells: ["(2,404)", "(299,814)", "(3.6)", "(864,711)", "(11.9)", "(65.3)", "(394,052)", "(4.3)", "(23.9)"] },
        { id: "other_income_expenses", label: "Other income (expenses)", section: "",
          cells: ["(493)", "(61,484)", "(0.7)", "(162,462)", "(2.3)", "(62.2)", "126,677", "1.4", "(148.5)"] },
        { id: "income_before_income_tax", label: "Loss before income tax expense (benefit)", section: "",
          cells: ["(2,897)", "(361,298)", "(4.3)", "(1,027,173)", "(14.2)", "(64.8)", "(267,375)", "(2.9)", "35.1"] },
        { id: "income_tax_expense", label: "Income tax expense (benefit)", section: "",
          cells: ["1,020", "127,197", "1.5", "32,372", "0.4", "292.9", "(96,070)", "(1.0)", "(232.4)"] },
        { id: "minority_interests", label: "Minority interests in consolidated subsidiaries", section: "",
          cells: ["344", "42,834", "0.5", "32,831", "0.5", "30.5", "(2,550)", "-", "(1,779.8)"] },
        { id: "equity_in_net_loss_of_affiliates", label: "Equity in net loss of affiliated companies", section: "",
          cells: ["(9,775)", "(1,219,215)", "(14.7)", "(1,004,574)", "(13.9)", "21.4", "(1,179,050)", "(12.8)", "3.4"] },
        { id: "net_income", label: "Net loss", section: "",
          cells: ["(13,348)", "(1,664,876)", "(20.0%)", "(2,031,288)", "(28.0%)", "(18.0%)", "(1,352,905)", "(14.7%)", "23.1%"] },
        { id: "net_income_per_share", label: "Basic Net Loss Per Share", section: PER_SHARE, unit: "JPY",
          cells: ["", "(74,060)", "", "(90,360)", "", "", "(60,183)", "", ""] },
        { id: "net_income_per_ads", label: "Basic Net Loss Per ADS Equivalent", section: PER_SHARE, unit: "JPY",
          cells: ["", "(37.03)", "", "(45.18)", "", "", "(30.09)", "", ""] },
        { id: "weighted_average_shares", label: "Weighted Average Number of Shares", section: PER_SHARE, unit: "shares",
          cells: ["", "22,480", "", "22,480", "", "", "22,480", "", ""] },
        { id: "weighted_average_ads", label: "Weighted Average Number of ADS Equivalents", section: PER_SHARE, unit: "ADS equivalents",
          cells: ["", "44,960,000", "", "44,960,000", "", "", "44,960,000", "", ""] },
      ],
    },
    {
      statement: "BALANCE",
      title: "Consolidated Balance Sheets",
      page: "Appendix 2",
      unit: "JPY thousands",
      columns: BALANCE_COLUMNS,
      // prettier-ignore
      rows: [
        { id: "cash", label: "Cash", section: CA,
          cells: ["100,816", "12,574,744", "25.9%", "17,660,882", "38.7%", "13,570,707", "26.8%"] },
        { id: "short_term_investments", label: "Short-term investments", section: CA,
          cells: ["0", "0", "0.0", "6,028,260", "13.2", "0", "0.0"] },
        { id: "accounts_receivable", label: "Accounts receivable, net", section: CA,
          cells: ["43,145", "5,381,435", "11.1", "4,488,683", "9.8", "5,417,456", "10.7"] },
        { id: "inventories", label: "Inventories", section: CA,
          cells: ["2,113", "263,553", "0.5", "414,310", "0.9", "245,520", "0.5"] },
        { id: "prepaid_expenses", label: "Prepaid expenses", section: CA,
          cells: ["3,793", "473,154", "1.0", "380,227", "0.8", "253,648", "0.5"] },
        { id: "other_current_assets", label: "Other current assets", section: CA,
          cells: ["3,958", "493,692", "1.0", "351,873", "0.8", "347,600", "0.7"] },
        { id: "total_current_assets", label: "Total current assets", section: CA,
          cells: ["153,825", "19,186,578", "39.5", "29,324,235", "64.2", "19,834,931", "39.2"] },
        { id: "investments_in_affiliates", label: "Investments in and Advances to Affiliated Companies", section: ASSETS,
          cells: ["101,748", "12,690,980", "26.2", "4,384,444", "9.6", "13,895,654", "27.4"] },
        { id: "other_investments", label: "Other Investments", section: ASSETS,
          cells: ["62,270", "7,766,900", "16.0", "4,773,356", "10.5", "8,455,840", "16.7"] },
        { id: "property_and_equipment", label: "Property and Equipment, net", section: ASSETS,
          cells: ["58,918", "7,348,823", "15.1", "5,609,707", "12.3", "6,927,575", "13.7"] },
        { id: "guarantee_deposits", label: "Guarantee Deposits", section: ASSETS,
          cells: ["7,116", "887,636", "1.8", "804,367", "1.8", "837,115", "1.6"] },
        { id: "other_assets", label: "Other Assets", section: ASSETS,
          cells: ["5,382", "671,331", "1.4", "751,449", "1.6", "689,687", "1.4"] },
        { id: "total_assets", label: "Total assets", section: ASSETS,
          cells: ["389,259", "48,552,248", "100.0%", "45,647,558", "100.0%", "50,640,802", "100.0%"] },
        { id: "short_term_borrowings", label: "Short-term borrowings", section: CL,
          cells: ["40,247", "5,020,000", "10.3%", "8,420,260", "18.4%", "5,620,000", "11.1%"] },
        { id: "accounts_payable", label: "Accounts payable", section: CL,
          cells: ["32,167", "4,012,148", "8.3", "3,182,090", "7.0", "4,313,811", "8.5"] },
        { id: "accrued_expenses", label: "Accrued expenses", section: CL,
          cells: ["2,254", "281,105", "0.6", "252,354", "0.6", "211,302", "0.4"] },
        { id: "other_current_liabilities", label: "Other current liabilities", section: CL,
          cells: ["3,864", "481,994", "1.0", "363,718", "0.8", "455,212", "0.9"] },
        { id: "long_term_borrowings_current", label: "Long-term borrowings-current portion", section: CL,
          cells: ["0", "0", "0.0", "690,000", "1.5", "0", "0.0"] },
        { id: "capital_lease_obligations_current", label: "Capital lease obligations-current portion", section: CL,
          cells: ["14,330", "1,787,436", "3.7", "1,525,097", "3.3", "1,644,354", "3.3"] },
        { id: "total_current_liabilities", label: "Total current liabilities", section: CL,
          cells: ["92,862", "11,582,683", "23.9", "14,433,519", "31.6", "12,244,679", "24.2"] },
        { id: "long_term_borrowings", label: "Long-term Borrowings", section: LSE,
          cells: ["27,259", "3,400,000", "7.0", "200,000", "0.4", "2,800,000", "5.5"] },
        { id: "convertible_notes", label: "Convertible Notes", section: LSE,
          cells: ["120,260", "15,000,000", "30.9", "15,000,000", "32.9", "15,000,000", "29.6"] },
        { id: "capital_lease_obligations_noncurrent", label: "Capital Lease Obligations-Noncurrent", section: LSE,
          cells: ["23,762", "2,963,868", "6.1", "2,198,515", "4.8", "2,679,224", "5.3"] },
        { id: "accrued_retirement_and_pension_costs", label: "Accrued Retirement and Pension Costs", section: LSE,
          cells: ["997", "124,368", "0.2", "123,328", "0.3", "124,640", "0.2"] },
        { id: "other_noncurrent_liabilities", label: "Other Noncurrent Liabilities", section: LSE,
          cells: ["208", "25,941", "0.1", "9,081", "0.0", "188,413", "0.4"] },
        { id: "total_liabilities", label: "Total liabilities", section: LSE,
          cells: ["265,348", "33,096,860", "68.2", "31,964,443", "70.0", "33,036,956", "65.2"] },
        { id: "minority_interest", label: "Minority Interest", section: LSE,
          cells: ["5,077", "633,262", "1.3", "803,115", "1.8", "676,096", "1.3"] },
        { id: "common_stock", label: "Common stock", section: SE,
          cells: ["56,781", "7,082,336", "14.6", "7,082,336", "15.5", "7,082,336", "14.0"] },
        { id: "additional_paid_in_capital", label: "Additional paid-in capital(2)", section: SE,
          footnote: "Note (2): The effect of increase in equity in net assets of Crosswave resulting from IPO proceeds, net of IIJ's additional investment, has been accounted for as capital transactions.",
          cells: ["136,843", "17,068,353", "35.1", "12,028,557", "26.3", "17,068,353", "33.7"] },
        { id: "accumulated_deficit", label: "Accumulated deficit", section: SE,
          cells: ["(99,633)", "(12,427,210)", "(25.6)", "(8,093,400)", "(17.7)", "(10,762,334)", "(21.2)"] },
        { id: "accumulated_other_comprehensive_income", label: "Accumulated other comprehensive income", section: SE,
          cells: ["24,843", "3,098,647", "6.4", "1,862,507", "4.1", "3,539,395", "7.0"] },
        { id: "total_shareholders_equity", label: "Total shareholders' equity", section: SE,
          cells: ["118,834", "14,822,126", "30.5", "12,880,000", "28.2", "16,927,750", "33.5"] },
        { id: "total_liabilities_and_shareholders_equity", label: "Total liabilities and shareholders' equity", section: LSE,
          cells: ["389,259", "48,552,248", "100.0%", "45,647,558", "100.0%", "50,640,802", "100.0%"] },
      ],
    },
    {
      statement: "CASHFLOW",
      title: "Condensed Consolidated Statements of Cash Flows",
      page: "Appendix 3",
      unit: "JPY thousands",
      columns: CASHFLOW_COLUMNS,
      // prettier-ignore
      rows: [
        { id: "net_income", label: "Net loss", section: OPS,
          cells: ["(13,348)", "(1,664,876)", "(2,031,288)", "(1,352,905)"] },
        { id: "depreciation_and_amortization", label: "Depreciation and amortization", section: OPS,
          cells: ["5,664", "706,463", "638,528", "714,130"] },
        { id: "equity_in_net_loss_of_affiliates", label: "Equity in net loss of affiliated companies", section: OPS,
          cells: ["9,775", "1,219,215", "1,004,574", "1,179,050"] },
        { id: "minority_interests", label: "Minority interests in consolidated subsidiaries", section: OPS,
          cells: ["(343)", "(42,834)", "(32,831)", "2,550"] },
        { id: "foreign_exchange_losses_gains", label: "Foreign exchange losses (gains)", section: OPS,
          cells: ["(183)", "(22,776)", "57,462", "(411,981)"] },
        { id: "change_in_accounts_receivable", label: "Decrease (increase) in accounts receivable", section: OPS,
          cells: ["126", "15,781", "11,002", "(1,449,025)"] },
        { id: "change_in_accounts_payable", label: "Decrease in accounts payable", section: OPS,
          cells: ["(2,391)", "(298,183)", "(400,392)", "(2,027,616)"] },
        { id: "deferred_income_tax", label: "Deferred income tax", section: OPS,
          cells: ["976", "121,705", "18,133", "(113,444)"] },
        { id: "operating_other", label: "Other", section: OPS,
          cells: ["(2,129)", "(265,574)", "(362,329)", "613,635"] },
        { id: "net_cash_from_operating_activities", label: "Net cash used in operating activities", section: OPS,
          cells: ["(1,853)", "(231,079)", "(1,097,141)", "(2,845,606)"] },
        { id: "purchase_of_property_and_equipment", label: "Purchase of property and equipment", section: INV,
          cells: ["(1,436)", "(179,145)", "(147,100)", "(501,808)"] },
        { id: "investments_in_affiliates", label: "Investments in and advances to affiliated companies", section: INV,
          cells: ["-", "-", "(89,017)", "-"] },
        { id: "purchase_of_short_term_investments", label: "Purchase of short-term investments", section: INV,
          cells: ["-", "-", "(8,416,096)", "-"] },
        { id: "purchase_of_other_investments", label: "Purchase of other investments", section: INV,
          cells: ["(397)", "(49,500)", "(622,724)", "(478,500)"] },
        { id: "redemption_of_short_term_investments", label: "Proceeds from redemption of short-term investments", section: INV,
          cells: ["-", "-", "3,253,320", "3,136,244"] },
        { id: "insurance_policies_net", label: "Payment of insurance policies-net", section: INV,
          cells: ["23", "2,802", "(1,868)", "(3,422)"] },
        { id: "guarantee_deposits_net", label: "Payment of guarantee deposits-net", section: INV,
          cells: ["(404)", "(50,353)", "(102,456)", "(10,145)"] },
        { id: "investing_other", label: "Other", section: INV,
          cells: ["(209)", "(26,067)", "27,437", "(103,925)"] },
        { id: "net_cash_from_investing_activities", label: "Net cash provided by (used in) investing activities", section: INV,
          cells: ["(2,423)", "(302,263)", "(6,098,504)", "2,038,444"] },
        { id: "proceeds_from_long_term_borrowings", label: "Proceeds from long-term borrowings", section: FIN,
          cells: ["4,810", "600,000", "-", "400,000"] },
        { id: "proceeds_from_convertible_notes", label: "Net proceeds from issuance of convertible notes", section: FIN,
          cells: ["-", "-", "14,502,639", "-"] },
        { id: "repayments_of_long_term_borrowings", label: "Repayments of long-term borrowings", section: FIN,
          cells: ["-", "-", "-", "(90,000)"] },
        { id: "principal_payments_under_capital_leases", label: "Principal payments under capital leases", section: FIN,
          cells: ["(3,815)", "(475,813)", "(453,417)", "(500,144)"] },
        { id: "change_in_short_term_borrowings", label: "Net increase (decrease) in short-term borrowings", section: FIN,
          cells: ["(4,810)", "(600,000)", "(5,270,680)", "(489,436)"] },
        { id: "net_cash_from_financing_activities", label: "Net cash provided by (used in) financing activities", section: FIN,
          cells: ["(3,815)", "(475,813)", "8,778,542", "(679,580)"] },
        { id: "effect_of_exchange_rate_changes", label: "Effect of Exchange Rate Changes on Cash", section: "",
          cells: ["106", "13,192", "(80,454)", "454,633"] },
        { id: "net_change_in_cash", label: "Net Increase (Decrease) in Cash", section: "",
          cells: ["(7,985)", "(995,963)", "1,502,443", "(1,032,109)"] },
        { id: "cash_beginning", label: "Cash, Beginning of Period", section: "",
          cells: ["108,801", "13,570,707", "16,158,439", "14,602,816"] },
        { id: "cash_end", label: "Cash, End of Period", section: "",
          cells: ["100,816", "12,574,744", "17,660,882", "13,570,707"] },
      ],
    },
    {
      statement: "KPI",
      title: "Table 1. Number of Contracts",
      page: "pages 5-6",
      unit: "contracts",
      columns: TABLE_COLUMNS,
      // prettier-ignore
      rows: [
        { id: "ip_service_64k_128k", label: "64kbps – 128kbps", section: IP_SERVICE, cells: ["245", "295", "427"] },
        { id: "ip_service_192k_768k", label: "192kbps – 768kbps", section: IP_SERVICE, cells: ["61", "80", "122"] },
        { id: "ip_service_1m_2m", label: "1Mbps – 2Mbps", section: IP_SERVICE, cells: ["246", "240", "184"] },
        { id: "ip_service_3m_600m", label: "3Mbps – 600Mbps", section: IP_SERVICE, cells: ["115", "111", "82"] },
        { id: "iij_t1_standard", label: "IIJ T1 Standard 1.5Mbps", section: IP_SERVICE, cells: ["662", "575", "255"] },
        { id: "total_ip_service_contracts", label: "Total IP Service", section: DEDICATED, cells: ["1,329", "1,301", "1,070"] },
        { id: "iij_economy_contracts", label: "64kbps – 128kbps", section: ECONOMY, cells: ["1,283", "1,295", "1,115"] },
        { id: "iij_dslf_contracts", label: "Maximum 1.5Mbps", section: DSLF, cells: ["45", "NA", "NA"],
          footnote: "(*3) IIJ DSL/F is a new service launched in May 2001." },
        { id: "total_dedicated_access_contracts", label: "Total Dedicated Access Services Contracts", section: DEDICATED,
          cells: ["2,657", "2,596", "2,185"] },
        { id: "iij4u_contracts", label: "IIJ4U (dialup service for individuals)", section: DIALUP, cells: ["94,802", "95,273", "87,297"] },
        { id: "other_dialup_contracts", label: "Others", section: DIALUP, cells: ["66,341", "66,857", "60,778"] },
        { id: "total_dialup_access_contracts", label: "Total Dial-up Access Services Contracts", section: DIALUP,
          cells: ["161,143", "162,130", "148,075"] },
        { id: "total_data_center_contracts", label: "Total Data Center Services Contracts", section: "Internet Data Center Services",
          cells: ["116", "113", "47"] },
      ],
    },
    {
      statement: "KPI",
      title: "Table 2. Revenue Breakdown in Dedicated Access Services",
      page: "page 6",
      unit: "JPY millions",
      columns: TABLE_COLUMNS,
      // prettier-ignore
      rows: [
        { id: "ip_service_revenue", label: "Total IP Service (IP Service and IIJ T1 Standard)", section: "Dedicated Access Services revenue",
          cells: ["3,048", "3,020", "2,703"] },
        { id: "economy_and_dslf_revenue", label: "IIJ Economy + IIJ DSL/F", section: "Dedicated Access Services revenue",
          cells: ["339", "333", "285"] },
      ],
    },
    {
      statement: "KPI",
      title: "Table 3. Contracted Bandwidth",
      page: "page 6",
      unit: "Gbps",
      columns: TABLE_COLUMNS,
      // prettier-ignore
      rows: [
        { id: "dedicated_access_bandwidth", label: "Dedicated Access Services", section: "Contracted Bandwidth",
          cells: ["4.6", "3.5", "2.2"] },
      ],
    },
    {
      statement: "KPI",
      title: "Table 4. Backbone Costs",
      page: "page 6",
      unit: "JPY millions",
      columns: TABLE_COLUMNS,
      // prettier-ignore
      rows: [
        { id: "international_backbone_costs", label: "International Backbone Costs", section: "Backbone Costs",
          cells: ["867", "1,409", "1,433"] },
        { id: "domestic_backbone_costs", label: "Domestic Backbone Costs", section: "Backbone Costs",
          cells: ["774", "714", "577"] },
      ],
    },
    {
      statement: "KPI",
      title: "Table 5. Other Financial Statistics",
      page: "page 7",
      unit: "JPY millions",
      columns: TABLE_COLUMNS,
      // prettier-ignore
      rows: [
        { id: "ebitda", label: "EBITDA", section: "Other Financial Statistics", cells: ["376", "295", "(-)251"],
          footnote: "(*1) EBITDA represents operating income (loss) plus depreciation and amortization." },
        { id: "capex", label: "CAPEX, including capitalized leases", section: "Other Financial Statistics",
          cells: ["1,076", "1,115", "686"] },
        { id: "depreciation_and_amortization", label: "Depreciation and amortization", section: "Other Financial Statistics",
          cells: ["706", "714", "639"],
          footnote: "(*4) Depreciation and amortization includes amortization of issuance cost of convertible notes." },
      ],
    },
  ],
  guidance: {
    title: "Anticipated Financial Performance for the 2nd Quarter (JPY in millions)",
    page: "page 2",
    ranges: [
      {
        id: "revenues",
        label: "Revenues",
        period: "2Q01",
        unit: "JPY millions",
        range: "9,000 - 9,500",
      },
      {
        id: "operating_income",
        label: "Operating Income (Loss)",
        period: "2Q01",
        unit: "JPY millions",
        range: "(-)100 - (+)50",
      },
      { id: "ebitda", label: "EBITDA", period: "2Q01", unit: "JPY millions", range: "580 - 730" },
    ],
    outlooks: [
      {
        id: "operating_income",
        label: "Operating Income (Loss)",
        period: "FY2001",
        page: "page 1",
        heading: "The 1st Quarter of FY2001 Results Summary",
        place: "the last bullet",
        text: "IIJ expects to report positive operating income for the fiscal 2001, due to a combination of continued declines in international backbone costs, its largest cost reduction item, and increased sales revenues from each sales category under its total network solutions approach.",
      },
      {
        id: "revenues",
        label: "Revenues",
        period: "FY2001",
        page: "page 2",
        heading: "Overview of the 1Q Results and Business Outlook",
        place: "the quote of Yasuhiro Nishi, CFO",
        text: "We also expect sales revenues in the fiscal 2001 to increase from each sales category under our total network solutions approach. We believe that revenues from SI services will be stronger in the second half of this fiscal year.",
      },
    ],
  },
  repairs: [
    {
      statement: "INCOME",
      rowId: "total_value_added_services",
      column: 0,
      ocr: "7.064",
      settled: "7,064",
      reason:
        "Garbled separator. 881,116 / 124.73 = 7,064.2; the USD parts 3,923 + 3,141 = 7,064; every other USD figure is in thousands with comma separators.",
    },
    {
      statement: "BALANCE",
      rowId: "cash",
      column: 0,
      ocr: '100,816 (on the "Current Assets:" heading row); 100,810 (on the Cash row)',
      settled: "100,816",
      reason:
        'The heading row carries Cash\'s figures, the Cash row a garbled copy. 12,574,744 / 124.73 = 100,816.0; cash-flow "Cash, End of Period" USD prints 100,816; USD current assets foot to 153,825 with 100,816.',
    },
    {
      statement: "BALANCE",
      rowId: "cash",
      column: 1,
      ocr: "12,574,744 (heading row); 12,374,744 (Cash row)",
      settled: "12,574,744",
      reason:
        'Total current assets 19,186,578 - 5,381,435 - 263,553 - 473,154 - 493,692 - 0 = 12,574,744; equals cash-flow "Cash, End of Period" for Jun 30, 2001.',
    },
    {
      statement: "BALANCE",
      rowId: "cash",
      column: 2,
      ocr: "25.9% (heading row); 0.0 (Cash row)",
      settled: "25.9%",
      reason:
        "12,574,744 / 48,552,248 = 25.90%. The 0.0 on the Cash row is Short-term investments' percentage, displaced one row up.",
    },
    {
      statement: "BALANCE",
      rowId: "cash",
      column: 3,
      ocr: '17 660 992 (heading row); "17,660,882 6,028,260" (Cash row, two cells merged)',
      settled: "17,660,882",
      reason:
        'Total current assets 29,324,235 - 6,028,260 - 4,488,683 - 414,310 - 380,227 - 351,873 = 17,660,882; equals cash-flow "Cash, End of Period" for the quarter ended Jun 30, 2000.',
    },
    {
      statement: "BALANCE",
      rowId: "cash",
      column: 4,
      ocr: "38.7% (heading row); 13.2 (Cash row)",
      settled: "38.7%",
      reason:
        "17,660,882 / 45,647,558 = 38.69%. The 13.2 on the Cash row is Short-term investments' percentage (6,028,260 / 45,647,558 = 13.21%).",
    },
    {
      statement: "BALANCE",
      rowId: "cash",
      column: 5,
      ocr: "13,570,707 (heading row); 13,370,707 (Cash row)",
      settled: "13,570,707",
      reason:
        'Total current assets 19,834,931 - 5,417,456 - 245,520 - 253,648 - 347,600 - 0 = 13,570,707; equals cash-flow "Cash, End of Period" for the quarter ended Mar 31, 2001 and "Cash, Beginning of Period" for Jun 30, 2001.',
    },
    {
      statement: "BALANCE",
      rowId: "cash",
      column: 6,
      ocr: "26.8% (heading row); 0.0 (Cash row)",
      settled: "26.8%",
      reason: "13,570,707 / 50,640,802 = 26.80%.",
    },
    {
      statement: "BALANCE",
      rowId: "short_term_investments",
      column: 0,
      ocr: "(blank)",
      settled: "0",
      reason:
        "USD current assets foot to 153,825 without it (100,816 + 43,145 + 2,113 + 3,793 + 3,958 = 153,825); the JPY figure is 0.",
    },
    {
      statement: "BALANCE",
      rowId: "short_term_investments",
      column: 1,
      ocr: "(blank)",
      settled: "0",
      reason:
        "Total current assets 19,186,578 = 12,574,744 + 5,381,435 + 263,553 + 473,154 + 493,692 leaves 0; its % cell (0.0) survived on the Cash row. Recorded as 0, as the same statement prints its other zero line (Long-term borrowings-current portion).",
    },
    {
      statement: "BALANCE",
      rowId: "short_term_investments",
      column: 2,
      ocr: "0.0 (on the Cash row)",
      settled: "0.0",
      reason: "Displaced one row up; see column 1.",
    },
    {
      statement: "BALANCE",
      rowId: "short_term_investments",
      column: 3,
      ocr: "6,028,260 (merged into the Cash row's Jun 30, 2000 cell)",
      settled: "6,028,260",
      reason:
        "Total current assets 29,324,235 - 17,660,882 - 4,488,683 - 414,310 - 380,227 - 351,873 = 6,028,260.",
    },
    {
      statement: "BALANCE",
      rowId: "short_term_investments",
      column: 4,
      ocr: "13.2 (on the Cash row)",
      settled: "13.2",
      reason: "6,028,260 / 45,647,558 = 13.21%.",
    },
    {
      statement: "BALANCE",
      rowId: "short_term_investments",
      column: 5,
      ocr: "5,417,456 (belongs to Accounts receivable)",
      settled: "0",
      reason:
        "Total current assets 19,834,931 = 13,570,707 + 5,417,456 + 245,520 + 253,648 + 347,600 leaves 0; the 5,417,456 is Accounts receivable's figure (its 10.7% sits on the next row).",
    },
    {
      statement: "BALANCE",
      rowId: "short_term_investments",
      column: 6,
      ocr: "0.0 (on the Cash row)",
      settled: "0.0",
      reason: "Displaced one row up; see column 5.",
    },
    {
      statement: "BALANCE",
      rowId: "accounts_receivable",
      column: 5,
      ocr: "(blank; the figure sits on the Short-term investments row)",
      settled: "5,417,456",
      reason:
        "5,417,456 / 50,640,802 = 10.70%, the 10.7 printed on this row; current assets then foot to 19,834,931.",
    },
    {
      statement: "KPI",
      rowId: "dedicated_access_bandwidth",
      column: 0,
      ocr: "4.6 (detached, between paragraphs on page 6)",
      settled: "4.6",
      reason:
        "Table 3's values and its row label \"Dedicated Access Services\" were split from the table by the OCR. Read in the table's column order 1Q01, 4Q00, 1Q00: 4.6 / 3.5 / 2.2 Gbps, rising with Table 1's contract counts (1,070 -> 1,301 -> 1,329 IP Service contracts).",
    },
    {
      statement: "KPI",
      rowId: "dedicated_access_bandwidth",
      column: 1,
      ocr: "3.5 (detached)",
      settled: "3.5",
      reason: "See column 0.",
    },
    {
      statement: "KPI",
      rowId: "dedicated_access_bandwidth",
      column: 2,
      ocr: "2.2 (detached)",
      settled: "2.2",
      reason: "See column 0.",
    },
    {
      statement: "KPI",
      rowId: "international_backbone_costs",
      column: "header",
      ocr: "1Q01 4Q00 1Q0",
      settled: "1Q01 | 4Q00 | 1Q00",
      reason:
        "Truncated header; the text: international backbone costs fell 39.5% from 1Q00 (867 / 1,433 - 1 = -39.5%).",
    },
    {
      statement: "KPI",
      rowId: "ebitda",
      column: "header",
      ocr: "Table 5. Other Financial Statistics(JPY)",
      settled: "Table 5. Other Financial Statistics (JPY in millions)",
      reason:
        'Unit cut short. D&A 706 = cash-flow D&A 706,463 JPY thousands / 1,000; the text: "EBITDA improved to JPY376 million".',
    },
    {
      statement: "KPI",
      rowId: "ip_service_revenue",
      column: "header",
      ocr: "Table 2. Revenue Breakdown in Dedicated Access S | (JP | (JPY in millions)",
      settled: "Table 2. Revenue Breakdown in Dedicated Access Services (JPY in millions)",
      reason:
        "Title truncated and unit duplicated by the OCR. 3,048 + 339 = 3,387 = Dedicated access services 3,386,912 JPY thousands, in millions.",
    },
  ],
  inconsistencies: [
    {
      checkId: "ebitda-definition",
      period: "1Q01",
      rowId: "ebitda",
      explanation:
        "Footnote (*1) defines EBITDA as operating income (loss) plus D&A, but (299,814) + 706,463 = 406,649 JPY thousands = 406.649 JPY millions, while Table 5 and the text print 376: 30.649 JPY millions less. Table 5's footnote (*4) says its D&A includes amortization of convertible-note issuance cost, which the printed EBITDA appears to leave out.",
    },
    {
      checkId: "ebitda-definition",
      period: "4Q00",
      rowId: "ebitda",
      explanation:
        "(394,052) + 714,130 = 320,078 JPY thousands = 320.078 JPY millions; Table 5 prints 295: 25.078 JPY millions less.",
    },
    {
      checkId: "ebitda-definition",
      period: "1Q00",
      rowId: "ebitda",
      explanation:
        "(864,711) + 638,528 = (226,183) JPY thousands = (226.183) JPY millions; Table 5 prints (-)251: 24.817 JPY millions less.",
    },
    {
      checkId: "usd:INCOME",
      period: "1Q01",
      rowId: "internet_datacenter_services",
      explanation:
        "489,385 / 124.73 = 3,923.55 rounds to 3,924; printed 3,923 so that the USD value-added services foot: 3,923 + 3,141 = 7,064.",
    },
    {
      checkId: "usd:INCOME",
      period: "1Q01",
      rowId: "minority_interests",
      explanation:
        "42,834 / 124.73 = 343.41 rounds to 343 (the cash-flow statement prints (343)); printed 344 so that the USD net loss foots: (2,897) - 1,020 + 344 - 9,775 = (13,348).",
    },
    {
      checkId: "usd:BALANCE",
      period: "1Q01",
      rowId: "additional_paid_in_capital",
      explanation:
        "17,068,353 / 124.73 = 136,842.40 rounds to 136,842; printed 136,843 so that USD equity foots: 56,781 + 136,843 - 99,633 + 24,843 = 118,834.",
    },
    {
      checkId: "usd:CASHFLOW",
      period: "1Q01",
      rowId: "change_in_accounts_receivable",
      explanation:
        "15,781 / 124.73 = 126.52 rounds to 127; printed 126 (USD operating lines foot to (1,853) with the printed figures).",
    },
    {
      checkId: "usd:CASHFLOW",
      period: "1Q01",
      rowId: "insurance_policies_net",
      explanation:
        "2,802 / 124.73 = 22.46 rounds to 22; printed 23 (USD investing lines foot to (2,423) with the printed figures).",
    },
    {
      checkId: "percent:INCOME",
      period: "1Q01",
      rowId: "equity_in_net_loss_of_affiliates",
      explanation:
        "1,219,215 / 8,332,898 = 14.63% rounds to 14.6; printed (14.7) so that the % column foots to the net loss's (20.0%).",
    },
    {
      checkId: "percent:INCOME",
      period: "4Q00",
      rowId: "dedicated_access_services",
      explanation:
        "3,353,198 / 9,199,575 = 36.45% rounds to 36.4; printed 36.5 so that 36.5 + 11.2 + 7.6 + 2.8 = 58.1 (total connectivity and value-added services).",
    },
    {
      checkId: "percent:INCOME",
      period: "4Q00",
      rowId: "cost_of_connectivity_and_value_added_services",
      explanation:
        "5,073,952 / 9,199,575 = 55.15% rounds to 55.2; printed 55.1 so that 55.1 + 28.4 + 7.8 = 91.3 (total costs).",
    },
    {
      checkId: "percent:INCOME",
      period: "1Q00",
      rowId: "other_income_expenses",
      explanation:
        "162,462 / 7,245,795 = 2.24% rounds to 2.2; printed (2.3) so that (11.9) + (2.3) = (14.2) (loss before income tax).",
    },
    {
      checkId: "percent:BALANCE",
      period: "1Q01",
      rowId: "investments_in_affiliates",
      explanation:
        "12,690,980 / 48,552,248 = 26.14% rounds to 26.1; printed 26.2 (a rounding plug so that the asset percentages add to 100.0%).",
    },
    {
      checkId: "percent:BALANCE",
      period: "1Q01",
      rowId: "accrued_retirement_and_pension_costs",
      explanation:
        "124,368 / 48,552,248 = 0.26% rounds to 0.3; printed 0.2 (the liability percentages then add to the printed 68.2).",
    },
    {
      checkId: "percent:BALANCE",
      period: "1Q01",
      rowId: "additional_paid_in_capital",
      explanation:
        "17,068,353 / 48,552,248 = 35.15% rounds to 35.2; printed 35.1 (equity percentages then add to the printed 30.5).",
    },
    {
      checkId: "percent:BALANCE",
      period: "1Q00",
      rowId: "additional_paid_in_capital",
      explanation:
        "12,028,557 / 45,647,558 = 26.35% rounds to 26.4; printed 26.3 (equity percentages then add to the printed 28.2).",
    },
    {
      checkId: "percent:BALANCE",
      period: "4Q00",
      rowId: "guarantee_deposits",
      explanation:
        "837,115 / 50,640,802 = 1.65% rounds to 1.7; printed 1.6 (asset percentages then add to 100.0%).",
    },
    {
      checkId: "percent:BALANCE",
      period: "4Q00",
      rowId: "capital_lease_obligations_current",
      explanation:
        "1,644,354 / 50,640,802 = 3.25% rounds to 3.2; printed 3.3 (current-liability percentages then add to the printed 24.2).",
    },
    {
      checkId: "percent:BALANCE",
      period: "4Q00",
      rowId: "accumulated_deficit",
      explanation:
        "10,762,334 / 50,640,802 = 21.25% rounds to 21.3; printed (21.2) (equity percentages then add to the printed 33.5).",
    },
    {
      checkId: "percent:BALANCE",
      period: "4Q00",
      rowId: "total_shareholders_equity",
      explanation:
        "16,927,750 / 50,640,802 = 33.43% rounds to 33.4; printed 33.5 (so that 65.2 + 1.3 + 33.5 = 100.0%).",
    },
  ],
};

/**
 * The one description of the statements: what each total sums follows from the printing and
 * statements.ts, and a line a release adds inside a section is footed, placed on the sheet and
 * carried into the forecast's totals with no code change.
 */
import { RELEASE_2001_08_14 } from "../../src/data/releases/2001-08-14-1q01";
import type { PrintedRow, PrintedTable, Release } from "../../src/data/types";
import { IIJModel, defaultModel, runChecks } from "../../src/model";
import { planModelSheet } from "../../src/sheet/plan";
import { a1 } from "../../src/sheet/plan-types";

/** Every total and what it sums, as the printed statements foot (written out by hand). */
const FOOTINGS: readonly [string, string][] = [
  [
    "INCOME:total_value_added_services",
    "internet_datacenter_services + other_value_added_services",
  ],
  [
    "INCOME:total_connectivity_and_value_added_services",
    "dedicated_access_services + dialup_access_services + total_value_added_services + other_revenues",
  ],
  [
    "INCOME:total_revenues",
    "total_connectivity_and_value_added_services + systems_integration_revenues + equipment_sales",
  ],
  [
    "INCOME:total_costs",
    "cost_of_connectivity_and_value_added_services + cost_of_systems_integration_revenues + cost_of_equipment_sales",
  ],
  [
    "INCOME:total_costs_and_expenses",
    "total_costs + sales_and_marketing + general_and_administrative + research_and_development",
  ],
  ["INCOME:operating_income", "total_revenues - total_costs_and_expenses"],
  ["INCOME:income_before_income_tax", "operating_income + other_income_expenses"],
  [
    "INCOME:net_income",
    "income_before_income_tax - income_tax_expense + minority_interests + equity_in_net_loss_of_affiliates",
  ],
  [
    "BALANCE:total_current_assets",
    "cash + short_term_investments + accounts_receivable + inventories + prepaid_expenses + other_current_assets",
  ],
  [
    "BALANCE:total_assets",
    "total_current_assets + investments_in_affiliates + other_investments + property_and_equipment + guarantee_deposits + other_assets",
  ],
  [
    "BALANCE:total_current_liabilities",
    "short_term_borrowings + accounts_payable + accrued_expenses + other_current_liabilities + long_term_borrowings_current + capital_lease_obligations_current",
  ],
  [
    "BALANCE:total_liabilities",
    "total_current_liabilities + long_term_borrowings + convertible_notes + capital_lease_obligations_noncurrent + accrued_retirement_and_pension_costs + other_noncurrent_liabilities",
  ],
  [
    "BALANCE:total_shareholders_equity",
    "common_stock + additional_paid_in_capital + accumulated_deficit + accumulated_other_comprehensive_income",
  ],
  [
    "BALANCE:total_liabilities_and_shareholders_equity",
    "total_liabilities + minority_interest + total_shareholders_equity",
  ],
  [
    "CASHFLOW:net_cash_from_operating_activities",
    "net_income + depreciation_and_amortization + equity_in_net_loss_of_affiliates + minority_interests + foreign_exchange_losses_gains + change_in_accounts_receivable + change_in_accounts_payable + deferred_income_tax + operating_other",
  ],
  [
    "CASHFLOW:net_cash_from_investing_activities",
    "purchase_of_property_and_equipment + investments_in_affiliates + purchase_of_short_term_investments + purchase_of_other_investments + redemption_of_short_term_investments + insurance_policies_net + guarantee_deposits_net + investing_other",
  ],
  [
    "CASHFLOW:net_cash_from_financing_activities",
    "proceeds_from_long_term_borrowings + proceeds_from_convertible_notes + repayments_of_long_term_borrowings + principal_payments_under_capital_leases + change_in_short_term_borrowings",
  ],
  [
    "CASHFLOW:net_change_in_cash",
    "net_cash_from_operating_activities + net_cash_from_investing_activities + net_cash_from_financing_activities + effect_of_exchange_rate_changes",
  ],
  ["CASHFLOW:cash_end", "net_change_in_cash + cash_beginning"],
  [
    "KPI:total_ip_service_contracts",
    "ip_service_64k_128k + ip_service_192k_768k + ip_service_1m_2m + ip_service_3m_600m + iij_t1_standard",
  ],
  [
    "KPI:total_dedicated_access_contracts",
    "total_ip_service_contracts + iij_economy_contracts + iij_dslf_contracts",
  ],
  ["KPI:total_dialup_access_contracts", "iij4u_contracts + other_dialup_contracts"],
];

const written = (parts: readonly { id: string; weight: number }[]) =>
  parts.map((p, i) => `${i === 0 ? "" : p.weight < 0 ? " - " : " + "}${p.id}`).join("");

describe("what each total sums follows from the printed order and sections", () => {
  const model = defaultModel();
  test.each(FOOTINGS)("%s = %s", (key, parts) => {
    const [statement, id] = key.split(":") as ["INCOME" | "BALANCE" | "CASHFLOW" | "KPI", string];
    expect(written(model.structure(statement).get(id)?.parts ?? [])).toBe(parts);
  });

  test("no other line is a total that sums something", () => {
    const totals = (["INCOME", "BALANCE", "CASHFLOW", "KPI"] as const).flatMap((s) =>
      model
        .structure(s)
        .totals()
        .map((line) => `${s}:${line.id}`)
    );
    expect(totals).toEqual(FOOTINGS.map(([key]) => key));
  });

  test("the checks foot every total, then the balance, then the ties", () => {
    const ids = model.identities().map((rule) => rule.checkId);
    expect(ids.slice(0, FOOTINGS.length + 1)).toEqual(
      [
        ...FOOTINGS.slice(0, 14).map(([key]) => `footing:${key}`),
        "balance:BALANCE:total_assets",
        ...FOOTINGS.slice(14).map(([key]) => `footing:${key}`),
      ].slice(0, FOOTINGS.length + 1)
    );
    expect(ids.at(-1)).toBe("ebitda-definition");
  });
});

/**
 * TEST-ONLY data: the 1Q01 release with a revenue line it never printed, "Mobile services", inside
 * "Connectivity and value-added services". Its amounts are carved out of "Other" so every printed
 * total still foots: Other 452,126 = 400,000 + 52,126 (1Q01); 106,696 = 100,000 + 6,696 (1Q00);
 * 260,885 = 250,000 + 10,885 (4Q00). USD at 124.73: 400,000 -> 3,207; 52,126 -> 418 (3,625 in all).
 * Their % and change columns are left blank (not printed).
 */
function withMobileServices(mobile1Q01 = "52,126"): Release {
  const income = RELEASE_2001_08_14.tables.find((t) => t.statement === "INCOME") as PrintedTable;
  const rows: PrintedRow[] = [];
  for (const row of income.rows) {
    if (row.id === "other_revenues") {
      rows.push({ ...row, cells: ["3,207", "400,000", "", "100,000", "", "", "250,000", "", ""] });
      continue;
    }
    rows.push(row);
    if (row.id === "dialup_access_services") {
      rows.push({
        id: "mobile_services",
        label: "Mobile services",
        section: row.section,
        cells: ["418", mobile1Q01, "", "6,696", "", "", "10,885", "", ""],
      });
    }
  }
  return {
    ...RELEASE_2001_08_14,
    tables: RELEASE_2001_08_14.tables.map((t) => (t === income ? { ...income, rows } : t)),
    inconsistencies: RELEASE_2001_08_14.inconsistencies,
  };
}

describe("a release that adds a revenue line inside a section", () => {
  const model = new IIJModel([withMobileServices()]);
  const cvas = "total_connectivity_and_value_added_services";

  test("the line joins the total it is printed in, and the checks foot it", () => {
    expect(written(model.structure("INCOME").get(cvas)?.parts ?? [])).toBe(
      "dedicated_access_services + dialup_access_services + mobile_services + total_value_added_services + other_revenues"
    );
    const footing = runChecks(model).filter((r) => r.checkId === `footing:INCOME:${cvas}`);
    expect(footing.map((r) => [r.period, r.status])).toEqual([
      ["1Q00", "pass"],
      ["4Q00", "pass"],
      ["1Q01", "pass"],
    ]);
    expect(runChecks(model).filter((r) => r.status === "fail")).toEqual([]);
  });

  test("a misprinted new line fails the footing of its total", () => {
    const off = new IIJModel([withMobileServices("52,127")]);
    const failed = runChecks(off).filter((r) => r.status === "fail");
    expect(failed.map((r) => `${r.checkId} ${r.period}`)).toContain(`footing:INCOME:${cvas} 1Q01`);
  });

  test("it is a revenue segment by its printed label", () => {
    expect(model.catalogue("INCOME").resolve("Mobile services").id).toBe("mobile_services");
  });

  describe("on the sheet and in the forecast", () => {
    const plan = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
    const cellAt = new Map(plan.cells.map((c) => [a1(c.row, c.col), c]));
    const rowOf = (id: string) => plan.cells.find((c) => c.col === 1 && c.text === id)?.row;
    const mobile = rowOf("mobile_services") as number;
    // Columns: C 1Q00, D 4Q00, E 1Q01, F 2Q01E, G 3Q01E, H 4Q01E, I FY2001E.
    const at = (col: string, id: string) => cellAt.get(`${col}${(rowOf(id) as number) + 1}`);

    test("its row is printed in place, between dial-up and value-added services", () => {
      expect(mobile).toBe((rowOf("dialup_access_services") as number) + 1);
      expect(at("E", "mobile_services")?.number).toBe("52.126");
      expect(at("E", "mobile_services")?.source?.itemId).toBe("mobile_services");
    });

    test("its estimate grows by its own named driver", () => {
      expect(at("F", "mobile_services")?.formula).toBe(
        `=E${mobile + 1}*(1+IIJ_DRV_GROWTH_MOBILE_SERVICES_2Q01)`
      );
      expect(plan.names.map((n) => n.name)).toContain("IIJ_DRV_GROWTH_MOBILE_SERVICES_2Q01");
    });

    test("the estimated totals include it, up to total revenues", () => {
      for (const col of ["F", "G", "H"]) {
        expect(at(col, cvas)?.formula).toContain(`${col}${mobile + 1}`);
        expect(at(col, "total_revenues")?.formula).toContain(
          `${col}${(rowOf(cvas) as number) + 1}`
        );
      }
    });

    test("its actuals are checked on the sheet inside their total's footing", () => {
      const check = plan.cells.find((c) => c.col === 1 && c.text === `footing:INCOME:${cvas}`);
      const recomputed = cellAt.get(`E${(check?.row as number) + 1}`);
      expect(recomputed?.formula).toContain(`E${mobile + 1}`);
    });
  });
});

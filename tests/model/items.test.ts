import { defaultModel, nameKey } from "../../src/model";
import type { StatementId } from "../../src/data/types";

const model = defaultModel();
const resolve = (statement: StatementId, name: string) =>
  model.catalogue(statement).resolve(name).id;

describe("items resolve by printed label, id or alias, ignoring case, spaces and punctuation", () => {
  test.each([
    ["INCOME", "Total revenues", "total_revenues"],
    ["INCOME", "TOTAL REVENUES", "total_revenues"],
    ["INCOME", "total-revenues", "total_revenues"],
    ["INCOME", "Revenue", "total_revenues"],
    ["INCOME", "Dedicated", "dedicated_access_services"],
    ["INCOME", "Dial-up", "dialup_access_services"],
    ["INCOME", "dialup", "dialup_access_services"],
    ["INCOME", "Data center", "internet_datacenter_services"],
    ["INCOME", "SI", "systems_integration_revenues"],
    ["INCOME", "S&M", "sales_and_marketing"],
    ["INCOME", "G&A", "general_and_administrative"],
    ["INCOME", "R&D", "research_and_development"],
    ["INCOME", "Op income", "operating_income"],
    ["INCOME", "Operating loss", "operating_income"],
    ["INCOME", "Net loss", "net_income"],
    ["INCOME", "Other", "other_revenues"],
    ["BALANCE", "Cash", "cash"],
    ["BALANCE", "Additional paid-in capital(2)", "additional_paid_in_capital"],
    ["BALANCE", "additional paid in capital", "additional_paid_in_capital"],
    [
      "BALANCE",
      "Total liabilities and shareholders' equity",
      "total_liabilities_and_shareholders_equity",
    ],
    ["CASHFLOW", "operating_other", "operating_other"],
    ["CASHFLOW", "Investing Activities: Other", "investing_other"],
    ["CASHFLOW", "Other (Operating Activities)", "operating_other"],
    ["CASHFLOW", "D&A", "depreciation_and_amortization"],
    ["KPI", "EBITDA", "ebitda"],
    ["KPI", "IIJ Economy 64kbps – 128kbps", "iij_economy_contracts"],
    ["KPI", "IP Service 64kbps - 128kbps", "ip_service_64k_128k"],
    ["GUIDANCE", "Operating Income (Loss)", "operating_income"],
  ] as [StatementId, string, string][])("%s %p is %s", (statement, name, id) => {
    expect(resolve(statement, name)).toBe(id);
  });
});

test.each([
  ["CASHFLOW", "Other", /ambiguous in CASHFLOW.*operating_other.*investing_other/],
  ["KPI", "64kbps – 128kbps", /ambiguous in KPI.*ip_service_64k_128k.*iij_economy_contracts/],
])("a label printed twice in %s (%p) is an error naming both", (statement, name, message) => {
  expect(() => model.catalogue(statement as StatementId).resolve(name)).toThrow(message);
  try {
    model.catalogue(statement as StatementId).resolve(name);
  } catch (e) {
    expect((e as { kind: string }).kind).toBe("#VALUE!");
  }
});

test("an unknown item is #N/A with a did-you-mean and the valid ids", () => {
  expect.assertions(3);
  try {
    model.catalogue("INCOME").resolve("Totl revenues");
  } catch (e) {
    expect((e as { kind: string }).kind).toBe("#N/A");
    expect((e as Error).message).toMatch(/Did you mean "Total revenues"/);
    expect((e as Error).message).toMatch(/dedicated_access_services, dialup_access_services/);
  }
});

test("no alias or label collides across two items of a statement except labels the release prints twice", () => {
  const printedTwice = new Set(["other", "64kbps128kbps"]);
  for (const statement of ["INCOME", "BALANCE", "CASHFLOW", "KPI", "GUIDANCE"] as StatementId[]) {
    const catalogue = model.catalogue(statement);
    for (const item of model.items(statement)) {
      for (const label of [...item.printedLabels, ...catalogue.aliasesOf(item.id)]) {
        if (printedTwice.has(nameKey(label))) continue;
        expect([statement, label, catalogue.resolve(label).id]).toEqual([
          statement,
          label,
          item.id,
        ]);
      }
    }
  }
});

test("items list in printed order with ids, labels and sections", () => {
  const income = model.items("INCOME");
  expect(income.length).toBe(29);
  expect(income[0]).toMatchObject({
    id: "dedicated_access_services",
    label: "Dedicated access services",
    section: "Revenues / Connectivity and value-added services",
  });
  expect(income[income.length - 1].label).toBe("Weighted Average Number of ADS Equivalents");
  expect(model.items("BALANCE").length).toBe(33);
  expect(model.items("CASHFLOW").length).toBe(29);
});

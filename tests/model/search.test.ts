/** Search ranking and typo tolerance, on queries analysts type. */
import { defaultModel, formulaFor, searchItems } from "../../src/model";

const model = defaultModel();
const top = (q: string) => {
  const [hit] = searchItems(model, q, 1);
  return hit ? `${hit.item.statement}:${hit.item.id}` : "none";
};

test.each([
  ["dedicated", "INCOME:dedicated_access_services"],
  ["Dedicated access services", "INCOME:dedicated_access_services"],
  ["dedicted", "INCOME:dedicated_access_services"],
  ["dial up", "INCOME:dialup_access_services"],
  ["revenue", "INCOME:total_revenues"],
  ["revnue", "INCOME:total_revenues"],
  ["total revenues", "INCOME:total_revenues"],
  ["SI", "INCOME:systems_integration_revenues"],
  ["S&M", "INCOME:sales_and_marketing"],
  ["op income", "INCOME:operating_income"],
  ["operating loss", "INCOME:operating_income"],
  ["net loss", "INCOME:net_income"],
  ["EPS", "INCOME:net_income_per_share"],
  ["cash", "BALANCE:cash"],
  ["total assets", "BALANCE:total_assets"],
  ["convertible", "BALANCE:convertible_notes"],
  ["investing other", "CASHFLOW:investing_other"],
  ["CFO", "CASHFLOW:net_cash_from_operating_activities"],
  ["ebitda", "KPI:ebitda"],
  ["capex", "KPI:capex"],
  ["backbone", "KPI:international_backbone_costs"],
  ["IIJ4U", "KPI:iij4u_contracts"],
  ["bandwith", "KPI:dedicated_access_bandwidth"],
  ["data center contracts", "KPI:total_data_center_contracts"],
  ["xyzzy", "none"],
])("%p finds %s first", (query, expected) => {
  expect(top(query)).toBe(expected);
});

test("every query word must match: 'cash dedicated' finds nothing", () => {
  expect(searchItems(model, "cash dedicated")).toEqual([]);
});

test("formulas use the printed label, or the id where the label is printed twice", () => {
  const item = (s: "INCOME" | "CASHFLOW" | "KPI", id: string) =>
    model.items(s).find((i) => i.id === id)!;
  expect(formulaFor(model, item("INCOME", "dedicated_access_services"), "1Q01")).toBe(
    '=IIJ.INCOME("1Q01","Dedicated access services")'
  );
  expect(
    formulaFor(model, item("INCOME", "dedicated_access_services"), "1Q01", "JPY millions")
  ).toBe('=IIJ.INCOME("1Q01","Dedicated access services","JPY millions")');
  expect(formulaFor(model, item("CASHFLOW", "operating_other"), "4Q00")).toBe(
    '=IIJ.CASHFLOW("4Q00","operating_other")'
  );
  expect(formulaFor(model, item("KPI", "ebitda"), "1Q01", "JPY millions")).toBe(
    '=IIJ.KPI("1Q01","EBITDA")'
  );
});

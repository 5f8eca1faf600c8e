/** Search ranking and typo tolerance, on queries analysts type. */
import { RELEASE_2001_08_14 } from "../../src/data/releases/2001-08-14-1q01";
import type { Release, StatementId } from "../../src/data/types";
import { findWithValues } from "../../src/functions/formula-text";
import { IIJModel, defaultModel, defaultPeriodFor, formulaFor, searchItems } from "../../src/model";

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

test("a unit asked for applies to the tables' and guidance's amounts too, never to counts or words", () => {
  const of = (s: StatementId, id: string) => model.items(s).find((i) => i.id === id)!;
  const cases: [StatementId, string, string, string][] = [
    ["KPI", "ebitda", "1Q01", '=IIJ.KPI("1Q01","EBITDA","JPY thousands")'],
    ["GUIDANCE", "revenues", "2Q01", '=IIJ.GUIDANCE("2Q01","Revenues","mid","JPY thousands")'],
    // FY2001's revenues outlook is words only: no unit.
    ["GUIDANCE", "revenues", "FY2001", '=IIJ.GUIDANCE("FY2001","Revenues")'],
    [
      "KPI",
      "total_dedicated_access_contracts",
      "1Q01",
      '=IIJ.KPI("1Q01","Total Dedicated Access Services Contracts")',
    ],
  ];
  for (const [s, id, period, formula] of cases)
    expect(formulaFor(model, of(s, id), period, "JPY thousands")).toBe(formula);
  // And the figures in one unit: Table 5's 376 JPY millions, guidance mid 9,250 JPY millions.
  const found = findWithValues(model, "EBITDA", { unit: "JPY thousands" });
  expect(found.find((f) => f.statement === "KPI")?.value).toBe("376000");
});

describe("a formula offered by default answers", () => {
  /**
   * TEST-ONLY data (invented figures): a later release that prints 2Q01 total revenues alone and
   * gives 3Q01 guidance for net income alone, so items differ in their latest printed period.
   */
  const LATER: Release = {
    ...RELEASE_2001_08_14,
    id: "2001-11-13",
    title: "TEST ONLY: synthetic second release",
    date: "2001-11-13",
    latestQuarter: "2Q01",
    tables: [
      {
        statement: "INCOME",
        title: "Consolidated Statements of Operations",
        page: "Appendix 1",
        unit: "JPY thousands",
        columns: [{ header: "Sep 30, 2001 JPY", period: "2Q01", measure: "amount" }],
        rows: [
          { id: "total_revenues", label: "Total revenues", section: "", cells: ["9,100,000"] },
        ],
      },
    ],
    guidance: {
      title: "Anticipated Financial Performance for the 3rd Quarter (JPY in millions)",
      page: "page 2",
      ranges: [
        {
          id: "net_income",
          label: "Net income",
          period: "3Q01",
          unit: "JPY millions",
          range: "1 - 2",
        },
      ],
      outlooks: [],
    },
    repairs: [],
    inconsistencies: [],
  };
  const later = new IIJModel([RELEASE_2001_08_14, LATER]);
  const itemOf = (s: StatementId, id: string) => later.items(s).find((i) => i.id === id)!;

  test.each([
    ["INCOME", "total_revenues", "2Q01"],
    ["INCOME", "dedicated_access_services", "1Q01"],
    ["GUIDANCE", "revenues", "2Q01"],
    ["GUIDANCE", "net_income", "3Q01"],
  ] as const)("%s %s: its latest printed period (guidance: its first), %s", (s, id, period) => {
    expect(defaultPeriodFor(later, itemOf(s, id))).toBe(period);
  });

  test("find offers each item at a period whose formula answers", () => {
    for (const query of ["dedicated", "net income", "revenues"])
      for (const f of findWithValues(later, query))
        expect([f.formula, f.value]).not.toEqual([f.formula, "#N/A"]);
  });
});

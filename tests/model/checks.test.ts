import { RELEASE_2001_08_14 } from "../../src/data/releases/2001-08-14-1q01";
import type { Release } from "../../src/data/types";
import { IIJModel, defaultModel, runChecks, summarize } from "../../src/model";

const results = runChecks(defaultModel());
const find = (checkId: string, period: string) =>
  results.filter((r) => r.checkId === checkId && r.period === period);

test("every check on the 1Q01 release passes or is a noted source inconsistency", () => {
  expect(results.filter((r) => r.status === "fail")).toEqual([]);
  expect(summarize(results).passed).toBeGreaterThan(100);
});

describe("the footings the release promises are all checked, for each quarter", () => {
  // The release prints its statements and tables for 1Q00, 4Q00 and 1Q01, its USD column for
  // 1Q01 only, and its quarter-on-quarter % column beside 1Q01 only.
  const ALL = ["1Q00", "4Q00", "1Q01"];
  test.each([
    ["footing:INCOME:total_revenues", ALL],
    ["footing:INCOME:net_income", ALL],
    ["footing:BALANCE:total_current_assets", ALL],
    ["balance:BALANCE:total_assets", ALL],
    ["footing:CASHFLOW:net_cash_from_operating_activities", ALL],
    ["footing:CASHFLOW:cash_end", ALL],
    ["tie:CASHFLOW:cash_end", ALL],
    ["footing:KPI:total_dedicated_access_contracts", ALL],
    ["tie:KPI:depreciation_and_amortization", ALL],
    ["tie:KPI:dedicated_revenue", ALL],
    ["usd:INCOME", ["1Q01"]],
    ["percent:BALANCE", ALL],
    ["qoqPct:INCOME", ["1Q01"]],
  ])("%s runs for %j", (checkId, expected) => {
    const periods = new Set(results.filter((r) => r.checkId === checkId).map((r) => r.period));
    expect([...periods].sort()).toEqual([...expected].sort());
  });

  test("per-quarter ties run where the previous quarter's balance sheet is printed", () => {
    expect(find("tie:CASHFLOW:cash_beginning", "1Q01")[0].status).toBe("pass");
    expect(find("tie:BALANCE:accumulated_deficit", "1Q01")[0].status).toBe("pass");
    expect(find("yoyPct:INCOME", "1Q01")[0].status).toBe("pass");
  });
});

test.each([
  ["1Q01", "-30.649"],
  ["4Q00", "-25.078"],
  ["1Q00", "-24.817"],
])("Table 5 EBITDA in %s is a noted inconsistency of exactly %s JPY millions", (period, diff) => {
  const [r] = find("ebitda-definition", period);
  expect(r.status).toBe("noted");
  expect(r.detail).toContain(`printed - computed = ${diff}`);
});

test("the USD rounding plugs are noted with their size, e.g. minority interests 344 vs 343.41", () => {
  const [r] = find("usd:INCOME", "1Q01");
  expect(r.status).toBe("noted");
  expect(r.detail).toMatch(/Minority interests.*printed 344.*343\.4138.*rounds to 343/);
});

/** A copy of the release with one cell changed, as a transcription slip would. */
function withCell(statement: string, rowId: string, column: number, text: string): Release {
  return {
    ...RELEASE_2001_08_14,
    tables: RELEASE_2001_08_14.tables.map((t) =>
      t.statement !== statement
        ? t
        : {
            ...t,
            rows: t.rows.map((r) =>
              r.id !== rowId ? r : { ...r, cells: r.cells.map((c, i) => (i === column ? text : c)) }
            ),
          }
    ),
  };
}

test("a transcription slip fails the footings that catch it", () => {
  const slipped = runChecks(
    new IIJModel([withCell("INCOME", "dedicated_access_services", 1, "3,386,921")])
  );
  const failed = slipped.filter((r) => r.status === "fail").map((r) => `${r.checkId} ${r.period}`);
  // Nine thousand yen is below the USD and % columns' rounding: only the footing can see it.
  expect(failed).toEqual(["footing:INCOME:total_connectivity_and_value_added_services 1Q01"]);
});

test("a declared inconsistency that ties is itself a failure, so declarations stay true", () => {
  const stale: Release = {
    ...RELEASE_2001_08_14,
    inconsistencies: [
      ...RELEASE_2001_08_14.inconsistencies,
      { checkId: "footing:INCOME:total_revenues", period: "1Q01", rowId: "", explanation: "test" },
    ],
  };
  const [r] = runChecks(new IIJModel([stale])).filter(
    (x) => x.checkId === "footing:INCOME:total_revenues" && x.period === "1Q01"
  );
  expect(r.status).toBe("fail");
});

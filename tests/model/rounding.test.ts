/**
 * The checks allow a rounded figure to miss by half a unit of its last printed place, and no more:
 * a USD cell is JPY / rate rounded half up to its printed places, a % cell likewise, the USD column
 * foots within half a unit per rounded figure, and a table printed in JPY millions ties to the
 * statements' JPY thousands within half a million. Each rule is pinned here just inside (0.5 of a
 * unit) and just outside (0.6 of a unit) on a synthetic release: TEST-ONLY data, invented figures,
 * at an easy rate of JPY 100 = USD 1.
 */
import type { PrintedRow, Release } from "../../src/data/types";
import { type CheckResult, IIJModel, runChecks } from "../../src/model";

interface Cells {
  /** Balance sheet rows: [USD, JPY, %] for 1Q01. */
  readonly balance: Readonly<Record<string, readonly [string, string, string]>>;
  /** Cash-flow Depreciation and amortization, JPY thousands. */
  readonly cashflowDA?: string;
  /** Table 5 Depreciation and amortization, JPY millions. */
  readonly tableDA?: string;
}

const LABELS: Record<string, string> = {
  cash: "Cash",
  total_assets: "Total assets",
  total_liabilities_and_shareholders_equity: "Total liabilities and shareholders' equity",
};

function synthetic({ balance, cashflowDA = "100,000", tableDA = "100" }: Cells): Release {
  const row = (id: string, section: string, cells: readonly string[]): PrintedRow => ({
    id,
    label: LABELS[id] ?? "Depreciation and amortization",
    section,
    cells,
  });
  return {
    id: "2099-01-01",
    title: "TEST ONLY: synthetic release for the rounding rules",
    date: "2099-01-01",
    latestQuarter: "1Q01",
    source: "test fixture",
    rate: { jpyPerUsd: "100", asOf: "2001-06-29", printed: "JPY 100 = $1 (test)" },
    tables: [
      {
        statement: "BALANCE",
        title: "Consolidated Balance Sheets",
        page: "Appendix 2",
        unit: "JPY thousands",
        columns: [
          { header: "Jun 30, 2001 USD", period: "1Q01", measure: "usd" },
          { header: "Jun 30, 2001 JPY", period: "1Q01", measure: "amount" },
          { header: "Jun 30, 2001 %", period: "1Q01", measure: "pctOfTotal" },
        ],
        rows: Object.entries(balance).map(([id, cells]) => row(id, "ASSETS", cells)),
      },
      {
        statement: "CASHFLOW",
        title: "Condensed Consolidated Statements of Cash Flows",
        page: "Appendix 3",
        unit: "JPY thousands",
        columns: [{ header: "Jun 30, 2001 JPY", period: "1Q01", measure: "amount" }],
        rows: [row("depreciation_and_amortization", "Operating Activities", [cashflowDA])],
      },
      {
        statement: "KPI",
        title: "Table 5. Other Financial Statistics",
        page: "page 7",
        unit: "JPY millions",
        columns: [{ header: "1Q01", period: "1Q01", measure: "amount" }],
        rows: [row("depreciation_and_amortization", "Other Financial Statistics", [tableDA])],
      },
    ],
    guidance: { title: "None", page: "none", ranges: [], outlooks: [] },
    repairs: [],
    inconsistencies: [],
  };
}

function check(cells: Cells, checkId: string): CheckResult {
  const found = runChecks(new IIJModel([synthetic(cells)])).filter(
    (r) => r.checkId === checkId && r.period === "1Q01"
  );
  expect(found).toHaveLength(1);
  return found[0];
}

/** A balanced sheet whose USD cells are the given texts; the JPY and % cells tie exactly. */
const balanced = (assetsUsd: string, liabilitiesUsd: string): Cells => ({
  balance: {
    total_assets: [assetsUsd, "100,000", "100.0"],
    total_liabilities_and_shareholders_equity: [liabilitiesUsd, "100,000", "100.0"],
  },
});

describe("a USD cell must be JPY / rate rounded half up to its printed places", () => {
  // Total assets JPY 100,050 thousand / 100 = USD 1,000.5 thousand, and so on.
  test.each([
    ["0.5 above JPY / rate", "100,050", "1,001", "pass"],
    ["0.49 below JPY / rate", "100,049", "1,000", "pass"],
    ["0.6 above JPY / rate", "100,040", "1,001", "fail"],
    ["0.6 below JPY / rate", "100,060", "1,000", "fail"],
    ["0.05 above, printed to one decimal", "100,045", "1,000.5", "pass"],
    ["0.06 above, printed to one decimal", "100,044", "1,000.5", "fail"],
  ])("printed %s (JPY %s, USD %s): %s", (_case, jpy, usd, status) => {
    const cells: Cells = {
      balance: {
        total_assets: [usd, jpy, "100.0"],
        total_liabilities_and_shareholders_equity: ["", jpy, "100.0"],
      },
    };
    expect(check(cells, "usd:BALANCE").status).toBe(status);
  });
});

describe("a % cell must be the figure / base x 100 rounded half up to its printed places", () => {
  // Cash / total assets of JPY 100,000 thousand: 25,050 is 25.05%, printed 25.1.
  test.each([
    ["0.05 below the printed 25.1 (half a unit)", "25,050", "pass"],
    ["0.06 below the printed 25.1", "25,040", "fail"],
    ["0.05 above the printed 25.0 (half a unit, which rounds up)", "25,050", "fail", "25.0"],
    ["0.04 above the printed 25.0", "25,040", "pass", "25.0"],
  ])("cash %s (JPY %s): %s", (_case, jpy, status, printed = "25.1") => {
    const cells: Cells = {
      balance: {
        cash: ["", jpy, printed],
        total_assets: ["", "100,000", "100.0"],
        total_liabilities_and_shareholders_equity: ["", "100,000", "100.0"],
      },
    };
    expect(check(cells, "percent:BALANCE").status).toBe(status);
  });
});

describe("the USD column balances within half a unit per rounded figure", () => {
  // Two rounded figures: total assets printed whole, the other side to one decimal, so the
  // allowance is 0.5 + 0.05 = 0.55 thousand dollars.
  test.each([
    ["0.5 apart", "1,000", "1,000.5", "pass"],
    ["0.6 apart", "1,000", "1,000.6", "fail"],
    ["0.6 apart the other way", "1,000", "999.4", "fail"],
  ])("USD sides %s (%s vs %s): %s", (_case, assets, liabilities, status) => {
    const result = check(balanced(assets, liabilities), "balance:BALANCE:total_assets:usd");
    expect(result.status).toBe(status);
    if (status === "pass") expect(result.detail).toContain("within rounding (+/-0.55)");
  });

  test("two whole-dollar figures may be 1 apart (half a unit each), not 2", () => {
    expect(check(balanced("1,000", "1,001"), "balance:BALANCE:total_assets:usd").status).toBe(
      "pass"
    );
    expect(check(balanced("1,000", "1,002"), "balance:BALANCE:total_assets:usd").status).toBe(
      "fail"
    );
  });
});

describe("a JPY-millions table figure ties to JPY thousands / 1,000 within half a million", () => {
  // Table 5 prints 407 (JPY millions); the cash flows print D&A in JPY thousands.
  test.each([
    ["406,500 (0.5 million below the printed 407)", "pass", "406,500"],
    ["407,500 (0.5 million above)", "pass", "407,500"],
    ["406,400 (0.6 million below)", "fail", "406,400"],
    ["407,600 (0.6 million above)", "fail", "407,600"],
  ])("cash-flow D&A %s: %s", (_case, status, thousands) => {
    const cells: Cells = { ...balanced("1,000", "1,000"), cashflowDA: thousands, tableDA: "407" };
    const result = check(cells, "tie:KPI:depreciation_and_amortization");
    expect(result.status).toBe(status);
    if (status === "fail") expect(result.detail).toContain("beyond the rounding");
  });
});

/** GROWTH, MARGIN, STATEMENT, SOURCE: expected values worked from the printed page by hand. */
import { defaultModel, growth, margin, source, statementGrid, IIJError } from "../../src/model";

const model = defaultModel();

describe("growth is this / comparison - 1 from printed figures, exactly", () => {
  test.each([
    // 8,332,898 / 7,245,795 - 1 = 0.150032...: the release prints YOY 15.0%
    ["1Q01", "Total revenues", "YoY", "0.150"],
    // 8,332,898 / 9,199,575 - 1 = -0.094208...: printed QOQ (9.4)%
    ["1Q01", "Total revenues", "QoQ", "-0.094"],
    // 376 / 295 - 1 = 0.274576...: "a 27.5% increase from 4Q00"
    ["1Q01", "EBITDA", "QoQ", "0.275"],
    // 12,574,744 / 13,570,707 - 1 = -0.073391...
    ["1Q01", "Cash", "QoQ", "-0.073"],
  ])("%s %s %s rounds to %s", (p, item, basis, rounded) => {
    expect(growth(model, p, item, basis).toFixed(3)).toBe(rounded);
  });

  test("8,332,898 / 7,245,795 - 1 exactly", () => {
    expect(growth(model, "1Q01", "Revenue").times(7245795).toString()).toBe(
      String(8332898 - 7245795)
    );
  });

  test.each([
    // A loss to a smaller loss: the release prints (65.3) in its YOY Chg % column, which says the
    // loss shrank; as growth it is not meaningful, and the message points at the printed column.
    [
      "1Q01",
      "Operating loss",
      "YoY",
      /not meaningful \(n\.m\.\).*1Q00 is -864711.*prints \(65\.3\)/,
    ],
    // (251) to 376 JPY millions: a change of sign, not a growth of -249.8%.
    ["1Q01", "EBITDA", "YoY", /not meaningful \(n\.m\.\): 1Q00 is -251 and 1Q01 is 376/],
    ["4Q00", "Revenue", "YoY", /needs 4Q99/],
    ["1Q00", "Revenue", "QoQ", /needs 4Q99/],
    ["1Q01", "Revenue", "MoM", /basis must be "YoY".*or "QoQ"/],
    ["1Q01", "Nonsense", "YoY", /No statement or table has an item "Nonsense"/],
    ["1Q01", "Proceeds from long-term borrowings", "YoY", /undefined: 1Q00 is 0/],
  ])("GROWTH(%p, %p, %p) is an error", (p, item, basis, message) => {
    expect(() => growth(model, p, item, basis)).toThrow(message);
  });
});

describe("margins over total revenues", () => {
  test.each([
    // (8,332,898 - 7,288,298) / 8,332,898 = 0.125359: "Gross margin for 1Q01 increased to 12.5%"
    ["1Q01", "gross", "0.125"],
    ["1Q00", "gross", "0.063"],
    ["4Q00", "gross", "0.087"],
    // (299,814) / 8,332,898: "operating loss ratio was (-)3.6%"
    ["1Q01", "operating", "-0.036"],
    // 376,000 / 8,332,898 (Table 5's EBITDA, JPY millions)
    ["1Q01", "EBITDA", "0.045"],
    ["1Q01", "net", "-0.200"],
    ["1Q01", "S&M", "0.098"],
  ])("%s %s rounds to %s", (p, kind, rounded) => {
    expect(margin(model, p, kind).toFixed(3)).toBe(rounded);
  });

  test.each([
    ["1Q01", "Basic Net Loss Per Share", /not an amount/],
    ["1Q01", "gros", /not a margin. Did you mean "gross"/],
    ["1Q01", 5, /must be text/],
  ])("MARGIN(%p, %p) is an error", (p, kind, message) => {
    expect(() => margin(model, p, kind)).toThrow(message);
  });
});

describe("STATEMENT spills each statement whole", () => {
  test.each([
    ["INCOME", 29],
    ["BALANCE", 33],
    ["CASHFLOW", 29],
    ["KPI", 21],
  ] as const)("%s: a header and %i rows, periods oldest first", (statement, rows) => {
    const grid = statementGrid(model, statement);
    expect(grid.length).toBe(rows + 1);
    expect(grid[0].slice(1)).toEqual(["1Q00", "4Q00", "1Q01"]);
  });

  test("labels printed twice carry their section; per-share rows keep JPY in a millions grid", () => {
    const cf = statementGrid(model, "CASHFLOW").map((r) => r[0]);
    expect(cf).toContain("Other (Operating Activities)");
    expect(cf).toContain("Other (Investing Activities)");
    const income = statementGrid(model, "INCOME", "JPY millions");
    const eps = income.find((r) => r[0] === "Basic Net Loss Per Share (JPY)")!;
    expect(eps.slice(1).map(String)).toEqual(["-90360", "-60183", "-74060"]);
    const revenue = income.find((r) => r[0] === "Total revenues")!;
    expect(revenue.slice(1).map(String)).toEqual(["7245.795", "9199.575", "8332.898"]);
  });

  test("guidance spills low, mid, high and the outlook", () => {
    const grid = statementGrid(model, "GUIDANCE");
    expect(grid[0]).toEqual(["Guidance (JPY millions)", "Period", "Low", "Mid", "High", "Outlook"]);
    expect(grid[1].slice(0, 5).map(String)).toEqual(["Revenues", "2Q01", "9000", "9250", "9500"]);
    const fy = grid.find((r) => r[0] === "Operating Income (Loss)" && r[1] === "FY2001")!;
    expect(fy[2]).toBeInstanceOf(IIJError);
    expect(fy[5]).toMatch(/positive operating income/);
  });

  test("with a unit, the tables' amounts spill in it; counts and rates keep theirs and say so", () => {
    const grid = statementGrid(model, "KPI", "JPY thousands");
    expect(grid[0]).toEqual([
      "KPI (Tables 1-5, amounts in JPY thousands, others as printed)",
      "1Q00",
      "4Q00",
      "1Q01",
    ]);
    const row = (label: string) =>
      grid
        .find((r) => r[0] === label)!
        .slice(1)
        .map(String);
    // Table 4 as printed: 1,433 / 1,409 / 867 JPY millions.
    expect(row("International Backbone Costs (JPY thousands)")).toEqual([
      "1433000",
      "1409000",
      "867000",
    ]);
    // Table 1 as printed: 2,185 / 2,596 / 2,657 contracts.
    expect(row("Total Dedicated Access Services Contracts (contracts)")).toEqual([
      "2185",
      "2596",
      "2657",
    ]);
  });

  test("with a unit, guidance's bounds spill in it, as IIJ.GUIDANCE answers them", () => {
    const grid = statementGrid(model, "GUIDANCE", "JPY thousands");
    expect(grid[0][0]).toBe("Guidance (JPY thousands)");
    // Printed: 9,000 - 9,500 JPY millions; mid 9,250.
    expect(grid[1].slice(0, 5).map(String)).toEqual([
      "Revenues",
      "2Q01",
      "9000000",
      "9250000",
      "9500000",
    ]);
  });

  test.each(["contracts", "constructor", "__proto__", "EUR"])(
    "a unit the tables' amounts cannot take (%s) is #VALUE! naming the units they can",
    (unit) => {
      for (const statement of ["KPI", "GUIDANCE"] as const)
        expect(() => statementGrid(model, statement, unit)).toThrow(/Units for .*"JPY thousands"/);
    }
  );
});

describe("SOURCE cites the printed page", () => {
  test("a statement figure: release, statement, page, row, column, printed figure, unit", () => {
    // With its statement: without one the name could also be Table 3's row (ambiguous-aliases.test.ts).
    expect(source(model, "1Q01", "Dedicated access services", "INCOME")).toBe(
      'IIJ earnings release of August 14, 2001 (2001-08-14), Consolidated Statements of Operations (Appendix 1), row "Dedicated access services" under Revenues / Connectivity and value-added services, column "Jun 30, 2001 JPY" (1Q01): printed 3,386,912 JPY thousands.'
    );
  });

  test("a repaired figure says what the OCR showed and why", () => {
    expect(source(model, "4Q00", "Cash")).toMatch(
      /printed 13,570,707 JPY thousands\. OCR repair: the OCR text shows 13,570,707 \(heading row\); 13,370,707 \(Cash row\)/
    );
  });

  test("a KPI with a footnote, and guidance", () => {
    expect(source(model, "1Q01", "EBITDA")).toMatch(
      /Table 5\. Other Financial Statistics \(page 7\).*printed 376 JPY millions.*Footnote: \(\*1\)/
    );
    expect(source(model, "2Q01", "Revenues", "GUIDANCE")).toMatch(
      /page 2\), row "Revenues", 2Q01: printed "9,000 - 9,500" JPY millions/
    );
  });

  test("an outlook is cited where its words are printed, not in the 2Q01 range table", () => {
    const revenues = source(model, "FY2001", "Revenues", "GUIDANCE");
    expect(revenues).toMatch(
      /"Overview of the 1Q Results and Business Outlook", the quote of Yasuhiro Nishi, CFO \(page 2\), "Revenues", FY2001: the outlook: "We also expect sales revenues/
    );
    expect(revenues).not.toMatch(/Anticipated Financial Performance for the 2nd Quarter/);
    expect(source(model, "FY2001", "Operating income", "GUIDANCE")).toMatch(
      /"The 1st Quarter of FY2001 Results Summary", the last bullet \(page 1\), "Operating Income \(Loss\)", FY2001: the outlook: "IIJ expects to report positive operating income/
    );
  });

  test("the statement argument picks the cash flow's Net loss over the statements of operations'", () => {
    expect(source(model, "1Q01", "Net loss")).toMatch(/Consolidated Statements of Operations/);
    expect(source(model, "1Q01", "Net loss", "CASHFLOW")).toMatch(
      /Condensed Consolidated Statements of Cash Flows \(Appendix 3\)/
    );
  });
});

/** Figures typed from the printed page (statements in JPY thousands; tables in their units). */
import { Dec, defaultModel } from "../../src/model";

const model = defaultModel();
const amount = (s: "INCOME" | "BALANCE" | "CASHFLOW", p: unknown, i: string, u?: string) =>
  model.statementAmount(s, p, i, u).value.toString();

describe("statement amounts are the printed figures", () => {
  test.each([
    ["INCOME", "1Q01", "Total revenues", "8332898"],
    ["INCOME", "1Q00", "Total revenues", "7245795"],
    ["INCOME", "4Q00", "Total revenues", "9199575"],
    ["INCOME", "1Q01", "Dedicated access services", "3386912"],
    ["INCOME", "1Q01", "Operating loss", "-299814"],
    ["INCOME", "4Q00", "Other income (expenses)", "126677"],
    ["INCOME", "4Q00", "Income tax expense (benefit)", "-96070"],
    ["INCOME", "1Q01", "Net loss", "-1664876"],
    ["INCOME", "1Q01", "Basic Net Loss Per Share", "-74060"],
    ["INCOME", "1Q00", "Basic Net Loss Per ADS Equivalent", "-45.18"],
    ["INCOME", "4Q00", "Weighted Average Number of ADS Equivalents", "44960000"],
    ["BALANCE", "1Q01", "Cash", "12574744"],
    ["BALANCE", "1Q00", "Cash", "17660882"],
    ["BALANCE", "4Q00", "Cash", "13570707"],
    ["BALANCE", "1Q00", "Short-term investments", "6028260"],
    ["BALANCE", "1Q01", "Short-term investments", "0"],
    ["BALANCE", "4Q00", "Accounts receivable, net", "5417456"],
    ["BALANCE", "1Q01", "Total assets", "48552248"],
    ["BALANCE", "1Q01", "Accumulated deficit", "-12427210"],
    ["CASHFLOW", "1Q01", "Net cash used in operating activities", "-231079"],
    ["CASHFLOW", "1Q00", "Net proceeds from issuance of convertible notes", "14502639"],
    ["CASHFLOW", "1Q01", "Investments in and advances to affiliated companies", "0"],
    ["CASHFLOW", "4Q00", "investing_other", "-103925"],
    ["CASHFLOW", "1Q00", "operating_other", "-362329"],
    ["CASHFLOW", "4Q00", "Cash, Beginning of Period", "14602816"],
  ] as const)("%s %s %s = %s", (s, p, i, v) => {
    expect(amount(s, p, i)).toBe(v);
  });
});

test("a balance is reachable by quarter, ISO date, printed date or Excel date serial", () => {
  for (const p of ["1Q01", "2001-06-30", "Jun 30, 2001", 37072, "FQ0", "Q1 FY2001"]) {
    expect(amount("BALANCE", p, "Cash")).toBe("12574744");
  }
});

describe("units convert the printed JPY thousands exactly", () => {
  test.each([
    ["JPY millions", "3386.912"],
    ["jpy MILLIONS", "3386.912"],
    ["JPY", "3386912000"],
    ["JPY thousands", "3386912"],
    ["USD thousands (as printed)", "27154"],
  ])("Dedicated access services 1Q01 in %s = %s", (unit, value) => {
    expect(amount("INCOME", "1Q01", "Dedicated", unit)).toBe(value);
  });

  test("USD thousands is JPY / 124.73 without rounding", () => {
    const usd = model.statementAmount("INCOME", "1Q01", "Dedicated", "USD thousands").value;
    // 3,386,912 / 124.73 = 27,153.948528822256073117934739... (worked by hand to 30 digits)
    expect(usd.toSignificantDigits(30).toString()).toBe("27153.948528822256073117934739");
    expect(usd.times(new Dec("124.73")).toDecimalPlaces(20).toString()).toBe("3386912");
  });

  test("per-share figures are in JPY and convert only to USD", () => {
    expect(amount("INCOME", "1Q01", "EPS", "JPY")).toBe("-74060");
    expect(() => amount("INCOME", "1Q01", "EPS", "JPY millions")).toThrow(
      /printed in JPY.*"JPY" or "USD"/
    );
  });

  test.each([["EUR"], ["millions of yen please"], ["USD millions"]])(
    "%p is #VALUE! listing the units",
    (unit) => {
      expect(() => amount("INCOME", "1Q01", "Revenue", unit)).toThrow(
        /Units for "Total revenues": "JPY thousands", "JPY millions", "JPY", "USD thousands", "USD"/
      );
    }
  );

  test("the printed USD column exists for the latest quarter only", () => {
    expect(() => amount("INCOME", "4Q00", "Revenue", "USD printed")).toThrow(
      /prints no USD figure.*printed USD columns: 1Q01/
    );
  });
});

describe("tables keep NA, - and 0 apart", () => {
  test("a printed NA is #N/A with the release's reason", () => {
    expect(() => model.kpi("4Q00", "IIJ DSL/F")).toThrow(
      /Not applicable.*"NA".*launched in May 2001/
    );
  });
  test("a printed '-' is 0", () => {
    expect(amount("CASHFLOW", "1Q01", "Purchase of short-term investments")).toBe("0");
  });
  test("KPIs are in their printed units", () => {
    expect(model.kpi("1Q01", "EBITDA")).toMatchObject({ unit: "JPY millions" });
    expect(model.kpi("1Q01", "EBITDA").value.toString()).toBe("376");
    expect(model.kpi("1Q00", "EBITDA").value.toString()).toBe("-251");
    expect(model.kpi("1Q01", "Bandwidth").value.toString()).toBe("4.6");
    expect(model.kpi("4Q00", "Total Dial-up Access Services Contracts").value.toString()).toBe(
      "162130"
    );
  });
});

test("a period no release prints is #N/A listing the printed periods", () => {
  expect(() => amount("INCOME", "2Q01", "Revenue")).toThrow(/INCOME periods: 1Q00, 4Q00, 1Q01/);
  expect(() => amount("INCOME", "FY2001", "Revenue")).toThrow(/quarterly/);
});

import { invoke } from "../../src/functions/library";
import { isIIJError } from "../../src/model";

const errorOf = (name: string, args: unknown[]) => {
  const r = invoke(name, args);
  if (!isIIJError(r)) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r;
};

describe("the functions return the printed figures as numbers", () => {
  test.each([
    ["INCOME", ["1Q01", "Total revenues"], 8332898],
    ["INCOME", ["1Q01", "Dedicated", "JPY millions"], 3386.912],
    ["INCOME", ["1Q01", "Total revenues", null], 8332898],
    ["BALANCE", ["2001-06-30", "Cash"], 12574744],
    ["BALANCE", [36981, "Total assets"], 50640802],
    ["CASHFLOW", ["1Q01", "Net cash used in operating activities"], -231079],
    ["CASHFLOW", ["1Q00", "investing_other"], 27437],
    ["KPI", ["1Q01", "EBITDA"], 376],
    ["KPI", ["1Q00", "EBITDA"], -251],
    ["GUIDANCE", ["2Q01", "Revenues", "mid"], 9250],
    ["GUIDANCE", ["2Q01", "EBITDA", null], 655],
  ])("IIJ.%s(%j) = %p", (name, args, value) => {
    expect(invoke(name, args)).toBe(value);
  });
});

describe("bad arguments never give a number: an error value naming the valid choices", () => {
  test.each([
    ["INCOME", ["2Q01", "Revenue"], "#N/A", /INCOME periods: 1Q00, 4Q00, 1Q01/],
    ["INCOME", ["1Q01", "Revenuez"], "#N/A", /Did you mean "Total revenues"/],
    ["INCOME", ["1Q01", "Revenue", "EUR"], "#VALUE!", /"JPY thousands", "JPY millions"/],
    ["INCOME", ["1Q01", "Revenue", 1000], "#VALUE!", /unit must be text/],
    ["INCOME", [true, "Revenue"], "#VALUE!", /TRUE or FALSE/],
    ["INCOME", ["1Q01", false], "#VALUE!", /must be text.*Valid INCOME items/],
    ["INCOME", ["1Q01", 42], "#VALUE!", /must be text/],
    ["INCOME", [null, "Revenue"], "#VALUE!", /period is required/],
    ["INCOME", ["1Q01", null], "#VALUE!", /item is required/],
    ["INCOME", ["1Q01", "Revenue", "JPY", "extra"], "#VALUE!", /at most 3 arguments/],
    ["BALANCE", ["2001-06-29", "Cash"], "#N/A", /not a fiscal quarter end/],
    ["CASHFLOW", ["1Q01", "Other"], "#VALUE!", /ambiguous.*operating_other.*investing_other/],
    ["KPI", ["4Q00", "IIJ DSL/F"], "#N/A", /Not applicable.*launched in May 2001/],
    ["KPI", ["1Q01", "Revenue"], "#N/A", /KPI has no metric/],
    ["GUIDANCE", ["2Q01", "Revenues", "median"], "#VALUE!", /"low", "mid", "high" or "text"/],
    ["GUIDANCE", ["FY2001", "Operating income", "low"], "#N/A", /qualitative outlook/],
    ["NOPE", ["1Q01"], "#VALUE!", /no function IIJ.NOPE.*IIJ.INCOME/],
  ])("IIJ.%s(%j) is %s", (name, args, kind, message) => {
    const e = errorOf(name, args);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
  });
});

test("an unexpected internal failure becomes a #VALUE! that says so, never an exception", () => {
  const broken = {
    resolveQuarter: () => {
      throw new TypeError("boom");
    },
  } as never;
  const r = invoke("INCOME", ["1Q01", "Revenue"], broken);
  expect(isIIJError(r) && r.kind).toBe("#VALUE!");
  expect(isIIJError(r) && r.message).toMatch(/Internal error in IIJ.INCOME: boom/);
});

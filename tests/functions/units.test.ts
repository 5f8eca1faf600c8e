/**
 * IIJ.KPI and IIJ.GUIDANCE take the statements' unit argument. Their default stays the printed
 * JPY millions (existing workbooks keep their values); an explicit unit converts exactly, so that
 * guidance and the statements can be combined on one scale. Expected values are worked by hand from
 * the printed figures of src/data/releases/2001-08-14-1q01.ts.
 */
import { evaluateFormula } from "../../src/functions/formula-text";
import { invoke } from "../../src/functions/library";
import { isIIJError } from "../../src/model";

const value = (formula: string) => {
  const r = evaluateFormula(formula);
  if (isIIJError(r)) throw new Error(`${formula}: ${r.toString()}`);
  return r;
};

describe("GUIDANCE in the statements' unit", () => {
  test('GUIDANCE("2Q01","Revenues","Mid","JPY thousands") is on REVENUE\'s scale: 9,250,000', () => {
    const guided = value('=IIJ.GUIDANCE("2Q01","Revenues","Mid","JPY thousands")');
    expect(guided).toBe(9250000);
    // Against 1Q01's printed 8,332,898 JPY thousands: 11% above, not 1,000 times below.
    const revenue = value('=IIJ.REVENUE("1Q01")') as number;
    expect(revenue).toBe(8332898);
    expect((guided as number) / revenue).toBeCloseTo(1.11, 2);
  });

  test.each([
    // [formula, expected]: (9,000 + 9,500) / 2 = 9,250 JPY millions as printed.
    ['=IIJ.GUIDANCE("2Q01","Revenues","mid")', 9250],
    ['=IIJ.GUIDANCE("2Q01","Revenues","mid","JPY millions")', 9250],
    ['=IIJ.GUIDANCE("2Q01","Revenues","low","JPY thousands")', 9000000],
    ['=IIJ.GUIDANCE("2Q01","Revenues","high","JPY")', 9500000000],
    ['=IIJ.GUIDANCE("2Q01","Operating income","low","JPY thousands")', -100000],
    ['=IIJ.GUIDANCE("2Q01","Operating income","high","JPY thousands")', 50000],
    ['=IIJ.GUIDANCE("2Q01","EBITDA",,"JPY thousands")', 655000],
    // 9,250,000,000 JPY / 124.73 (the guiding release's rate) / 1,000.
    ['=IIJ.GUIDANCE("2Q01","Revenues","mid","USD thousands")', 74160.18600176381],
    // -100,000,000 JPY / 124.73.
    ['=IIJ.GUIDANCE("2Q01","Operating income","low","USD")', -801731.7405596088],
    ['=IIJ.GUIDANCE("2Q01","Revenues","mid","JPY mn")', 9250],
    ['=IIJ.GUIDANCE("2Q01","Revenues","mid","thousands")', 9250000],
  ])("%s = %p", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  test.each([
    ['=IIJ.GUIDANCE("FY2001","Revenues",,"JPY thousands")', /is words, which take no unit/],
    ['=IIJ.GUIDANCE("2Q01","Revenues","text","JPY")', /with the bound "text" is words/],
    [
      '=IIJ.GUIDANCE("2Q01","Revenues","mid","EUR")',
      /"EUR" is not a unit.*"JPY millions", "JPY thousands"/,
    ],
    ['=IIJ.GUIDANCE("2Q01","Revenues","mid","USD printed")', /cannot be given in "USD printed"/],
    ['=IIJ.GUIDANCE("2Q01","Revenues","mid",1000)', /unit must be text/],
  ])("%s is #VALUE!", (formula, message) => {
    const r = evaluateFormula(formula);
    expect(isIIJError(r) && r.kind).toBe("#VALUE!");
    expect(isIIJError(r) && r.message).toMatch(message);
  });

  test("words without a unit are still words", () => {
    expect(value('=IIJ.GUIDANCE("FY2001","Revenues")')).toMatch(/^We also expect sales revenues/);
  });
});

describe("KPI amounts in any amount unit; counts and bandwidth in their own", () => {
  test.each([
    // Backward compatible: no unit is the printed unit.
    ['=IIJ.KPI("1Q01","EBITDA")', 376],
    ['=IIJ.KPI("1Q01","EBITDA","JPY millions")', 376],
    ['=IIJ.KPI("1Q01","EBITDA","JPY thousands")', 376000],
    ['=IIJ.KPI("1Q01","EBITDA","JPY")', 376000000],
    ['=IIJ.KPI("1Q00","EBITDA","JPY thousands")', -251000],
    ['=IIJ.KPI("1Q01","EBITDA","USD")', 3014511.344504129],
    ['=IIJ.KPI("1Q01","EBITDA","USD thousands")', 3014.511344504129],
    // Table 4 backbone costs and Table 5 CAPEX, D&A; Table 2's revenue breakdown.
    ['=IIJ.KPI("1Q01","International Backbone Costs","JPY thousands")', 867000],
    ['=IIJ.KPI("4Q00","Domestic backbone","JPY thousands")', 714000],
    ['=IIJ.KPI("1Q01","CAPEX","JPY thousands")', 1076000],
    ['=IIJ.KPI("1Q01","depreciation_and_amortization","JPY thousands")', 706000],
    ['=IIJ.KPI("1Q01","IP Service revenue","JPY thousands")', 3048000],
    // Counts and bandwidth: their own unit, or none.
    ['=IIJ.KPI("1Q01","Total Dedicated Access Services Contracts")', 2657],
    ['=IIJ.KPI("1Q01","Total Dedicated Access Services Contracts","contracts")', 2657],
    ['=IIJ.KPI("1Q01","Bandwidth","Gbps")', 4.6],
  ])("%s = %p", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  test.each([
    [
      '=IIJ.KPI("1Q01","Total Dedicated Access Services Contracts","JPY millions")',
      /printed in contracts, not an amount: it takes no unit but "contracts"/,
    ],
    [
      '=IIJ.KPI("1Q01","Bandwidth","USD")',
      /printed in Gbps, not an amount: it takes no unit but "Gbps"/,
    ],
    ['=IIJ.KPI("1Q01","Bandwidth","contracts")', /printed in Gbps/],
    [
      '=IIJ.KPI("1Q01","EBITDA","USD thousands (as printed)")',
      /printed in JPY millions and cannot be given in "USD thousands \(as printed\)"/,
    ],
    ['=IIJ.KPI("1Q01","EBITDA","Gbps")', /"Gbps" is not a unit/],
  ])("%s is #VALUE!, naming the metric's unit", (formula, message) => {
    const r = evaluateFormula(formula);
    expect(isIIJError(r) && r.kind).toBe("#VALUE!");
    expect(isIIJError(r) && r.message).toMatch(message);
  });

  test("a KPI amount in JPY thousands is on the statements' scale: Table 5 D&A against the cash flow's", () => {
    const table = value('=IIJ.KPI("1Q01","D&A","JPY thousands")') as number;
    const cashflow = value('=IIJ.CASHFLOW("1Q01","D&A")') as number;
    expect(Math.abs(table - cashflow)).toBeLessThan(500); // 706,000 against the printed 706,463
  });
});

describe("unit names", () => {
  test.each([
    // "thousands" once meant USD thousands: "$ thousands" without punctuation is "thousands".
    ['=IIJ.INCOME("1Q01","Total revenues","thousands")', 8332898],
    ['=IIJ.KPI("1Q01","EBITDA","thousands")', 376000],
    // 8,332,898,000 JPY / 124.73 / 1,000.
    ['=IIJ.INCOME("1Q01","Total revenues","US$ thousands")', 66807.48817445683],
    ['=IIJ.INCOME("1Q01","Total revenues","USD thousands")', 66807.48817445683],
  ])("%s = %p", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });
});

describe("the unit of every result is said", () => {
  test.each([
    [
      '=IIJ.SOURCE("1Q01","EBITDA","KPI")',
      /printed 376 JPY millions.*IIJ\.KPI returns it in JPY millions as printed unless its unit argument names another/,
    ],
    [
      '=IIJ.SOURCE("2Q01","Revenues","GUIDANCE")',
      /printed "9,000 - 9,500" JPY millions\. IIJ\.GUIDANCE returns it in JPY millions as printed/,
    ],
    ['=IIJ.SOURCE("1Q01","Dedicated contracts","KPI")', /printed 2,657 contracts\.$/],
  ])("%s", (formula, citation) => {
    expect(value(formula)).toMatch(citation);
  });
});

describe("the new unit arguments never find an Object-prototype member", () => {
  const calls = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"].flatMap(
    (name) => [
      ["KPI", ["1Q01", "EBITDA", name]],
      ["KPI", ["1Q01", "Bandwidth", name]],
      ["GUIDANCE", ["2Q01", "Revenues", "mid", name]],
      ["GUIDANCE", ["2Q01", "Revenues", name, "JPY thousands"]],
    ]
  ) as [string, unknown[]][];

  test.each(calls)("IIJ.%s(%j) is #VALUE! with a message", (name, args) => {
    const r = invoke(name, args);
    expect(isIIJError(r) && r.kind).toBe("#VALUE!");
    expect(isIIJError(r) && r.message).not.toMatch(/Internal error/);
  });
});

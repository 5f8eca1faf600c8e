/**
 * IIJ.STATED reads the figures the release states only in its text; IIJ.PRINTED the statements'
 * printed % of total, Chg % and USD cells as printed. Expected values are typed from the release.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RELEASE_2001_08_14 } from "../../src/data/releases/2001-08-14-1q01";
import type { Release } from "../../src/data/types";
import { evaluateFormula, findStatedWithValues } from "../../src/functions/formula-text";
import { invoke } from "../../src/functions/library";
import { IIJModel, defaultModel, isIIJError, statedSource } from "../../src/model";
import { ingestRelease } from "../../src/model/ingest";

const value = (formula: string) => evaluateFormula(formula);

test.each([
  ['=IIJ.STATED("1Q01","Sales personnel expense")', 341],
  ['=IIJ.STATED("1Q01","sales personnel expense","YoY %")', 24.6],
  ['=IIJ.STATED("1Q01","Sales personnel expense","QoQ")', 8.7],
  ['=IIJ.STATED("1Q01","sales_personnel_expense")', 341],
  ['=IIJ.STATED("Q1 FY2001","International backbone costs","YoY %")', -39.5],
  ['=IIJ.STATED("4Q00","foreign exchange gain")', 412],
  ['=IIJ.STATED("1Q01","Foreign exchange gain")', 23],
  ['=IIJ.STATED("1Q01","Japan-US backbone lines")', 1.7],
  ['=IIJ.STATED("1Q01","Japan-US backbone lines","from")', 1.4],
  ['=IIJ.STATED("1Q01","Crosswave Communications affiliate")', 37.9],
  ['=IIJ.STATED("1Q01","IIJ\'s equity interests in Net Care")', 52.5],
  ['=IIJ.STATED("1Q01","Net Care will issue additional shares")', 11000],
  ['=IIJ.STATED("1Q01","contract number of DSL lines in Japan")', 400760],
  ['=IIJ.STATED("2Q01","EBITDA","high")', 730],
  ['=IIJ.STATED("1Q01","operating_loss_2")', 300],
  ['=IIJ.PRINTED("1Q01","Total revenues","YoY %")', 15],
  ['=IIJ.PRINTED("1Q01","Total revenues","QoQ %")', -9.4],
  ['=IIJ.PRINTED("1Q01","Dedicated access services","% of total")', 40.6],
  ['=IIJ.PRINTED("4Q00","Dedicated access services","% of total revenues")', 36.5],
  ['=IIJ.PRINTED("1Q01","Total value-added services","USD")', 7064],
  ['=IIJ.PRINTED("2001-06-30","Cash","% of total")', 25.9],
])("%s = %p", (formula, expected) => {
  expect(value(formula)).toBe(expected);
});

const error = (formula: string) => {
  const result = value(formula);
  if (!isIIJError(result)) throw new Error(`${formula} answered ${String(result)}`);
  return result;
};

test("an unknown subject is #N/A naming the figures stated for the period", () => {
  const e = error('=IIJ.STATED("1Q01","sales personel expense")');
  expect(e.kind).toBe("#N/A");
  expect(e.message).toMatch(/Did you mean "Sales personnel expense"\?/);
  expect(e.message).toMatch(
    /Figures stated for 1Q01: .*"Sales personnel expense" \(JPY341 million\)/
  );
});

test("a subject stated for other quarters says which", () => {
  expect(error('=IIJ.STATED("4Q00","Sales personnel expense")').message).toMatch(
    /"Sales personnel expense" is stated for 1Q01, not for 4Q00/
  );
});

test("a quarter with no stated figures names the quarters that have some", () => {
  const e = error('=IIJ.STATED("3Q01","Sales personnel expense")');
  expect(e.kind).toBe("#N/A");
  expect(e.message).toMatch(/Periods with stated figures: .*1Q01/);
});

test("two sentences stating different figures are ambiguous: #VALUE! naming both ids", () => {
  const e = error('=IIJ.STATED("1Q01","operating loss")');
  expect(e.kind).toBe("#VALUE!");
  expect(e.message).toMatch(
    /operating_loss \(\(-\)JPY300 million.* or operating_loss_2 \(JPY300 million/
  );
});

test("a measure the sentence does not state, or no measure at all, names the valid ones", () => {
  expect(error('=IIJ.STATED("1Q01","Japan-US backbone lines","YoY %")').message).toMatch(
    /"Japan-US backbone lines" is stated as "amount" or "from", not as "YoY %"/
  );
  expect(error('=IIJ.STATED("1Q01","Sales personnel expense","yearly")').message).toMatch(
    /"yearly" is no measure; measures: "amount", "YoY %"/
  );
});

test.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
  "%s names nothing, in any argument",
  (name) => {
    for (const formula of [
      `=IIJ.STATED("1Q01","${name}")`,
      `=IIJ.STATED("1Q01","Sales personnel expense","${name}")`,
      `=IIJ.STATED("${name}","Sales personnel expense")`,
      `=IIJ.PRINTED("1Q01","${name}","YoY %")`,
      `=IIJ.PRINTED("1Q01","Total revenues","${name}")`,
    ])
      expect(["#N/A", "#VALUE!"]).toContain(error(formula).kind);
  }
);

test.each(["0001-06-30", "FY2101 Q1", "Jun 30, 1901", "Q1 FY1901"])(
  "%s prints as 1Q01 but is another quarter: no stated figure, and the message says which quarter",
  (period) => {
    for (const formula of [
      `=IIJ.STATED("${period}","Sales personnel expense")`,
      `=IIJ.SOURCE("${period}","Sales personnel expense")`,
    ]) {
      const e = error(formula);
      expect(e.kind).toBe("#N/A");
      expect(e.message).not.toMatch(/JPY341|341/);
    }
    expect(error(`=IIJ.STATED("${period}","Sales personnel expense")`).message).toMatch(
      /for 1Q01 \(quarter ended Jun 30, (1|1901|2101)\)/
    );
  }
);

test("find lists a stated figure for the quarter asked, not for another that prints the same key", () => {
  const model = defaultModel();
  const labels = (period: string) =>
    findStatedWithValues(model, "sales personnel", { period }).map((f) => f.label);
  expect(labels("1Q01")).toContain("Sales personnel expense");
  expect(labels("FY2101 Q1")).toEqual([]);
  expect(labels("Jun 30, 1901")).toEqual([]);
});

test("a column the release did not print for the row and quarter names what it printed", () => {
  const e = error('=IIJ.PRINTED("1Q00","Total revenues","YoY %")');
  expect(e.kind).toBe("#N/A");
  expect(e.message).toMatch(/prints no "YoY %" for "Total revenues" in 1Q00/);
  expect(e.message).toMatch(/Printed for this row: .*YoY % 1Q01/);
  expect(error('=IIJ.PRINTED("1Q00","Cash","USD")').message).toMatch(/USD 1Q01/);
});

test("the column is required and must be one of the printed ones", () => {
  expect(isIIJError(invoke("PRINTED", ["1Q01", "Total revenues"]))).toBe(true);
  expect(error('=IIJ.PRINTED("1Q01","Total revenues","JPY bn")').message).toMatch(
    /"% of total", "YoY %", "QoQ %" or "USD"/
  );
});

test("a stated figure's source is its sentence, with its page and place", () => {
  const citation = statedSource(defaultModel(), "1Q01", "Sales personnel expense");
  expect(citation).toMatch(/IIJ earnings release of August 14, 2001 \(2001-08-14\), page 6/);
  expect(citation).toContain(
    '"Sales personnel expense increased 24.6% to JPY341 million in 1Q01 from 1Q00 and by 8.7% from 4Q00."'
  );
  expect(citation).toMatch(/printed JPY341 million; JPY millions, 1Q01/);
  expect(statedSource(defaultModel(), "1Q01", "Total revenuez")).toBeNull();
});

describe("over two releases (the next quarter's sample ingested beside the bundled one)", () => {
  const nextText = readFileSync(join(__dirname, "../ingest/cases/sample-next/release.txt"), "utf8");
  const next = ingestRelease(nextText).release as Release;
  const model = new IIJModel([RELEASE_2001_08_14, next]);
  const at = (formula: string) => evaluateFormula(formula, model);

  test.each([
    ['=IIJ.STATED("1Q01","Sales personnel expense")', 341],
    ['=IIJ.STATED("2Q01","Revenues from Internet data center services")', 508],
    ['=IIJ.STATED("2Q01","Revenues from Internet data center services","YoY %")', 131.5],
    ['=IIJ.STATED("2Q01","Japan-US backbone lines")', 2.4],
    ['=IIJ.STATED("2Q01","JPNAP now has network operators")', 25],
    ['=IIJ.STATED("2Q01","foreign exchange loss")', 3],
    ['=IIJ.STATED("1Q01","Equity in the net loss of affiliated companies")', 1219],
    ['=IIJ.STATED("1Q01@first","Japan-US backbone lines")', 1.7],
    ['=IIJ.STATED("2Q01","Japan-US backbone lines","from")', 1.7],
  ])("%s = %p", (formula, expected) => {
    expect(at(formula)).toBe(expected);
  });

  test("a figure both releases state is the later release's, cited by its sentence", () => {
    const citation = statedSource(model, "1Q01", "Net loss");
    expect(citation).toMatch(/November 13, 2001/);
    expect(citation).toContain("Net loss was JPY1,448 million in 2Q01");
  });
});

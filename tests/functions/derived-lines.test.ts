/**
 * The derived lines (gross profit, EBITDA as IIJ defines it, free cash flow, net debt) reached
 * through the statement functions, GROWTH, MARGIN and SOURCE. Every expected value is worked by
 * hand from the printed figures of src/data/releases/2001-08-14-1q01.ts and written literally.
 */
import { evaluateFormula } from "../../src/functions/formula-text";
import { traceCall } from "../../src/functions/library";
import {
  DERIVED_LINES,
  EBITDA_DEFINITION,
  TIES,
  defaultModel,
  derivedLine,
  isIIJError,
} from "../../src/model";

const value = (formula: string) => {
  const r = evaluateFormula(formula);
  if (isIIJError(r)) throw new Error(`${formula}: ${r.toString()}`);
  return r;
};
const error = (formula: string) => {
  const r = evaluateFormula(formula);
  if (!isIIJError(r)) throw new Error(`${formula}: expected an error, got ${String(r)}`);
  return r;
};

describe("each derived line, by its statement's function, from the printed figures", () => {
  test.each([
    // Gross profit = Total revenues - Total costs.
    ['=IIJ.INCOME("1Q01","Gross profit")', 1044600], // 8,332,898 - 7,288,298
    ['=IIJ.INCOME("4Q00","Gross profit")', 800852], // 9,199,575 - 8,398,723
    ['=IIJ.INCOME("1Q00","gross_profit")', 457527], // 7,245,795 - 6,788,268
    ['=IIJ.INCOME("1Q01","GP","JPY millions")', 1044.6],
    // EBITDA as defined = Operating income (loss) + D&A (cash flows).
    ['=IIJ.INCOME("1Q01","EBITDA as defined")', 406649], // (299,814) + 706,463
    ['=IIJ.INCOME("4Q00","EBITDA (as defined)")', 320078], // (394,052) + 714,130
    ['=IIJ.INCOME("1Q00","Defined EBITDA")', -226183], // (864,711) + 638,528
    ['=IIJ.INCOME("1Q01","EBITDA as defined","JPY millions")', 406.649],
    // Free cash flow = Net cash from operating activities + Purchase of property and equipment.
    ['=IIJ.CASHFLOW("1Q01","Free cash flow")', -410224], // (231,079) + (179,145)
    ['=IIJ.CASHFLOW("4Q00","FCF")', -3347414], // (2,845,606) + (501,808)
    ['=IIJ.CASHFLOW("1Q00","free_cash_flow")', -1244241], // (1,097,141) + (147,100)
    // Net debt = borrowings + convertible notes + capital leases - cash - short-term investments.
    // 5,020,000 + 0 + 1,787,436 + 3,400,000 + 15,000,000 + 2,963,868 - 12,574,744 - 0
    ['=IIJ.BALANCE("Jun 30, 2001","Net debt")', 15596560],
    ['=IIJ.BALANCE("2001-06-30","net_debt")', 15596560],
    // 5,620,000 + 0 + 1,644,354 + 2,800,000 + 15,000,000 + 2,679,224 - 13,570,707 - 0
    ['=IIJ.BALANCE("4Q00","Net debt")', 14172871],
    // 8,420,260 + 690,000 + 1,525,097 + 200,000 + 15,000,000 + 2,198,515 - 17,660,882 - 6,028,260
    ['=IIJ.BALANCE("1Q00","Net debt")', 4344730],
    // 15,596,560,000 JPY / 124.73 / 1,000, exactly, then to a double.
    ['=IIJ.BALANCE("1Q01","Net debt","USD thousands")', 125042.57195542371],
    // As first reported: the one release prints it once.
    ['=IIJ.INCOME("1Q00@first","Gross profit")', 457527],
  ])("%s = %p", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  test.each([
    ['=IIJ.INCOME("2Q01","Gross profit")', "#N/A", /INCOME periods: 1Q00, 4Q00, 1Q01/],
    [
      '=IIJ.BALANCE("1Q01","Net debt","USD thousands (as printed)")',
      "#VALUE!",
      /computed, not printed.*Use "USD thousands"/,
    ],
    [
      '=IIJ.INCOME("1Q01","Free cash flow")',
      "#N/A",
      /"Free cash flow" is derived in CASHFLOW: =IIJ\.CASHFLOW\(period,"Free cash flow"\)/,
    ],
    [
      '=IIJ.INCOME("1Q01","Gross profitt")',
      "#N/A",
      /Derived INCOME lines: "Gross profit" or "EBITDA as defined"/,
    ],
    ['=IIJ.INCOME("1Q01","constructor")', "#N/A", /INCOME has no item "constructor"/],
    [
      '=IIJ.BALANCE("1Q01","__proto__")',
      "#N/A",
      /BALANCE has no item "__proto__".*Derived BALANCE lines: "Net debt"/,
    ],
    ['=IIJ.CASHFLOW("1Q01","toString")', "#N/A", /CASHFLOW has no item "toString"/],
    ['=IIJ.INCOME("1Q01","Gross profit","constructor")', "#VALUE!", /"constructor" is not a unit/],
  ])("%s is %s", (formula, kind, message) => {
    const e = error(formula);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
  });
});

describe("GROWTH and MARGIN on derived lines", () => {
  test.each([
    ['=IIJ.GROWTH("1Q01","Gross profit","YoY")', 1.2831439456032103], // 1,044,600 / 457,527 - 1
    ['=IIJ.GROWTH("1Q01","Gross profit","QoQ")', 0.30436085568869153], // 1,044,600 / 800,852 - 1
    ['=IIJ.GROWTH("1Q01","EBITDA as defined","QoQ")', 0.27046844831572303], // 406,649 / 320,078 - 1
    ['=IIJ.GROWTH("1Q01","Net debt","QoQ")', 0.10045170099974804], // 15,596,560 / 14,172,871 - 1
    ['=IIJ.MARGIN("1Q01","Gross profit")', 0.1253585487305857], // 1,044,600 / 8,332,898
    ['=IIJ.MARGIN("1Q01","gross")', 0.1253585487305857],
    ['=IIJ.MARGIN("1Q01","EBITDA as defined")', 0.04880042933442843], // 406,649 / 8,332,898
    ['=IIJ.MARGIN("1Q01","Free cash flow")', -0.04922945174655924], // (410,224) / 8,332,898
  ])("%s = %p", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  test.each([
    // From (226,183) to 406,649: a change of sign, not growth.
    [
      '=IIJ.GROWTH("1Q01","EBITDA as defined","YoY")',
      "#N/A",
      /not meaningful \(n\.m\.\): 1Q00 is -226183 and 1Q01 is 406649 \(JPY thousands\)/,
    ],
    ['=IIJ.GROWTH("1Q01","Free cash flow","QoQ")', "#N/A", /not meaningful/],
    ['=IIJ.GROWTH("1Q00","Gross profit","YoY")', "#N/A", /needs 1Q99/],
    ['=IIJ.MARGIN("1Q01","Net debt")', "#VALUE!", /a balance at the quarter's end, not a flow/],
  ])("%s is %s", (formula, kind, message) => {
    const e = error(formula);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
  });
});

describe("SOURCE shows the arithmetic and the printed figures it uses", () => {
  test("gross profit", () => {
    const text = value('=IIJ.SOURCE("1Q01","Gross profit")') as string;
    expect(text).toMatch(
      /^Gross profit, 1Q01: computed from printed figures \(no release prints it\)\. /
    );
    expect(text).toContain(
      "Gross profit = Total revenues − Total costs (of revenues): Total revenues 8,332,898 − Total costs 7,288,298 = 1,044,600 JPY thousands."
    );
    expect(text).toContain(
      'row "Total revenues" under Revenues, column "Jun 30, 2001 JPY" (1Q01): printed 8,332,898 JPY thousands.'
    );
    expect(text).toContain(
      'row "Total costs" under Costs and expenses, column "Jun 30, 2001 JPY" (1Q01): printed 7,288,298 JPY thousands.'
    );
  });

  test("EBITDA as defined, with Table 5's printed EBITDA and the gap", () => {
    const text = value('=IIJ.SOURCE("1Q01","EBITDA as defined")') as string;
    expect(text).toContain(
      "EBITDA as IIJ defines it (Table 5, footnote *1) = Operating income (loss) + Depreciation and amortization (cash flows): Operating loss (299,814) + Depreciation and amortization 706,463 = 406,649 JPY thousands."
    );
    expect(text).toContain(
      'Table 5. Other Financial Statistics prints EBITDA 376 JPY millions for 1Q01 (=IIJ.KPI("1Q01","EBITDA")), (30,649) JPY thousands from this'
    );
    expect(text).toMatch(
      /Condensed Consolidated Statements of Cash Flows \(Appendix 3\), row "Depreciation and amortization"/
    );
  });

  test("free cash flow and net debt", () => {
    expect(value('=IIJ.SOURCE("1Q01","Free cash flow")')).toContain(
      "Net cash used in operating activities (231,079) + Purchase of property and equipment (179,145) = (410,224) JPY thousands."
    );
    expect(value('=IIJ.SOURCE("Jun 30, 2001","Net debt","BALANCE")')).toContain(
      "Short-term borrowings 5,020,000 + Long-term borrowings-current portion 0 + Capital lease obligations-current portion 1,787,436 + Long-term Borrowings 3,400,000 + Convertible Notes 15,000,000 + Capital Lease Obligations-Noncurrent 2,963,868 − Cash 12,574,744 − Short-term investments 0 = 15,596,560 JPY thousands."
    );
  });

  test("the pane's trace shows the arithmetic, then the first printed figure", () => {
    const traced = traceCall("INCOME", ["1Q01", "Gross profit"])!;
    expect(traced.item.id).toBe("total_revenues");
    expect(traced.computed?.title).toBe("Gross profit, 1Q01: computed from printed figures");
    expect(traced.computed?.lines[1]).toEqual([
      "Computed",
      "Total revenues 8,332,898 − Total costs 7,288,298 = 1,044,600 JPY thousands",
    ]);
    expect(traceCall("GROWTH", ["1Q01", "Net debt", "QoQ"])?.computed?.title).toBe(
      "IIJ.GROWTH of Net debt: computed from printed figures"
    );
  });
});

describe("one definition, shared", () => {
  test("EBITDA as defined is the EBITDA tie's definition side, the one the checks and the sheet's noted rows read", () => {
    const tie = TIES.find((t) => t.checkId === EBITDA_DEFINITION)!;
    expect(derivedLine("ebitda_as_defined").terms).toBe(tie.right);
    expect(derivedLine("ebitda_as_defined").printedAs).toBe(tie.left[0]);
  });

  test("every term is a printed JPY thousands line, and no derived name is a printed name", () => {
    const model = defaultModel();
    for (const line of DERIVED_LINES) {
      for (const t of line.terms)
        expect([line.id, t.row, model.catalogue(t.statement).get(t.row)?.unit]).toEqual([
          line.id,
          t.row,
          "JPY thousands",
        ]);
      for (const name of [line.id, line.label, ...line.names])
        for (const s of ["INCOME", "BALANCE", "CASHFLOW", "KPI"] as const)
          expect([name, s, model.catalogue(s).idsNamed(name)]).toEqual([name, s, []]);
    }
  });
});

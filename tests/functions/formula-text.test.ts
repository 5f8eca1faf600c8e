/** Formula text, shared by the CLI and the pane: reading, evaluating, printing, finding. */
import {
  FormulaSyntaxError,
  evaluateFormula,
  findWithValues,
  formatResult,
  parseFormula,
} from "../../src/functions/formula-text";
import { IIJError, defaultModel } from "../../src/model";

const model = defaultModel();

describe("parseFormula reads literal arguments as Excel does", () => {
  test.each([
    ['=IIJ.INCOME("1Q01","Total revenues")', "INCOME", ["1Q01", "Total revenues"]],
    ['iij.income( "1Q01" , "Say ""hi""" )', "INCOME", ["1Q01", 'Say "hi"']],
    ['=IIJ.INCOME("1Q01",,"JPY")', "INCOME", ["1Q01", null, "JPY"]],
    ['=IIJ.INCOME(37072,"x",TRUE)', "INCOME", [37072, "x", true]],
    ['=IIJ.GROWTH("1Q01", "EBITDA", )', "GROWTH", ["1Q01", "EBITDA", null]],
    ["=IIJ.PERIODS()", "PERIODS", []],
    ["=IIJ.FXRATE( )", "FXRATE", []],
  ])("%s", (text, name, args) => {
    expect(parseFormula(text)).toEqual({ name, args });
  });

  test.each([
    ["=SUM(1,2)", /is not an IIJ formula/],
    ['=IIJ.INCOME("1Q01', /Unterminated text/],
    ['=IIJ.INCOME(A1,"Revenue")', /Argument 1 .*"A1" is not a literal/],
    ['=IIJ.INCOME("1Q01" "x")', /Expected "," or "\)" at position 20/],
    ['=IIJ.INCOME("1Q01","x") + 1', /Unexpected text after the closing parenthesis/],
  ])("%s is refused: %p", (text, message) => {
    expect(() => parseFormula(text)).toThrow(FormulaSyntaxError);
    expect(() => parseFormula(text)).toThrow(message);
  });
});

describe("evaluateFormula and formatResult: one line per result", () => {
  test.each([
    ['=IIJ.INCOME("1Q01","Total revenues")', "8332898"],
    ['=IIJ.REVENUE("1Q01","Dedicated","JPY millions")', "3386.912"],
    ['=IIJ.INCOME("1Q01","Nope")', /^#N\/A: INCOME has no item "Nope"/],
    ["=SUM(1,2)", /^#VALUE!: "=SUM\(1,2\)" is not an IIJ formula/],
  ])("%s prints %p", (text, expected) => {
    expect(formatResult(evaluateFormula(text, model))).toMatch(expected);
  });

  test("a spilled grid is one tab-separated line per row, an error cell as its kind", () => {
    expect(
      formatResult([
        [1, "a b"],
        [new IIJError("#N/A", "none"), "x\ny"],
      ])
    ).toBe("1\ta b\n#N/A\tx y");
  });
});

describe("findWithValues", () => {
  test("each hit with its statement, id, label, value and the formula that reads it", () => {
    const [first] = findWithValues(model, "dedicated");
    expect(first).toMatchObject({
      statement: "INCOME",
      id: "dedicated_access_services",
      label: "Dedicated access services",
      value: "3386912",
      formula: '=IIJ.INCOME("1Q01","Dedicated access services")',
    });
  });

  test("a period, a unit and a limit", () => {
    const found = findWithValues(model, "total revenues", {
      period: "4Q00",
      unit: "JPY millions",
      limit: 2,
    });
    expect(found).toHaveLength(2);
    expect([found[0].value, found[0].formula]).toEqual([
      "9199.575",
      '=IIJ.INCOME("4Q00","Total revenues","JPY millions")',
    ]);
  });

  test.each([
    ["opertaing incme", "4Q00"],
    ["revenues", "4Q00"],
    ["revenues", "2Q01"],
    ["operating income", "FY2001"],
    ["ebitda", "Q2 FY2001"],
    ["total", "4Q00@first"],
  ])("find %p for %s offers only formulas that answer for that period", (query, period) => {
    const found = findWithValues(model, query, { period });
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect([f.formula, f.value]).not.toEqual([f.formula, "#N/A"]);
  });

  test("a guidance item is not offered for a period without guidance", () => {
    const formulas = findWithValues(model, "opertaing incme", { period: "4Q00" }).map(
      (f) => f.formula
    );
    expect(formulas).toContain('=IIJ.INCOME("4Q00","Operating loss")');
    expect(formulas.filter((f) => f.startsWith("=IIJ.GUIDANCE"))).toEqual([]);
  });

  test("a period only guidance covers offers guidance only", () => {
    const found = findWithValues(model, "revenues", { period: "FY2001" });
    expect(found.map((f) => [f.statement, f.formula])).toEqual([
      ["GUIDANCE", '=IIJ.GUIDANCE("FY2001","Revenues")'],
    ]);
  });

  test.each(["revenue", "operating income", "ebitda", "cash", "dsl", "guidance"])(
    "find %p with no period offers each item at a period it answers for",
    (query) => {
      for (const f of findWithValues(model, query)) expect(f.value).not.toMatch(/^#/);
    }
  );

  test("blank text finds nothing", () => {
    expect(findWithValues(model, "   ")).toEqual([]);
  });
});

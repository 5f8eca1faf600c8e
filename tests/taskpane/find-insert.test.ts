import { defaultModel } from "../../src/model";
import { findAllWithValues, findWithValues, isStatedFound } from "../../src/functions/formula-text";
import { formulaBlock } from "../../src/taskpane/find-insert";

const model = defaultModel();

test("a search shows each hit's statement, value and exact formula", () => {
  const [first] = findWithValues(model, "dedicated");
  expect(first).toMatchObject({
    statement: "INCOME",
    label: "Dedicated access services",
    value: "3386912",
    formula: '=IIJ.INCOME("1Q01","Dedicated access services")',
  });
  const [m] = findWithValues(model, "dedicated", { period: "1Q00", unit: "JPY millions" });
  expect([m.value, m.formula]).toEqual([
    "2987.266",
    '=IIJ.INCOME("1Q00","Dedicated access services","JPY millions")',
  ]);
  expect(findWithValues(model, "   ")).toEqual([]);
});

test("one cell gets the chosen formula; a block gets periods across and items down", () => {
  const found = findWithValues(model, "total revenues");
  expect(formulaBlock(model, found, 0, 1, 1)).toEqual([['=IIJ.INCOME("1Q01","Total revenues")']]);
  const block = formulaBlock(model, found, 0, 2, 3, "JPY millions");
  expect(block[0]).toEqual(
    ["1Q00", "4Q00", "1Q01"].map((p) => `=IIJ.INCOME("${p}","Total revenues","JPY millions")`)
  );
  // The next hit is the guidance line: guidance exists for 2Q01 only, so it fills the last column.
  expect(block[1]).toEqual(["", "", '=IIJ.GUIDANCE("2Q01","Revenues")']);
  expect(formulaBlock(model, found, 0, 1, 5)[0].slice(0, 2)).toEqual(["", ""]);
});

test("the pane finds figures stated in the prose after the items, and inserts them for their quarter", () => {
  const found = findAllWithValues(model, "sales personnel");
  const stated = found.filter(isStatedFound);
  // "Sales personnel expense increased 24.6% to JPY341 million in 1Q01 ..." (page 6).
  expect(stated[0]).toMatchObject({
    label: "Sales personnel expense",
    value: "341",
    unit: "JPY millions",
    period: "1Q01",
    formula: '=IIJ.STATED("1Q01","Sales personnel expense")',
  });
  expect(stated[0].source).toContain("Sales personnel expense increased 24.6% to JPY341 million");
  const at = found.indexOf(stated[0]);
  expect(found.slice(0, at).every((f) => !isStatedFound(f))).toBe(true);
  expect(formulaBlock(model, found, at, 1, 1)).toEqual([[stated[0].formula]]);
  expect(formulaBlock(model, found, at, 1, 3)).toEqual([["", "", stated[0].formula]]);
});

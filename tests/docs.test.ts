/** The examples in the README and the shipped help page are evaluated, so the docs stay true. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateFormula } from "../src/functions/formula-text";

const read = (path: string) => readFileSync(join(__dirname, "..", path), "utf8");

const helpExamples = [
  ...read("src/help/help.html").matchAll(
    /<code>(=IIJ\.[^<]+)<\/code> &rarr; <output>([^<]+)<\/output>/g
  ),
].map((m) => [m[1].replace(/&amp;/g, "&"), m[2]]);
const readmeExamples = [
  ...read("README.md").matchAll(/^\| [^|]*\| `(=IIJ\.[^`]+)` \| (-?[\d.]+)\b/gm),
].map((m) => [m[1], m[2]]);

test("the docs have examples to check", () => {
  expect(helpExamples.length).toBeGreaterThanOrEqual(14);
  expect(readmeExamples.length).toBeGreaterThanOrEqual(8);
});

test.each(helpExamples)("help.html: %s gives %s", (formula, expected) => {
  expect(String(evaluateFormula(formula))).toBe(expected);
});

test.each(readmeExamples)("README: %s gives %s", (formula, expected) => {
  expect(String(evaluateFormula(formula))).toBe(expected);
});

test("the README documents every function with an example", () => {
  const readme = read("README.md");
  for (const name of [
    "REVENUE",
    "COST",
    "INCOME",
    "BALANCE",
    "CASHFLOW",
    "KPI",
    "GUIDANCE",
    "GROWTH",
    "MARGIN",
    "STATEMENT",
    "PERIODS",
    "ITEMS",
    "SOURCE",
    "FXRATE",
  ]) {
    expect([name, readme.includes(`\`=IIJ.${name}(`)]).toEqual([name, true]);
  }
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RELEASE_2001_08_14 as release } from "../../src/data/releases/2001-08-14-1q01";
import { defaultModel, guidanceValue } from "../../src/model";

const model = defaultModel();
const g = (p: unknown, m: unknown, b?: unknown) => {
  const { value } = guidanceValue(model, p, m, b);
  return typeof value === "string" ? value : value.toString();
};

test.each([
  ["Revenues", "low", "9000"],
  ["Revenues", "mid", "9250"],
  ["Revenues", undefined, "9250"],
  ["Revenues", "high", "9500"],
  ["Operating Income (Loss)", "low", "-100"],
  ["Operating Income (Loss)", "mid", "-25"],
  ["Operating income", "high", "50"],
  ["EBITDA", "low", "580"],
  ["EBITDA", "mid", "655"],
  ["EBITDA", "high", "730"],
])("2Q01 %s %s = %s (JPY millions, printed range)", (metric, bound, value) => {
  expect(g("2Q01", metric, bound)).toBe(value);
});

test("the fiscal-2001 outlook is words, not a number", () => {
  expect(g("FY2001", "Operating income")).toMatch(/positive operating income for the fiscal 2001/);
  expect(g("FY2001", "Operating income", "text")).toMatch(/positive operating income/);
  expect(() => g("FY2001", "Operating income", "mid")).toThrow(
    /no figure.*qualitative outlook.*"text"/
  );
});

test.each([
  ["2Q01", "Revenues", "median", /bound must be "low", "mid", "high" or "text"/],
  ["3Q01", "Revenues", "mid", /no.*guidance for 3Q01.*2Q01, FY2001/i],
  ["2Q01", "Net income", "mid", /GUIDANCE has no metric "Net income"/],
  ["FY2001", "EBITDA", undefined, /No guidance for EBITDA in FY2001.*2Q01/],
])("bad guidance arguments (%p, %p, %p) are errors", (p, m, b, message) => {
  expect(() => g(p, m, b)).toThrow(message);
});

/** The release's pages in its source text: each starts at its printed "Page N" (page 1 at the top). */
function pagesOf(sourceFile: string): Map<string, string> {
  const text = readFileSync(join(__dirname, "../../src/data/releases", sourceFile), "utf8");
  const pages = new Map<string, string>();
  const parts = text.split(/^.*\bPage (\d+)\s*$/m);
  for (let i = 1; i < parts.length; i += 2) pages.set(`page ${parts[i]}`, parts[i + 1]);
  return pages;
}

const flat = (text: string) => text.replace(/\s+/g, " ");
const pages = pagesOf("2001-08-14-1q01.source.txt");

test.each(release.guidance.outlooks.map((o) => [o.period, o.label, o] as const))(
  "the %s outlook for %s is printed on its page, under its heading",
  (_period, _label, outlook) => {
    const page = pages.get(outlook.page);
    expect(page).toBeDefined();
    expect(flat(page ?? "")).toContain(flat(outlook.text));
    expect(page?.split("\n").map((line) => line.trim())).toContain(outlook.heading);
  }
);

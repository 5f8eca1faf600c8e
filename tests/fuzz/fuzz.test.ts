/**
 * A sample of the fuzzing that `npm run fuzz` does at scale (see dev/fuzz/property.ts): every
 * custom function, called as Excel calls it, on generated arguments; a fixed seed, so a failure
 * here reproduces with `npm run fuzz -- --runs 3000 --seed 20010814`.
 */
import fc from "fast-check";
import {
  callArbitrary,
  fuzz,
  judge,
  installCustomFunctions,
  serialMeaning,
  showCase,
} from "../../dev/fuzz/property";
import { nameKey } from "../../src/model";

const RUNS = 3000;
const SEED = 20010814;

test(`${RUNS} generated calls: no property violation`, () => {
  const report = fuzz(RUNS, SEED);
  const found = report.examples.map((e) => `${showCase(e.c)}: ${e.why}`);
  expect(found).toEqual([]);
  expect(report.violations).toBe(0);
  // The grammar reaches every kind of outcome, so the property is exercised, not vacuous.
  for (const kind of ["number", "text", "array", "#N/A", "#VALUE!"] as const)
    expect([kind, report.counts[kind] > 0]).toEqual([kind, true]);
});

test("the grammar puts Object-prototype names and look-alikes in every argument position", () => {
  const prototypeKeys = new Set(Object.getOwnPropertyNames(Object.prototype).map(nameKey));
  const reached = new Set<string>();
  for (const c of fc.sample(callArbitrary, { numRuns: 10_000, seed: SEED }))
    c.args.forEach((a, i) => {
      if (typeof a.value !== "string") return;
      if (prototypeKeys.has(nameKey(a.value))) reached.add(`${c.fn} ${i} prototype`);
      if (/^\s*(junk|marc|jully|sept|ju) \d/i.test(a.value)) reached.add(`month look-alike`);
    });
  for (const [fn, arity] of [["INCOME", 3], ["GUIDANCE", 3], ["GROWTH", 3], ["STATEMENT", 2], ["SOURCE", 3]] as const)
    for (let i = 0; i < arity; i++) expect(reached).toContain(`${fn} ${i} prototype`);
  expect(reached).toContain("month look-alike");
}); // prettier-ignore

test("the same seed generates the same calls and outcomes", () => {
  expect(fuzz(300, 7)).toEqual(fuzz(300, 7));
});

describe("the oracle", () => {
  beforeAll(installCustomFunctions);

  test("date serials: quarter ends by full year, nothing else", () => {
    expect(serialMeaning(37072)).toEqual({ kind: "quarter", fy: 2001, q: 1 });
    expect(serialMeaning(182)).toEqual({ kind: "quarter", fy: 1900, q: 1 });
    expect(serialMeaning(37073)).toEqual({ kind: "none" });
    expect(serialMeaning(37072.5)).toEqual({ kind: "none" });
    expect(serialMeaning(Number.NaN)).toEqual({ kind: "none" });
  });

  test.each([
    // A quarter a century away prints as the same "1Q00": it must not read 1Q00's figure.
    ["INCOME", ["1Q1900", "Total revenues", null], { kind: "quarter", fy: 1900, q: 1 }],
    ["INCOME", [182, "Total revenues", null], { kind: "quarter", fy: 1900, q: 1 }],
    ["INCOME", ["1Q2100", "Revenue", null], { kind: "quarter", fy: 2100, q: 1 }],
    ["GUIDANCE", ["2Q1901", "Revenues", "low"], { kind: "quarter", fy: 1901, q: 2 }],
    // A vintage that names no release.
    ["GUIDANCE", ["2Q01@1999-01-01", "Revenues", "low"], { kind: "none" }],
    // A month that is only near one, and names every object answers to.
    ["BALANCE", ["Junk 30, 2001", "Cash", null], { kind: "none" }],
    ["BALANCE", ["Marc 31, 2001", "Cash", null], { kind: "none" }],
    ["GUIDANCE", ["2Q01", "Revenues", "constructor"], { kind: "quarter", fy: 2001, q: 2 }],
    ["GROWTH", ["1Q01", "Total revenues", "constructor"], { kind: "quarter", fy: 2001, q: 1 }],
    ["INCOME", ["1Q01", "__proto__", "JPY"], { kind: "quarter", fy: 2001, q: 1 }],
    ["INCOME", ["1Q01", "Total revenues", "toString"], { kind: "quarter", fy: 2001, q: 1 }],
  ])("IIJ.%s(%j) is an error, not a figure", (fn, values, meaning) => {
    const args = values.map((value, i) => (i === 0 ? { value, period: meaning } : { value }));
    const verdict = judge({ fn, args: args as never });
    expect(verdict.violation).toBeUndefined();
    expect(["#N/A", "#VALUE!"]).toContain(verdict.outcome);
  });

  test("a 40,000-character argument is answered at once, not after minutes of suggestions", () => {
    const long = "Total revenues ".repeat(2700);
    const started = Date.now();
    for (const fn of ["INCOME", "GROWTH", "SOURCE", "REVENUE", "MARGIN"])
      expect(
        judge({ fn, args: [{ value: "1Q01" }, { value: long }, { value: null }] }).outcome
      ).toBe("#N/A");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

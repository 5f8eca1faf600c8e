/**
 * Every function, every argument position, a battery of wrong values: the answer is always an
 * error value with a message, never a number, never an exception.
 */
import { invoke, LIBRARY } from "../../src/functions/library";
import { isIIJError } from "../../src/model";

/** A valid call of each function, to spoil one argument at a time. */
const VALID: Record<string, unknown[]> = {
  REVENUE: ["1Q01", "Dedicated", "JPY millions"],
  COST: ["1Q01", "SI", "JPY"],
  INCOME: ["1Q01", "Total revenues", "USD thousands"],
  BALANCE: ["2001-06-30", "Cash", "JPY millions"],
  CASHFLOW: ["1Q01", "operating_other", "JPY"],
  KPI: ["1Q01", "EBITDA"],
  GUIDANCE: ["2Q01", "Revenues", "low"],
  GROWTH: ["1Q01", "Total revenues", "QoQ"],
  MARGIN: ["1Q01", "operating"],
  STATEMENT: ["INCOME", "JPY millions"],
  PERIODS: [],
  ITEMS: ["KPI"],
  SOURCE: ["1Q01", "Cash", "BALANCE"],
  FXRATE: [],
};

const BAD: unknown[] = [
  true,
  false,
  -1,
  0,
  3.5,
  1e12,
  Number.NaN,
  "zzz",
  "1Q01x",
  "  ?  ",
  "#N/A",
  "Total revenues;DROP",
  "\u0000",
  {},
  [1, 2],
];

test("the table covers every function", () => {
  expect(Object.keys(VALID).sort()).toEqual([...LIBRARY.keys()].sort());
});

test.each(Object.keys(VALID))("IIJ.%s with its valid arguments is not an error", (name) => {
  expect(isIIJError(invoke(name, VALID[name]))).toBe(false);
});

const cases = Object.entries(VALID).flatMap(([name, args]) =>
  args.flatMap((_, position) => BAD.map((bad) => [name, position, bad] as const))
);

test.each(cases)(
  "IIJ.%s with argument %i = %p is an error value with a message",
  (name, position, bad) => {
    const args = [...VALID[name]];
    args[position] = bad;
    const result = invoke(name, args);
    // Numbers in a period position are date serials: 0 and -1 are not dates, 3.5 not whole.
    expect(isIIJError(result)).toBe(true);
    if (isIIJError(result)) {
      expect(["#N/A", "#VALUE!"]).toContain(result.kind);
      expect(result.message.length).toBeGreaterThan(15);
      expect(result.message).not.toMatch(/Internal error/);
    }
  }
);

test.each(Object.keys(VALID))("IIJ.%s with one argument too many is #VALUE!", (name) => {
  const result = invoke(name, [...VALID[name], "extra"]);
  expect(isIIJError(result) && result.kind).toBe("#VALUE!");
  expect(isIIJError(result) && result.message).toMatch(
    new RegExp(`takes at most ${VALID[name].length} arguments; got ${VALID[name].length + 1}`)
  );
});

test("a very long argument is echoed short, so the message stays readable", () => {
  const long = "x".repeat(40_000);
  const result = invoke("INCOME", ["1Q01", long]);
  expect(isIIJError(result) && result.message.length).toBeLessThan(2_000);
  expect(isIIJError(result) && result.message).toContain(`"${"x".repeat(57)}..."`);
});

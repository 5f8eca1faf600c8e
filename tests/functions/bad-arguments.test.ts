/**
 * Every function, every argument position, a battery of wrong values: the answer is always an
 * error value with a message, never a number, never an exception.
 */
import { evaluateFormula } from "../../src/functions/formula-text";
import { invoke, LIBRARY } from "../../src/functions/library";
import { isIIJError } from "../../src/model";

/** A valid call of each function (its table entry's example), to spoil one argument at a time. */
const VALID = new Map([...LIBRARY.values()].map((spec) => [spec.name, spec.example]));

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

test.each([...VALID.keys()])("IIJ.%s's example gives every parameter and answers", (name) => {
  expect(VALID.get(name)).toHaveLength(LIBRARY.get(name)!.parameters.length);
  expect(isIIJError(invoke(name, VALID.get(name)!))).toBe(false);
});

const cases = [...VALID].flatMap(([name, args]) =>
  args.flatMap((_, position) => BAD.map((bad) => [name, position, bad] as const))
);

test.each(cases)(
  "IIJ.%s with argument %i = %p is an error value with a message",
  (name, position, bad) => {
    const args: unknown[] = [...VALID.get(name)!];
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

test.each([...VALID.keys()])("IIJ.%s with one argument too many is #VALUE!", (name) => {
  const valid = VALID.get(name)!;
  const result = invoke(name, [...valid, "extra"]);
  expect(isIIJError(result) && result.kind).toBe("#VALUE!");
  expect(isIIJError(result) && result.message).toMatch(
    new RegExp(`takes at most ${valid.length} arguments; got ${valid.length + 1}`)
  );
});

test("a very long argument is echoed short, so the message stays readable", () => {
  const long = "x".repeat(40_000);
  const result = invoke("INCOME", ["1Q01", long]);
  expect(isIIJError(result) && result.message.length).toBeLessThan(2_000);
  expect(isIIJError(result) && result.message).toContain(`"${"x".repeat(57)}..."`);
});

/**
 * The names every JavaScript object answers to (Object.prototype's own properties: `constructor`,
 * `__proto__`, `toString`, `valueOf`, `hasOwnProperty`...), in the spellings a lookup might reach
 * them by: a text that is one of them names nothing of IIJ's, so a lookup that finds it in a plain
 * object (`BASES["constructor"]` is Object) must not turn it into a figure.
 */
const PROTOTYPE_NAMES = [
  ...new Set(
    Object.getOwnPropertyNames(Object.prototype).flatMap((n) => [n, n.toLowerCase(), ` ${n} `])
  ),
  "prototype",
  "length",
];

/** A text argument as typed in a formula, for `evaluateFormula` (what `iij-model eval` runs). */
const literal = (v: string | number) =>
  typeof v === "string" ? `"${v.replace(/"/g, '""')}"` : String(v);

const prototypeCalls = [...LIBRARY.values()].flatMap((spec) =>
  spec.example.flatMap((_, position) =>
    PROTOTYPE_NAMES.map((name) => {
      const args = spec.example.map((a, i) => (i === position ? name : a));
      return [`=IIJ.${spec.name}(${args.map(literal).join(",")})`] as const;
    })
  )
);

test("the prototype-name calls cover every parameter of every function", () => {
  const parameters = [...LIBRARY.values()].reduce((n, s) => n + s.parameters.length, 0);
  expect(prototypeCalls).toHaveLength(parameters * PROTOTYPE_NAMES.length);
});

test.each(prototypeCalls)("%s is #N/A or #VALUE!, never a figure", (formula) => {
  const result = evaluateFormula(formula);
  expect(isIIJError(result) ? result.kind : result).toMatch(/^(#N\/A|#VALUE!)$/);
  if (isIIJError(result)) expect(result.message).not.toMatch(/Internal error/);
});

test.each(PROTOTYPE_NAMES)("a function named %p is no function", (name) => {
  const result = invoke(name, []);
  expect(isIIJError(result) && result.kind).toBe("#VALUE!");
});

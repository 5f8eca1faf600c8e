/** `invoke` remembers answers: a repeated call must answer exactly as the first did. */
import { RELEASES } from "../../src/data";
import { ANSWER_CACHE_BYTES, answerCacheSize, invoke } from "../../src/functions/library";
import { IIJError, IIJModel } from "../../src/model";

const fresh = () => new IIJModel(RELEASES);

test.each([
  ["INCOME", ["1Q01", "Total revenues"], 8332898],
  ["REVENUE", ["1Q01", "Dedicated", "JPY millions"], 3386.912],
  ["GROWTH", ["1Q01", "Total revenues", "YoY"], 0.15003226009016263],
  ["FXRATE", [], 124.73],
])("IIJ.%s(%j) answers the same twice", (name, args, expected) => {
  const model = fresh();
  expect(invoke(name, args, model)).toBe(expected);
  expect(invoke(name, args, model)).toBe(expected);
});

test("an error answer is the same error on the second call", () => {
  const model = fresh();
  const first = invoke("INCOME", ["9Q01", "Total revenues"], model);
  expect(first).toBeInstanceOf(IIJError);
  expect(invoke("INCOME", ["9Q01", "Total revenues"], model)).toEqual(first);
});

test("an omitted argument and null are one call; text and a number are not", () => {
  const model = fresh();
  expect(invoke("INCOME", ["1Q01", "Total revenues"], model)).toBe(
    invoke("INCOME", ["1Q01", "Total revenues", null], model)
  );
  // 37072 is the Excel serial of 2001-06-30 (1Q01); "37072" is not a period.
  expect(invoke("INCOME", [37072, "Total revenues"], model)).toBe(8332898);
  expect(invoke("INCOME", ["37072", "Total revenues"], model)).toBeInstanceOf(IIJError);
  expect(invoke("INCOME", [37072, "Total revenues"], model)).toBe(8332898);
});

test("too many arguments is still an error after the call was remembered", () => {
  const model = fresh();
  expect(invoke("INCOME", ["1Q01", "Total revenues"], model)).toBe(8332898);
  const tooMany = invoke("INCOME", ["1Q01", "Total revenues", null, "extra"], model);
  expect(tooMany).toBeInstanceOf(IIJError);
  expect((tooMany as IIJError).message).toMatch(/takes at most 3 arguments/);
});

test("spilled grids are built afresh for each call", () => {
  const model = fresh();
  expect(invoke("STATEMENT", ["INCOME"], model)).not.toBe(invoke("STATEMENT", ["INCOME"], model));
});

describe("the memo is bounded in bytes, least recently used out first", () => {
  /** A distinct error-giving call whose key is a 20,000-character period: about 40 KB estimated. */
  const longCall = (i: number): [string, unknown[]] => [
    "INCOME",
    [`${i} ${"x".repeat(20_000)}`, "Total revenues"],
  ];

  test("many distinct error calls keep the estimated size under the bound", () => {
    const model = fresh();
    for (let i = 0; i < 1_200; i++) invoke(...longCall(i), model);
    const { bytes, answers } = answerCacheSize(model);
    expect(bytes).toBeLessThanOrEqual(ANSWER_CACHE_BYTES);
    // Full, not emptied: eviction makes room one old answer at a time.
    expect(bytes).toBeGreaterThan(ANSWER_CACHE_BYTES * 0.95);
    expect(answers).toBeLessThan(1_200);
  });

  test("an answer used again stays; the one used least recently is recomputed", () => {
    const model = fresh();
    const oldest = invoke("INCOME", ["8Q01", "Total revenues"], model);
    const used = invoke("INCOME", ["9Q01", "Total revenues"], model);
    for (let i = 0; i < 1_200; i++) {
      invoke(...longCall(i), model);
      if (i % 50 === 0) expect(invoke("INCOME", ["9Q01", "Total revenues"], model)).toBe(used);
    }
    expect(invoke("INCOME", ["9Q01", "Total revenues"], model)).toBe(used);
    const again = invoke("INCOME", ["8Q01", "Total revenues"], model);
    expect(again).not.toBe(oldest);
    expect(again).toEqual(oldest);
  });
});

/** The model's caches hold at most a number of estimated bytes, least recently used out first. */
import { LruCache, textBytes } from "../../src/model";

/** A cache whose entries cost their key's and value's text. */
const cache = (maxBytes: number) =>
  new LruCache<string, string>(maxBytes, (k, v) => textBytes(k) + textBytes(v));

test("a string is estimated at two bytes a character and a header", () => {
  expect(textBytes("")).toBe(16);
  expect(textBytes("abc")).toBe(22);
});

test("entries beyond the bound are evicted oldest first, and the bytes held add up", () => {
  const c = cache(100); // each entry "kN" -> "v" is 20 + 18 = 38 bytes: two fit
  c.set("k1", "v");
  c.set("k2", "v");
  expect([c.size, c.bytes]).toEqual([2, 76]);
  c.set("k3", "v");
  expect([c.get("k1"), c.get("k2"), c.get("k3")]).toEqual([undefined, "v", "v"]);
  expect([c.size, c.bytes]).toEqual([2, 76]);
});

test("reading an entry makes it the most recently used", () => {
  const c = cache(100);
  c.set("k1", "v");
  c.set("k2", "v");
  expect(c.get("k1")).toBe("v");
  c.set("k3", "v");
  expect([c.get("k1"), c.get("k2"), c.get("k3")]).toEqual(["v", undefined, "v"]);
});

test("setting a key again replaces its entry without counting it twice", () => {
  const c = cache(1_000);
  c.set("k1", "v");
  c.set("k1", "value");
  expect([c.size, c.bytes, c.get("k1")]).toEqual([1, 20 + 26, "value"]);
});

test("an entry larger than the whole bound is not kept, and evicts nothing", () => {
  const c = cache(100);
  c.set("k1", "v");
  c.set("big", "x".repeat(100));
  expect([c.size, c.bytes, c.get("big"), c.get("k1")]).toEqual([1, 38, undefined, "v"]);
});

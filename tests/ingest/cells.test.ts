/** One OCR cell read as the figures it may print: clean, a separator misread, merged, or noise. */
import { isOneDigitMisread, readCell, readingsOf } from "../../src/model/ingest/cells";
import { stripMarkup, withoutMarker } from "../../src/model/ingest/text";

const texts = (raw: string) =>
  readingsOf(readCell(raw)).map((r) => `${r.text}${r.fault ? ` (${r.fault})` : ""}`);

test.each([
  ["3,386,912", ["3,386,912"]],
  ["(299,814)", ["(299,814)"]],
  ["(-)251", ["(-)251"]],
  ["40.6%", ["40.6%"]],
  ["-", ["-"]],
  ["NA", ["NA"]],
  ["7.064", ["7.064", "7,064 (separator-point)"]],
  ["(124.847)", ["(124.847)", "(124,847) (separator-point)"]],
  ["44.960,000", ["44,960,000 (separator-point)"]],
  ["17 660 992", ["17,660,992 (separator-space)"]],
  ["(500 144)", ["(500,144) (separator-space)"]],
  ["17,660,882 6,028,260", ["17,660,882 (merged)", "6,028,260 (merged)"]],
  ["481,994 0", ["481,994 (merged)", "0 (merged)"]],
  ["<u>JI I</u>", []],
  ["050 (1)", []],
  ["-,,,", []],
  ["", []],
])("%s reads as %j", (raw, expected) => {
  expect(texts(raw)).toEqual(expected);
});

test.each([
  ["12374744", "12574744", true],
  ["7664876", "1664876", true],
  ["17660992", "17660882", false],
  ["5417456", "0", false],
])("%s is one digit off %s: %s", (a, b, expected) => {
  expect(isOneDigitMisread(a, b)).toBe(expected);
});

test.each([
  ["<i>IP Service</i> 64kbps – 128kbps", "IP Service 64kbps – 128kbps"],
  ["$\\mathbf{USD}\\left(l ight)$", "USD"],
  ["Depreciation and amortization ^(*4)", "Depreciation and amortization (*4)"],
])("markup: %s", (raw, expected) => {
  expect(stripMarkup(raw)).toBe(expected);
});

test.each([
  ["IIJ DSL/F (*3) Maximum 1.5Mbps", { text: "IIJ DSL/F Maximum 1.5Mbps", marker: "(*3)" }],
  ["Additional paid-in capital(2)", { text: "Additional paid-in capital(2)", marker: "(2)" }],
  ["Other income (expenses)", { text: "Other income (expenses)" }],
])("footnote marker: %s", (label, expected) => {
  expect(withoutMarker(label)).toEqual(expected);
});

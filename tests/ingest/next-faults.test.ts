/**
 * Faults put on the shared samples (tests/ingest/cases: the next-quarter release and the seed
 * re-damaged, each with its own damage and its exact truth), each of a kind a longer sweep over
 * them once settled wrong. Every figure must come out equal to its truth or unresolved; the
 * cells named are repaired, or left unresolved, as the arithmetic allows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Release } from "../../src/data/types";
import { ingestRelease } from "../../src/model/ingest";
import { editCell, moveUp } from "./damage";
import { type Truth, expectedFigures, outcome, printedFor } from "./truth";

const caseFile = (name: string, file: string) =>
  readFileSync(join(__dirname, "cases", name, file), "utf8");
const TEXT = caseFile("sample-next", "release.txt");
const truth: Truth = JSON.parse(caseFile("sample-next", "truth.json"));

/** The 0-based line of the row labelled `label` after the line holding `after`. */
function lineOf(after: string, label: string, text = TEXT): number {
  const lines = text.split("\n");
  const from = lines.findIndex((l) => l.includes(after));
  return lines.findIndex((l, i) => i > from && l.startsWith(`| ${label} |`));
}

function outcomes(text: string, expected = truth) {
  const release = ingestRelease(text, { sourceName: "damaged.txt" }).release as Release;
  return expectedFigures(expected).map((e) => {
    const printed = printedFor(release, e);
    return { where: e.where, printed, outcome: outcome(printed, e.truth) };
  });
}

const BALANCE = "CONSOLIDATED BALANCE SHEETS";

test("a figure moved onto the table's rule (|--| 379 |): the rows keep their figures, the lost one repaired", () => {
  const first = lineOf("Internet Access Services | 2Q01", "IP Service 64kbps – 128kbps");
  const out = outcomes(moveUp(TEXT, first, 2, true));
  expect(out.filter((o) => o.outcome !== "equal").map((o) => `${o.where}: ${o.printed}`)).toEqual(
    []
  );
});

test("a misread USD beside its amount's misread separator: both repaired", () => {
  // "| Accrued Retirement and Pension Costs | 1,035 | 123.374 |": 1,035 read 1,032.
  const row = lineOf(BALANCE, "Accrued Retirement and Pension Costs");
  const out = outcomes(editCell(TEXT, row, 0, () => "1,032"));
  expect(out.filter((o) => o.outcome !== "equal").map((o) => `${o.where}: ${o.printed}`)).toEqual(
    []
  );
});

test("a misread no % can see, in a footing whose lost cash its tie solves: the prints that could close it are unresolved", () => {
  // Sep 30, 2000: Cash printed on the heading; Other current assets' 308,860 read 328,860, so
  // the footing misses by 20,000, which Short-term investments' 5,564,644 read 5,544,644 would
  // close as well: each % of total holds either way.
  const row = lineOf(BALANCE, "Other current assets");
  const out = outcomes(editCell(TEXT, row, 3, () => "328,860"));
  expect(out.filter((o) => o.outcome === "wrong").map((o) => `${o.where}: ${o.printed}`)).toEqual(
    []
  );
  const unresolved = out.filter((o) => o.outcome === "unresolved").map((o) => o.where);
  expect(unresolved).toEqual(
    expect.arrayContaining([
      'BALANCE "Other current assets" 2Q00 amount',
      'BALANCE "Short-term investments" 2Q00 amount',
    ])
  );
});

test("a misread beside a misformatted cell of its footing: the misformatted print is not re-read to absorb it", () => {
  // The sample prints Equipment sales (Sep 30, 2000) as "124.847"; Systems integration revenues'
  // 3,000,024 read 3,000,029 once made it 124,842 (a slip of its format's reading), where the
  // % and change columns see neither.
  const row = lineOf("STATEMENTS OF OPERATIONS", "Systems integration revenues");
  const out = outcomes(editCell(TEXT, row, 3, () => "3,000,029"));
  expect(out.filter((o) => o.outcome === "wrong").map((o) => `${o.where}: ${o.printed}`)).toEqual(
    []
  );
});

const REDAMAGED = caseFile("sample-redamage", "release.txt");
const redamaged: Truth = JSON.parse(caseFile("sample-redamage", "truth.json"));

test("a misread YOY % beside the lost base it compares with: both repaired", () => {
  // The re-damaged seed prints Internet datacenter services' 1Q00 165,621 on the heading above;
  // its YOY 195.5 read 295.5 once left the base with no reading and the misread settled.
  const row = lineOf("STATEMENTS OF OPERATIONS", "Internet datacenter services", REDAMAGED);
  const out = outcomes(
    editCell(REDAMAGED, row, 5, () => "295.5"),
    redamaged
  );
  expect(out.filter((o) => o.outcome !== "equal").map((o) => `${o.where}: ${o.printed}`)).toEqual(
    []
  );
});

test("a QOQ % whose sign is lost beside its lost base: never settled as printed", () => {
  const row = lineOf("STATEMENTS OF OPERATIONS", "Income tax expense (benefit)", REDAMAGED);
  const damaged = editCell(
    editCell(REDAMAGED, row, 6, () => ""),
    row,
    8,
    () => "232.4"
  );
  const out = outcomes(damaged, redamaged);
  expect(out.filter((o) => o.outcome === "wrong").map((o) => `${o.where}: ${o.printed}`)).toEqual(
    []
  );
});

test('a figure whose leading digit is lost ("00,000") is no 0: never settled as printed', () => {
  // Proceeds from long-term borrowings (Mar 31) 400,000 read "00,000", in the footing where the
  // re-damaged seed prints Principal payments under capital leases as "(500 144)".
  const row = lineOf("STATEMENTS OF CASH FLOWS", "Proceeds from long-term borrowings", REDAMAGED);
  const out = outcomes(
    editCell(REDAMAGED, row, 3, () => "00,000"),
    redamaged
  );
  expect(out.filter((o) => o.outcome === "wrong").map((o) => `${o.where}: ${o.printed}`)).toEqual(
    []
  );
});

test("a negative's parentheses lost beside a misformatted cell of its footing: not solved into the misformatted cell", () => {
  // The re-damaged seed prints Principal payments under capital leases (Mar 31) as "(500 144)";
  // Net increase (decrease) in short-term borrowings' (489,436) read 489,436 once made it
  // (1,479,016), solved freely as if lost.
  const text = REDAMAGED;
  const row = lineOf(
    "STATEMENTS OF CASH FLOWS",
    "Net increase (decrease) in short-term borrowings",
    text
  );
  const out = outcomes(
    editCell(text, row, 3, () => "489,436"),
    redamaged
  );
  expect(out.filter((o) => o.outcome === "wrong").map((o) => `${o.where}: ${o.printed}`)).toEqual(
    []
  );
});

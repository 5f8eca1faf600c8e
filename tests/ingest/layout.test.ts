/**
 * Changes of layout a release may print, generated from the seed's text: a renamed line keeps its
 * id; a new line gets a new id and joins the sums by its printed place; a label the OCR misread
 * keeps its line and its house label; a statement split by a page break is read whole; a
 * truncated table title is completed from the title it begins; letters read for a header's
 * digits are read as the quarter; text that is not a release says why.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RELEASE_2001_08_14 as bundled } from "../../src/data/releases/2001-08-14-1q01";
import { settledMismatches } from "./truth";
import type { PrintedTable, Release } from "../../src/data/types";
import { IIJModel, runChecks } from "../../src/model";
import { ingestRelease } from "../../src/model/ingest";
import { insertAfter, relabel, replaceOnce } from "./damage";

const SEED = readFileSync(
  join(__dirname, "../../src/data/releases/2001-08-14-1q01.source.txt"),
  "utf8"
);
const BALANCE = "CONSOLIDATED BALANCE SHEETS";
const CASH = "STATEMENTS OF CASH FLOWS";

const table = (release: Release | undefined, statement: string) =>
  release?.tables.find((t) => t.statement === statement) as PrintedTable;
const row = (release: Release | undefined, statement: string, id: string) =>
  table(release, statement).rows.find((r) => r.id === id);

describe("a renamed line", () => {
  const result = ingestRelease(
    relabel(SEED, { after: BALANCE, label: "Prepaid expenses" }, "Prepaid expenses and advances")
  );
  test("keeps its id and figures, with its new label", () => {
    expect(row(result.release, "BALANCE", "prepaid_expenses")).toEqual({
      ...row(bundled, "BALANCE", "prepaid_expenses"),
      label: "Prepaid expenses and advances",
    });
  });
  test("is reported as renamed, and everything is settled", () => {
    expect(result.summary.renamed).toEqual([
      {
        statement: "BALANCE",
        id: "prepaid_expenses",
        label: "Prepaid expenses and advances",
        was: "Prepaid expenses",
        section: "ASSETS / Current Assets",
      },
    ]);
    expect(result.status).toBe("settled");
  });
});

describe.each([
  [
    "INCOME",
    "CONSOLIDATED STATEMENTS OF OPERATIONS",
    "Sales and marketing",
    "Sa1es and marketlng",
    "sales_and_marketing",
  ],
  ["BALANCE", BALANCE, "Inventories", "lnventories", "inventories"],
] as const)("a label the OCR misread (%s %s)", (statement, after, label, misread, id) => {
  const result = ingestRelease(relabel(SEED, { after, label }, misread));
  test("keeps its line, its house label and its figures; everything settles as the bundled data", () => {
    expect(row(result.release, statement, id)).toEqual(row(bundled, statement, id));
    expect(settledMismatches(result.release as Release, bundled)).toEqual([]);
    expect(result.status).toBe("settled");
    expect(result.summary.added).toEqual([]);
  });
  test("is a repair of the label, saying where it stands", () => {
    const repair = result.release?.repairs.find((r) => r.column === "label");
    expect(repair).toMatchObject({ statement, rowId: id, ocr: misread, settled: label });
    expect(repair?.reason).toMatch(
      new RegExp(`stands where the house layout prints "${label}" \\(after "`)
    );
  });
});

/** The text with lines put before the first row labelled `label` after the line holding `after`. */
function beforeRow(text: string, after: string, label: string, put: readonly string[]): string {
  const lines = text.split("\n");
  const from = lines.findIndex((l) => l.includes(after));
  const at = lines.findIndex((l, i) => i > from && l.startsWith(`| ${label} |`));
  lines.splice(at, 0, ...put);
  return lines.join("\n");
}

describe.each([
  ["a page break", ["", "- 7 -", "", "CONSOLIDATED STATEMENTS OF OPERATIONS (continued)", ""]],
  ["a blank line", [""]],
] as const)("a statement split by %s", (_name, put) => {
  const text = beforeRow(
    SEED,
    "CONSOLIDATED STATEMENTS OF OPERATIONS",
    "Research and development",
    put
  );
  const result = ingestRelease(text);
  test("keeps its notes after the table: the rate is read from each statement's note", () => {
    expect(result.release?.rate.printed).toBe(bundled.rate.printed);
    expect(bundled.rate.printed).toMatch(/\(Note \(1\) to each statement\)$/);
  });

  test("is read whole: every row after the break is there, settled as the bundled data", () => {
    expect(table(result.release, "INCOME").rows.map((r) => r.id)).toEqual(
      table(bundled, "INCOME").rows.map((r) => r.id)
    );
    expect(settledMismatches(result.release as Release, bundled)).toEqual([]);
    expect(result.status).toBe("settled");
  });
});

describe("letters read for a numbered table's header digits", () => {
  const lines = SEED.split("\n");
  const at = lines.findIndex(
    (l, i) =>
      i > lines.findIndex((x) => x.includes("Table 2.")) && /\| 1Q01 \| 4Q00 \| 1Q00 \|/.test(l)
  );
  lines[at] = lines[at].replace("4Q00", "4QOO").replace("1Q00", "lQ00");
  const result = ingestRelease(lines.join("\n"));
  test("are read as the quarter, as a repair of the header, and the table settles", () => {
    expect(settledMismatches(result.release as Release, bundled)).toEqual([]);
    expect(result.status).toBe("settled");
    const repair = result.release?.repairs.find(
      (r) => r.column === "header" && r.ocr.includes("4QOO")
    );
    expect(repair?.settled).toBe("1Q01 | 4Q00 | 1Q00");
    expect(repair?.reason).toMatch(/"4QOO" has letters for digits: read as 4Q00/);
  });
});

/** The seed with each statement's note printing the rate as `print` (the notes print it thrice). */
const withRate = (print: string, notes = 3) => {
  let text = SEED;
  for (let i = 0; i < notes; i++) text = text.replace(/JPY ?124\.73 ?= ?\\\$1/, print);
  return text;
};

describe.each([
  ["a yen sign", "¥124.73 = US$1.00"],
  ["the dollar first", "US$1 = JPY 124.73"],
  ["a comma for the decimal point", "JPY 124,73 =$1"],
  ["a space in the decimal point", "JPY124. 73 =$1"],
])("the convenience rate printed with %s", (_name, print) => {
  test("is read, and the USD column settles at it", () => {
    const result = ingestRelease(withRate(print));
    expect(result.release?.rate.jpyPerUsd).toBe("124.73");
    expect(result.release?.rate.asOf).toBe("2001-06-29");
    expect(settledMismatches(result.release as Release, bundled)).toEqual([]);
    expect(result.status).toBe("settled");
  });
});

describe.each([
  [
    "in every note (a digit)",
    "JPY 124.78 =$1",
    3,
    /at 124\.78, \d+ of \d+ USD figures .* fail .*; at 124\.73, one slip .* hold/,
  ],
  ["in every note (a digit lost)", "JPY 12.73 =$1", 3, /at 12\.73, .*; at 124\.73, one slip/],
  [
    "in one note of three",
    "JPY 142.73 =$1",
    1,
    /the other notes print 124\.73 \(2 of 3\), and at 124\.73 the USD column translates/,
  ],
  [
    "in two notes of three",
    "JPY 124.78 =$1",
    2,
    /at 124\.78, .* fail .*; at 124\.73, as another note prints it, \d+ hold/,
  ],
] as const)("a convenience rate the OCR misread %s", (_name, print, notes, why) => {
  const result = ingestRelease(withRate(print, notes));
  test("is settled by the USD column, as a repair with its evidence", () => {
    expect(result.release?.rate.jpyPerUsd).toBe("124.73");
    const repairs = result.release?.repairs.filter((r) => /Convenience rate/.test(r.reason)) ?? [];
    expect(repairs).toHaveLength(notes);
    expect(repairs[0]).toMatchObject({
      ocr: print,
      settled: print.replace(/[\d.]+(?= =)/, "124.73"),
    });
    expect(repairs[0].reason).toMatch(why);
  });
  test("and every figure settles as the bundled data", () => {
    expect(settledMismatches(result.release as Release, bundled)).toEqual([]);
    expect(result.status).toBe("settled");
  });
});

describe("a line with a label sharing nothing with the one it replaces", () => {
  const result = ingestRelease(
    relabel(SEED, { after: BALANCE, label: "Prepaid expenses" }, "Deposits paid")
  );
  test("is a new line, in its printed section, and the current assets still foot", () => {
    const added = row(result.release, "BALANCE", "deposits_paid");
    expect(added?.section).toBe("ASSETS / Current Assets");
    expect(added?.cells).toEqual(row(bundled, "BALANCE", "prepaid_expenses")?.cells);
    expect(result.status).toBe("settled");
    expect(
      runChecks(new IIJModel([result.release as Release])).filter((r) => r.status === "fail")
    ).toEqual([]);
  });
});

describe("a new line inside a section", () => {
  // The operating "Other" split in two, so that every footing still holds as printed.
  const text = insertAfter(
    replaceOnce(
      SEED,
      "| Other | (2,129) | (265,574) | (362,329) | 613,635 | |",
      "| Other | (2,000) | (249,484) | (362,329) | 600,000 | |"
    ),
    { after: CASH, label: "Deferred income tax" },
    ["| Loss on disposal of equipment | (129) | (16,090) | - | 13,635 | |"]
  );
  const result = ingestRelease(text);
  test("gets a new id, its printed place and figures", () => {
    const cash = table(result.release, "CASHFLOW").rows;
    const at = cash.findIndex((r) => r.id === "loss_on_disposal_of_equipment");
    expect(cash[at - 1].id).toBe("deferred_income_tax");
    expect(cash[at]).toEqual({
      id: "loss_on_disposal_of_equipment",
      label: "Loss on disposal of equipment",
      section: "Operating Activities",
      cells: ["(129)", "(16,090)", "-", "13,635"],
    });
  });
  test("joins the operating footing: everything settles, with no repair of its own", () => {
    expect(result.status).toBe("settled");
    expect(result.release?.repairs.filter((r) => r.statement === "CASHFLOW")).toEqual([]);
    expect(result.summary.added.map((a) => a.id)).toEqual(["loss_on_disposal_of_equipment"]);
  });
  test("and the checks foot it in", () => {
    const results = runChecks(new IIJModel([result.release as Release]));
    const footing = results.find(
      (r) =>
        r.checkId === "footing:CASHFLOW:net_cash_from_operating_activities" && r.period === "1Q01"
    );
    expect(footing?.status).toBe("pass");
    expect(results.filter((r) => r.status === "fail")).toEqual([]);
  });
});

describe("a truncated table title", () => {
  const result = ingestRelease(
    replaceOnce(SEED, "| Table 4. Backbone Costs |", "| Table 4. Backbone Co |")
  );
  test("is completed from the house title it begins, as a repair", () => {
    expect(result.release?.tables.map((t) => t.title)).toEqual(bundled.tables.map((t) => t.title));
    const repair = result.release?.repairs.find(
      (r) => r.rowId === "international_backbone_costs" && /Table 4/.test(r.settled)
    );
    expect(repair?.settled).toBe("Table 4. Backbone Costs (JPY in millions)");
    expect(repair?.ocr).toBe("Table 4. Backbone Co | (JPY in millions)");
  });
});

describe("text that is not a release", () => {
  test.each([
    [
      "prose with no date",
      "Internet Initiative Japan Inc. is one of Japan's leading providers.",
      "no release date on its first page",
    ],
    [
      "a dated text with no statements",
      "August 14, 2001 Page 1\n\nIIJ Announces Financial Results\n\n| a | b |\n| 1 | 2 |",
      "no consolidated statements (operations, balance sheets, cash flows) in the text",
    ],
    [
      "statements with no convenience rate",
      SEED.replace(/JPY ?124\.73 ?= ?\\\$1/g, "the rate"),
      'no convenience rate ("JPY ... = $1") in the statements\' notes',
    ],
  ])("%s", (_what, text, reason) => {
    const result = ingestRelease(text);
    expect([result.status, result.reason, result.release]).toEqual([
      "not a release",
      reason,
      undefined,
    ]);
    expect(result.summary.status).toBe("not a release");
  });
});

describe("the guidance table against the text's own words", () => {
  test("a bound whose separator the OCR misread is settled by the text, as a repair", () => {
    const result = ingestRelease(replaceOnce(SEED, "| 9,000 - 9,500 |", "| 9.000 - 9,500 |"));
    expect(result.release?.guidance.ranges).toEqual(bundled.guidance.ranges);
    expect(result.release?.repairs.find((r) => r.statement === "GUIDANCE")).toMatchObject({
      rowId: "revenues",
      ocr: "9.000 - 9,500",
      settled: "9,000 - 9,500",
    });
  });
  test("a bound the text contradicts is left out, unresolved, with both readings", () => {
    const result = ingestRelease(replaceOnce(SEED, "| 580 - 730 |", "| 580 - 780 |"));
    expect(result.status).toBe("unresolved");
    expect(result.release?.guidance.ranges.map((r) => r.id)).toEqual([
      "revenues",
      "operating_income",
    ]);
    expect(result.release?.unresolved).toEqual([
      expect.objectContaining({
        statement: "GUIDANCE",
        rowId: "ebitda",
        candidates: ["580 - 780", "580 - 730"],
      }),
    ]);
  });
});

/**
 * The bundled 1Q01 release is the output of ingest on its own OCR text plus its reviewed judgement
 * calls: every table, row, cell, repair and inconsistency, compared structurally with the bundled
 * data file, so that the parser and the data can never drift. Repairs and inconsistencies compare by
 * the cell and figure they settle; their reasons are ingest's own arithmetic (the judgement's words
 * for a judgement).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RELEASE_2001_08_14 as bundled } from "../../src/data/releases/2001-08-14-1q01";
import { JUDGEMENTS_2001_08_14 as judgements } from "../../src/data/releases/2001-08-14-1q01.judgements";
import type { Release } from "../../src/data/types";
import { IIJModel, runChecks } from "../../src/model";
import { ingestRelease } from "../../src/model/ingest";

const SOURCE = join(__dirname, "../../src/data/releases/2001-08-14-1q01.source.txt");
const SEED = join(__dirname, "../../../shared/seeds/000_162bc6a5a97dbabe.txt");
const text = readFileSync(SOURCE, "utf8");
const result = ingestRelease(text, { sourceName: "000_162bc6a5a97dbabe.txt" });
const release = result.release as Release;

test("the seed ingests with every figure settled", () => {
  expect(result.status).toBe("settled");
  expect(release.unresolved).toBeUndefined();
  expect(result.summary.problems).toEqual([]);
});

test.each(["id", "title", "date", "latestQuarter", "source", "rate"] as const)(
  "release %s",
  (key) => {
    expect(release[key]).toEqual(bundled[key]);
  }
);

test("the same tables in the same order", () => {
  expect(release.tables.map((t) => t.title)).toEqual(bundled.tables.map((t) => t.title));
});

describe.each(bundled.tables.map((t, i) => [t.title, i] as const))("%s", (_title, i) => {
  const expected = bundled.tables[i];
  const got = () => release.tables[i];
  test("statement, page, unit and columns", () => {
    const { statement, page, unit, columns } = got();
    expect({ statement, page, unit, columns }).toEqual({
      statement: expected.statement,
      page: expected.page,
      unit: expected.unit,
      columns: expected.columns,
    });
  });
  test("row ids in printed order", () => {
    expect(got().rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
  });
  test.each(expected.rows.map((r) => [r.id, r] as const))(
    "row %s: label, section, cells, unit, footnote",
    (id, row) => {
      expect(got().rows.find((r) => r.id === id)).toEqual(row);
    }
  );
});

test("guidance ranges and outlooks", () => {
  expect(release.guidance).toEqual(bundled.guidance);
});

const cellOf = (r: {
  statement: string;
  rowId: string;
  column: number | string;
  settled: string;
}) => `${r.statement}|${r.rowId}|${r.column}|${r.settled}`;

test("the same repairs: the same cells settled to the same figures", () => {
  expect(release.repairs.map(cellOf).sort()).toEqual(bundled.repairs.map(cellOf).sort());
});

test("each repair says what the OCR shows and gives its arithmetic (a judgement its reviewed words)", () => {
  for (const repair of release.repairs) {
    expect(repair.ocr).not.toBe("");
    expect(repair.reason.length).toBeGreaterThan(20);
  }
  const judged = release.repairs.filter((r) => r.rowId === "dedicated_access_bandwidth");
  expect(judged.map((r) => r.reason)).toEqual(judged.map(() => judgements.detached?.[0].reason));
});

test("the same inconsistencies of the release's own (check, quarter, row)", () => {
  const key = (i: { checkId: string; period: string; rowId: string }) =>
    `${i.checkId}|${i.period}|${i.rowId}`;
  expect(release.inconsistencies.map(key).sort()).toEqual(bundled.inconsistencies.map(key).sort());
});

test("iij-model check passes on the ingested release, the EBITDA gap noted", () => {
  const results = runChecks(new IIJModel([release]));
  expect(results.filter((r) => r.status === "fail")).toEqual([]);
  expect(
    results
      .filter((r) => r.status === "noted" && r.checkId === "ebitda-definition")
      .map((r) => r.period)
      .sort()
  ).toEqual(["1Q00", "1Q01", "4Q00"]);
});

test("the OCR text beside the data file is the seed", () => {
  if (!existsSync(SEED)) return; // the shared seeds are not part of the repository
  expect(readFileSync(SEED, "utf8")).toBe(text);
});

test("without its judgement calls, Table 3's detached values stay unresolved, with the values as candidates", () => {
  const bare = ingestRelease(text, { judgements: null });
  expect(bare.status).toBe("unresolved");
  expect(bare.release?.unresolved?.map((u) => [u.rowId, u.column, u.candidates])).toEqual([
    ["dedicated_access_bandwidth", 0, ["4.6", "3.5", "2.2"]],
    ["dedicated_access_bandwidth", 1, ["4.6", "3.5", "2.2"]],
    ["dedicated_access_bandwidth", 2, ["4.6", "3.5", "2.2"]],
  ]);
  const table3 = bare.release?.tables.find((t) => t.title === "Table 3. Contracted Bandwidth");
  expect(table3?.rows[0].cells).toEqual(["", "", ""]);
});

test("judgements for another release are not applied, and the summary says so", () => {
  const other = ingestRelease(text, { judgements: { ...judgements, release: "2001-11-13" } });
  expect(other.summary.problems).toEqual([
    "judgements for release 2001-11-13 not applied to the release of 2001-08-14",
  ]);
  expect(other.release?.unresolved?.length).toBe(3);
});

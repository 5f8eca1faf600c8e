/**
 * The synthetic releases of dev/releases/generate.ts (what bench/scale.ts and the scale test load)
 * are valid releases whose figures pass every check of the model: footings, ties, USD, "%" and
 * "Chg %" columns, per-share lines and guidance, as the bundled release's own do.
 */
import { generateReleases } from "../../dev/releases/generate";
import { RELEASE_2001_08_14 } from "../../src/data/releases/2001-08-14-1q01";
import { IIJModel, periodKey, runChecks, summarize } from "../../src/model";

const FORTY = generateReleases(40);
const model = new IIJModel(FORTY);
const results = runChecks(model);

test("40 consecutive quarterly releases from the bundled 1Q01 one: 1Q01 to 4Q10, dated in order", () => {
  expect(FORTY).toHaveLength(40);
  expect(FORTY[0]).toBe(RELEASE_2001_08_14);
  expect(FORTY.map((r) => r.latestQuarter).slice(0, 5)).toEqual([
    "1Q01",
    "2Q01",
    "3Q01",
    "4Q01",
    "1Q02",
  ]);
  expect(FORTY[39].latestQuarter).toBe("4Q10");
  expect(FORTY[1].date).toBe("2001-11-14");
  const dates = FORTY.map((r) => r.date);
  expect([...dates].sort()).toEqual(dates);
  expect(new Set(FORTY.map((r) => r.id)).size).toBe(40);
  expect(periodKey(model.latestQuarter)).toBe("4Q10");
  // Each quarter from 1Q00 on: the latest, the same quarter a year before and the one before.
  expect(model.quarters("INCOME")).toHaveLength(44);
});

test("each release prints the bundled release's tables, rows and columns for its own quarters", () => {
  const later = FORTY[5]; // 2Q02
  later.tables.forEach((table, t) => {
    const base = RELEASE_2001_08_14.tables[t];
    expect(table.title).toBe(base.title);
    expect(table.rows.map((r) => r.id)).toEqual(base.rows.map((r) => r.id));
    expect(table.columns.map((c) => c.measure)).toEqual(base.columns.map((c) => c.measure));
    for (const row of table.rows) expect(row.cells).toHaveLength(table.columns.length);
  });
  expect(later.tables[0].columns.map((c) => c.header).slice(0, 4)).toEqual([
    "Sep 30, 2002 USD (1)",
    "Sep 30, 2002 JPY",
    "Sep 30, 2002 % of Total Revenues",
    "Sep 30, 2001 JPY",
  ]);
  expect(later.tables.find((t) => t.statement === "KPI")?.columns.map((c) => c.period)).toEqual([
    "2Q02",
    "1Q02",
    "2Q01",
  ]);
  expect(later.guidance.ranges.map((r) => r.period)).toEqual(["3Q02", "3Q02", "3Q02"]);
});

test("every check passes on 40 quarters; only the bundled release's declared EBITDA differences are noted", () => {
  expect(results.filter((r) => r.status === "fail")).toEqual([]);
  const noted = results.filter((r) => r.status === "noted");
  expect(new Set(noted.map((r) => r.checkId))).toEqual(
    new Set([
      "ebitda-definition",
      "usd:INCOME",
      "usd:BALANCE",
      "usd:CASHFLOW",
      "percent:INCOME",
      "percent:BALANCE",
    ])
  );
  // A reprinted bundled quarter keeps the bundled release's declaration; synthetic quarters tie.
  const notedPeriods = new Set(
    noted.filter((r) => r.checkId === "ebitda-definition").map((r) => r.period)
  );
  expect(notedPeriods).toEqual(new Set(["1Q00", "4Q00", "1Q01"]));
  const { passed } = summarize(results);
  expect(passed).toBeGreaterThan(5000);
});

test("a quarter reprinted by later releases is printed the same in each (one history)", () => {
  const history = model.figureHistory("INCOME", "total_revenues", "2Q01", "amount");
  expect(history.map((f) => f.release.latestQuarter)).toEqual(["2Q01", "3Q01", "2Q02"]);
  expect(new Set(history.map((f) => f.printed)).size).toBe(1);
  const cash = model.figureHistory("BALANCE", "cash", "3Q05", "amount");
  expect(cash.map((f) => f.release.latestQuarter)).toEqual(["3Q05", "4Q05", "3Q06"]);
  expect(new Set(cash.map((f) => f.printed)).size).toBe(1);
  // The bundled quarters as the bundled release prints them.
  expect(
    model.figureHistory("INCOME", "total_revenues", "1Q01", "amount").map((f) => f.printed)
  ).toEqual(["8,332,898", "8,332,898", "8,332,898"]);
});

test("the same seed gives the same releases; another seed other figures", () => {
  expect(generateReleases(6)).toEqual(FORTY.slice(0, 6));
  const other = generateReleases(6, { seed: 7 });
  expect(other[5].tables[0].rows[0].cells).not.toEqual(FORTY[5].tables[0].rows[0].cells);
  expect(runChecks(new IIJModel(other)).filter((r) => r.status === "fail")).toEqual([]);
});

test("a count below 1 is refused", () => {
  expect(() => generateReleases(0)).toThrow(/1 or more/);
});

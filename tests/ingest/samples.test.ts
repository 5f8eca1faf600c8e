/**
 * Golden cases: each folder of tests/ingest/cases holds a release's text (release.txt) and its
 * exact truth (truth.json; the shared ingest samples: the seed re-damaged, and a next-quarter
 * release). Every figure must come out equal to its truth, or unresolved where the truth says the
 * damage is ambiguous; none wrong. A new case is a new folder.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Release } from "../../src/data/types";
import { IIJModel, runChecks } from "../../src/model";
import { ingestRelease } from "../../src/model/ingest";
import { type Truth, expectedFigures, guidanceFigures, outcome, printedFor } from "./truth";

const CASES = join(__dirname, "cases");
const names = readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe.each(names)("%s", (name) => {
  const truth: Truth = JSON.parse(readFileSync(join(CASES, name, "truth.json"), "utf8"));
  const result = ingestRelease(readFileSync(join(CASES, name, "release.txt"), "utf8"), {
    sourceName: `${name}.txt`,
  });
  const release = result.release as Release;
  const ambiguous = truth.damage.filter((d) => d.ambiguous).flatMap((d) => d.cells ?? []);
  const figures = expectedFigures(truth);
  const outcomes = figures.map((e) => {
    const printed = printedFor(release, e);
    return { e, printed, outcome: outcome(printed, e.truth) };
  });

  test("is a release, of the truth's date, quarter and rate", () => {
    expect(result.status).not.toBe("not a release");
    expect([release.date, release.latestQuarter, release.rate.jpyPerUsd]).toEqual([
      truth.releaseDate,
      truth.latestQuarter,
      truth.fxRate,
    ]);
  });

  test("no figure is wrong", () => {
    expect(
      outcomes
        .filter((o) => o.outcome === "wrong")
        .map((o) => `${o.e.where}: ${o.printed}, truth ${o.e.truth}`)
    ).toEqual([]);
  });

  test("a figure is unresolved only where the truth says its damage is ambiguous", () => {
    const unresolved = outcomes.filter((o) => o.outcome === "unresolved");
    const excused = unresolved.filter((o) =>
      ambiguous.some(
        (c) =>
          c.statement === o.e.statement && c.row === o.e.rowIndex && o.e.where.includes(c.column)
      )
    );
    expect(unresolved.filter((o) => !excused.includes(o)).map((o) => o.e.where)).toEqual([]);
  });

  test("each unambiguous damaged figure is repaired to the truth, with its arithmetic", () => {
    for (const damage of truth.damage.filter((d) => !d.ambiguous && d.cells && d.cleanText)) {
      const fixed = release.repairs.filter((r) => r.settled === damage.cleanText);
      expect([damage.id, fixed.length > 0]).toEqual([damage.id, true]);
    }
  });

  test.each(guidanceFigures(truth).map((g) => [`${g.id} ${g.bound ? "high" : "low"}`, g] as const))(
    "guidance %s",
    (_where, g) => {
      const range = release.guidance.ranges.find(
        (r) => r.id === g.id && r.period === truth.guidance.period
      );
      expect(outcome(range?.range.split(/\s+-\s+/)[g.bound] ?? "", g.truth)).toBe("equal");
    }
  );

  test("iij-model check passes on the ingested release (the release's own non-ties noted)", () => {
    expect(runChecks(new IIJModel([release])).filter((r) => r.status === "fail")).toEqual([]);
  });

  test("the summary reports the truth's counts: figures, unresolved, repairs, the release's own non-ties", () => {
    const summary = result.summary;
    // The truth's figures, less the cells of damage it marks ambiguous (which may stay unresolved).
    const open = outcomes.filter((o) => o.outcome === "unresolved").length;
    expect(open).toBeLessThanOrEqual(ambiguous.length);
    expect([summary.status, summary.figures, summary.unresolved.length]).toEqual([
      ambiguous.length > 0 && open > 0 ? "unresolved" : "settled",
      figures.length - open,
      open,
    ]);
    const settledTexts = summary.repairs.map((r) => r.settled);
    for (const damage of truth.damage.filter((d) => !d.ambiguous && d.cells && d.cleanText))
      expect([damage.id, settledTexts]).toEqual([
        damage.id,
        expect.arrayContaining([damage.cleanText]),
      ]);
    // Each USD or % rounding plug the truth lists is noted, on its line; and no other.
    for (const [kind, prefix] of [
      ["usdRoundingPlug", "usd:"],
      ["pctRoundingPlug", "percent:"],
    ] as const) {
      const printed = (truth.inconsistencies ?? [])
        .filter((i) => i.kind === kind)
        .map((i) => `${i.statement} ${rowIdOf(release, i.statement as string, i.row as number)}`);
      const noted = summary.inconsistencies
        .filter((i) => i.checkId.startsWith(prefix))
        .map((i) => `${i.checkId.slice(prefix.length)} ${i.rowId}`);
      expect(noted.sort()).toEqual(printed.sort());
    }
    const gaps = (truth.inconsistencies ?? []).filter((i) => i.kind === "ebitdaGap");
    expect(
      summary.inconsistencies
        .filter((i) => i.checkId === "ebitda-definition")
        .map((i) => i.period)
        .sort()
    ).toEqual(gaps.map((i) => i.period).sort());
  });
});

/** The id of a statement's row by its place in print (the truth's rows are in printed order). */
function rowIdOf(release: Release, statement: string, row: number): string | undefined {
  return release.tables.find((t) => t.statement === statement)?.rows[row]?.id;
}

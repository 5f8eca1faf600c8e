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

  test("the summary counts what was settled", () => {
    const equal = outcomes.filter((o) => o.outcome === "equal").length;
    expect(equal + outcomes.filter((o) => o.outcome === "unresolved").length).toBe(figures.length);
    expect(result.summary.unresolved.length).toBe(release.unresolved?.length ?? 0);
  });
});

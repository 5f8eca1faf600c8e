/**
 * Ingest: a release's text in, the release as data out, every figure settled by the release's own
 * arithmetic or marked unresolved. Pure: no files, no Node; the CLI and the pane call it alike.
 */
import { nameKey } from "../names";
import type {
  IngestJudgements,
  PrintedTable,
  Release,
  Repair,
  UnresolvedCell,
} from "../../data/types";
import { periodKey } from "../calendar";
import { Dec } from "../decimal";
import { type Constraint, constraintsOf, definitionsOf, releaseQuarters } from "./constraints";
import { cellKey } from "./draft";
import { definitionGapsOf, plugsOf, repairsOf, settledValues, unresolvedOf } from "./explain";
import { Grid } from "./grid";
import { applyDetached, outlooks, reviewedJudgements } from "./judgements";
import { readGuidance } from "./guidance";
import { outlookSentences, paragraphs, releaseHeading } from "./prose";
import { settleRate } from "./rate";
import { type DraftRelease, readRelease } from "./read";
import { type Decision, settleCells } from "./settle";
import { statedFigures } from "./stated";
import { type IngestSummary, summarize } from "./summary";
import { sourceLines } from "./text";

export interface IngestOptions {
  /** The text's file name, cited in the release's `source`. */
  readonly sourceName?: string;
  /** The judgement calls to apply; by default the reviewed ones kept for the release, if any; null: none. */
  readonly judgements?: IngestJudgements | null;
}

export type IngestStatus = "settled" | "unresolved" | "not a release";

export interface IngestResult {
  readonly status: IngestStatus;
  /** Why the text is not a release, when it is not. */
  readonly reason?: string;
  readonly release?: Release;
  readonly summary: IngestSummary;
}

function notARelease(reason: string): IngestResult {
  return {
    status: "not a release",
    reason,
    summary: summarize({ status: "not a release", reason }),
  };
}

function printedTables(
  draft: DraftRelease,
  decisions: ReadonlyMap<string, Decision>
): PrintedTable[] {
  return draft.tables.map((t) => ({
    statement: t.statement,
    title: t.title,
    page: t.page,
    unit: t.unit,
    columns: t.columns,
    rows: t.rows.map((r) => ({
      id: r.id,
      label: r.label,
      section: r.section,
      cells: r.cells.map((c, i) => {
        const d = decisions.get(
          cellKey(t.statement, r.id, t.columns[i].period, t.columns[i].measure)
        );
        return c.expected ? (d?.kind === "settled" ? d.text : "") : "";
      }),
      ...(r.unit ? { unit: r.unit } : {}),
      ...(r.footnote ? { footnote: r.footnote } : {}),
    })),
  }));
}

/** The title repair of a table whose unit the OCR left unsure names the tie that confirms it. */
function confirmUnits(
  draft: DraftRelease,
  constraints: readonly Constraint[],
  decisions: ReadonlyMap<string, Decision>
): Repair[] {
  const values = settledValues(decisions);
  return draft.tables.flatMap((t) =>
    t.repairs.map((r) => {
      if (!/unit printed as/.test(r.reason)) return r;
      const rowKeys = t.rows.map((row) => `KPI|${row.id}|`);
      const tie = constraints.find(
        (c) =>
          c.id.startsWith("tie:") &&
          c.cells.some((k) => rowKeys.some((p) => k.startsWith(p))) &&
          c.check(values) === "holds"
      );
      const confirmed = tie
        ? ` The unit is confirmed by the tie ${tie.describe(values)} (thousands / 1,000).`
        : " No tie confirms the unit: it is the house unit of this table.";
      return { ...r, reason: `${r.reason}${confirmed}` };
    })
  );
}

export function ingestRelease(text: string, options: IngestOptions = {}): IngestResult {
  const lines = sourceLines(text);
  const heading = releaseHeading(lines);
  if (!heading) return notARelease("no release date on its first page");
  const draft = readRelease(lines);
  const statements = draft.tables.filter((t) => t.statement !== "KPI");
  if (statements.length === 0)
    return notARelease(
      `no consolidated statements (operations, balance sheets, cash flows) in the text${draft.problems.length ? `: ${draft.problems.join("; ")}` : ""}`
    );
  const grid = new Grid(draft.tables);
  const notes = draft.statements.map((s) => ({ statement: s.statement, text: s.notes.join(" ") }));
  const settledRate = settleRate(notes, draft.tables, grid);
  if (!settledRate)
    return notARelease('no convenience rate ("JPY ... = $1") in the statements\' notes');
  const { rate } = settledRate;
  const given =
    options.judgements === undefined ? reviewedJudgements(heading.date) : options.judgements;
  if (given && given.release !== heading.date)
    draft.problems.push(
      `judgements for release ${given.release} not applied to the release of ${heading.date}`
    );
  const judgements = given?.release === heading.date ? given : undefined;
  const ctx = { tables: draft.tables, rate: new Dec(rate.jpyPerUsd), labels: grid.labels() };
  const constraints = constraintsOf(ctx);
  const decisions = settleCells(grid, constraints);
  applyDetached(draft.tables, decisions, judgements);
  const values = settledValues(decisions);
  const cells: UnresolvedCell[] = unresolvedOf(grid, decisions);
  const quarters = releaseQuarters(statements);
  const prose = paragraphs(lines).map((p) => p.text);
  const guidance = readGuidance(
    draft.guidance,
    outlooks(outlookSentences(lines), judgements),
    prose
  );
  const unresolved = [...cells, ...guidance.unresolved];
  const latestQuarter = periodKey(quarters[quarters.length - 1]);
  const rowLabels = new Set(draft.tables.flatMap((t) => t.rows.map((r) => nameKey(r.label))));
  const stated = statedFigures(lines, latestQuarter, rowLabels);
  const release: Release = {
    id: heading.date,
    title: heading.title,
    date: heading.date,
    latestQuarter,
    source: `IIJ earnings release, ${heading.printedDate} (OCR text ${options.sourceName ?? "pasted"})`,
    rate,
    tables: printedTables(draft, decisions),
    guidance: guidance.guidance,
    repairs: [
      ...settledRate.repairs,
      ...repairsOf(grid, decisions, constraints),
      ...guidance.repairs,
      ...confirmUnits(draft, constraints, decisions),
    ],
    inconsistencies: [
      ...definitionGapsOf(grid, definitionsOf(ctx), values),
      ...plugsOf(grid, constraints, values, ctx.rate),
    ],
    ...(unresolved.length > 0 ? { unresolved } : {}),
    ...(stated.length > 0 ? { stated } : {}),
  };
  const problems = [...draft.problems, ...guidance.problems];
  const status = unresolved.length > 0 || problems.length > 0 ? "unresolved" : "settled";
  return { status, release, summary: summarize({ status, release, draft, problems }) };
}

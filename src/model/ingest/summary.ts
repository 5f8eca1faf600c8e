/**
 * What an ingest found, as a value and as lines of text: the figures read, each repair with its
 * arithmetic, the release's own inconsistencies, the cells left unresolved and why, lines renamed
 * or new, and the status (settled / unresolved / not a release, with the reason).
 */
import type { PrintedInconsistency, Release, Repair, UnresolvedCell } from "../../data/types";
import type { DraftRelease } from "./read";

export interface LineChange {
  readonly statement: string;
  readonly id: string;
  readonly label: string;
  /** For a renamed line: the label IIJ printed before. */
  readonly was?: string;
  readonly section: string;
}

export interface IngestSummary {
  readonly status: "settled" | "unresolved" | "not a release";
  readonly reason?: string;
  readonly release?: string;
  readonly latestQuarter?: string;
  /** Figure cells settled (as printed or repaired). */
  readonly figures: number;
  readonly repairs: readonly Repair[];
  readonly inconsistencies: readonly PrintedInconsistency[];
  readonly unresolved: readonly UnresolvedCell[];
  readonly renamed: readonly LineChange[];
  readonly added: readonly LineChange[];
  /** Figures stated only in the prose, each with its sentence (`Release.stated`). */
  readonly stated: number;
  /** What could not be read outside the figures (a table without quarters, a range unreadable). */
  readonly problems: readonly string[];
}

interface SummaryInput {
  readonly status: IngestSummary["status"];
  readonly reason?: string;
  readonly release?: Release;
  readonly draft?: DraftRelease;
  readonly problems?: readonly string[];
}

export function summarize(input: SummaryInput): IngestSummary {
  const { release, draft } = input;
  const rows =
    draft?.tables.flatMap((t) => t.rows.map((r) => ({ statement: t.statement, row: r }))) ?? [];
  const change = ({ statement, row }: (typeof rows)[number]): LineChange => ({
    statement,
    id: row.id,
    label: row.label,
    section: row.section,
    ...(row.match.kind === "renamed" ? { was: row.match.houseLabel } : {}),
  });
  return {
    status: input.status,
    reason: input.reason,
    release: release?.id,
    latestQuarter: release?.latestQuarter,
    figures:
      release?.tables.reduce(
        (n, t) => n + t.rows.reduce((m, r) => m + r.cells.filter((c) => c !== "").length, 0),
        0
      ) ?? 0,
    stated: release?.stated?.length ?? 0,
    repairs: release?.repairs ?? [],
    inconsistencies: release?.inconsistencies ?? [],
    unresolved: release?.unresolved ?? [],
    renamed: rows.filter((r) => r.row.match.kind === "renamed").map(change),
    added: rows.filter((r) => r.row.match.kind === "new").map(change),
    problems: input.problems ?? [],
  };
}

const where = (r: { statement: string; rowId: string; column: number | string }) =>
  `${r.statement} ${r.rowId} [${r.column}]`;

/**
 * Each finding in words, the same in the terminal and the pane (each adds only its own heading or
 * prefix): where it is, what the OCR shows and what was made of it, and why.
 */
export const findingText = {
  repair: (r: IngestSummary["repairs"][number]) =>
    `${where(r)}: OCR ${JSON.stringify(r.ocr)} -> ${JSON.stringify(r.settled)}. ${r.reason}`,
  inconsistency: (i: IngestSummary["inconsistencies"][number]) =>
    `${i.checkId} ${i.period} ${i.rowId}: ${i.explanation}`,
  unresolved: (u: IngestSummary["unresolved"][number]) =>
    `${where(u)}: OCR ${JSON.stringify(u.ocr)}; candidates ${u.candidates.map((c) => JSON.stringify(c)).join(", ") || "none"}: ${u.why}`,
  renamed: (c: IngestSummary["renamed"][number]) =>
    `${c.statement} ${c.id}: "${c.was}" -> "${c.label}"`,
  added: (c: IngestSummary["added"][number]) =>
    `${c.statement} ${c.id}: "${c.label}" in "${c.section || "(top level)"}"`,
};

/** The summary as lines for a terminal. */
export function formatSummary(s: IngestSummary): string[] {
  if (s.status === "not a release") return [`not a release: ${s.reason ?? "unreadable"}`];
  return [
    `release ${s.release} (latest quarter ${s.latestQuarter}): ${s.status}`,
    `${s.figures} figures read; ${s.repairs.length} repairs; ${s.inconsistencies.length} inconsistencies of the release's own; ${s.unresolved.length} unresolved`,
    `${s.stated} figures stated in the prose, each with its sentence (IIJ.STATED)`,
    ...s.repairs.map((r) => `  repair ${findingText.repair(r)}`),
    ...s.inconsistencies.map((i) => `  noted ${findingText.inconsistency(i)}`),
    ...s.unresolved.map((u) => `  UNRESOLVED ${findingText.unresolved(u)}`),
    ...s.renamed.map((c) => `  renamed ${findingText.renamed(c)}`),
    ...s.added.map((c) => `  new line ${findingText.added(c)}`),
    ...s.problems.map((p) => `  problem: ${p}`),
  ];
}

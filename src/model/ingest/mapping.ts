/**
 * Printed rows to the model's line ids. A row whose label IIJ has printed before takes that line's
 * id (a label printed twice, the cash flow's "Other", by the heading it sits under). A row left over
 * between two matched rows, where the house layout has a line left over too, is that line renamed,
 * if the two labels share a word ("Decrease in accounts payable" -> "Increase (decrease) in accounts
 * payable"); if the labels are a few letters apart ("Sa1es and marketlng"), the OCR misread it, and
 * the line keeps its house label, as a repair. Any other row is a new line: a new id from its
 * label, and it joins the sums by its printed place (structure.ts), so nothing else needs to know
 * of it.
 */
import { innermostSection } from "../catalogue";
import type { Repair, StatementId } from "../../data/types";
import { editDistance, nameKey } from "../names";
import type { DraftRow, ParsedRow, RowMatch } from "./draft";
import type { KnownLine } from "./lexicon";

/** A label's key without its footnote marker: "Additional paid-in capital(2)" -> additionalpaidincapital. */
export function labelKey(label: string): string {
  return nameKey(label.replace(/\(\*?\d+\)\s*$/, "").replace(/\(\*\d+\)/g, ""));
}

const STOP_WORDS = new Set([
  "in",
  "of",
  "and",
  "the",
  "net",
  "total",
  "other",
  "for",
  "by",
  "to",
  "from",
  "on",
]);

function words(label: string): Set<string> {
  return new Set(
    label
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
  );
}

function shareAWord(a: string, b: string): boolean {
  const wa = words(a);
  return [...words(b)].some((w) => wa.has(w));
}

/**
 * The house label a printed one is the OCR's misreading of: a few letters apart (one in six), as
 * letters and digits are confused ("l" for "i", "1" for "l"), the nearest if several.
 */
function misreadOf(label: string, line: KnownLine): string | undefined {
  const key = labelKey(label);
  const near = line.labels
    .map((l) => ({ l, d: editDistance(key, nameKey(l)) }))
    .filter(({ l, d }) => d > 0 && d <= Math.max(1, Math.floor(nameKey(l).length / 6)))
    .sort((a, b) => a.d - b.d);
  return near[0]?.l;
}

interface Assignment {
  known?: number;
  match?: RowMatch;
}

function labelMatches(row: ParsedRow, line: KnownLine): boolean {
  const key = labelKey(row.label);
  return line.labels.some((l) => {
    if (nameKey(l) === key) return true;
    // Table 1 prints a group's name before its first row ("IP Service 64kbps – 128kbps").
    return line.section !== undefined && nameKey(`${innermostSection(line.section)} ${l}`) === key;
  });
}

function groupFits(row: ParsedRow, line: KnownLine, current: string | undefined): boolean {
  if (line.section === undefined) return true;
  const group = row.group ?? current;
  return group === undefined || nameKey(innermostSection(line.section)) === nameKey(group);
}

/** First pass: rows whose label IIJ has printed for a line. */
function byLabel(rows: readonly ParsedRow[], known: readonly KnownLine[]): Assignment[] {
  const taken = new Set<number>();
  let group: string | undefined;
  let last = -1;
  return rows.map((row) => {
    if (row.group) group = row.group;
    const fits = known
      .map((line, i) => ({ line, i }))
      .filter(({ line, i }) => !taken.has(i) && labelMatches(row, line));
    const under = fits.filter(
      ({ line }) =>
        line.under === undefined || nameKey(innermostSection(row.section)) === nameKey(line.under)
    );
    const grouped = under.filter(({ line }) => groupFits(row, line, group));
    const pool = grouped.length > 0 ? grouped : under;
    const pick = pool.find(({ i }) => i > last) ?? pool[0];
    if (!pick) return {};
    taken.add(pick.i);
    last = pick.i;
    if (pick.line.section !== undefined && !row.group) group = innermostSection(pick.line.section);
    return { known: pick.i, match: { kind: "label" } };
  });
}

/** Second pass: a row left between matched rows, where the house layout leaves a line too. */
function byPlace(
  rows: readonly ParsedRow[],
  known: readonly KnownLine[],
  found: Assignment[]
): void {
  const taken = new Set(found.map((a) => a.known).filter((k) => k !== undefined));
  for (let i = 0; i < rows.length; i++) {
    if (found[i].known !== undefined) continue;
    let end = i;
    while (end < rows.length && found[end].known === undefined) end++;
    const before =
      found
        .slice(0, i)
        .reverse()
        .find((a) => a.known !== undefined)?.known ?? -1;
    const after = found[end]?.known ?? known.length;
    const free = known.map((_, k) => k).filter((k) => k > before && k < after && !taken.has(k));
    const gap = rows.slice(i, end);
    if (free.length === gap.length) {
      gap.forEach((row, j) => {
        const line = known[free[j]];
        const misread = misreadOf(row.label, line);
        if (misread)
          found[i + j] = {
            known: free[j],
            match: { kind: "misread", houseLabel: misread, printed: row.label },
          };
        else if (shareAWord(row.label, line.labels[0]))
          found[i + j] = { known: free[j], match: { kind: "renamed", houseLabel: line.labels[0] } };
        else return;
        taken.add(free[j]);
      });
    }
    i = end;
  }
}

/** An id for a line no release printed before: its label in snake case, unique in the statement. */
function newLineId(label: string, used: ReadonlySet<string>): string {
  const base =
    labelKey(label) === ""
      ? "line"
      : label
          .replace(/\(\*?\d+\)/g, "")
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "_")
          .replace(/^_+|_+$/g, "");
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** The ids of one statement's (or one numbered table's) rows. */
export function mapRows(
  rows: readonly ParsedRow[],
  known: readonly KnownLine[],
  used: Set<string>
): DraftRow[] {
  const found = byLabel(rows, known);
  byPlace(rows, known, found);
  let lastSection: string | undefined;
  return rows.map((row, i) => {
    const line = found[i].known === undefined ? undefined : known[found[i].known as number];
    const match = found[i].match;
    let label = match?.kind === "misread" ? match.houseLabel : row.label;
    if (line?.section !== undefined && !row.group) {
      // "IP Service 64kbps – 128kbps" without its italics: the group is the section, not the label.
      const lead = innermostSection(line.section);
      if (
        nameKey(label).startsWith(nameKey(lead)) &&
        !line.labels.some((l) => nameKey(l) === labelKey(label))
      )
        label = label.slice(lead.length).trim();
    }
    const section = line?.section ?? (row.section || lastSection || "");
    if (line?.section !== undefined) lastSection = line.section;
    const id = line ? (line.id as string) : newLineId(label, used);
    used.add(id);
    return {
      ...row,
      label,
      section,
      id,
      match: found[i].match ?? { kind: "new" },
      unit: row.unit ?? line?.unit,
    };
  });
}

/** A repair for each label the OCR misread: what it shows, the house label, and why. */
export function labelRepairs(statement: StatementId, rows: readonly DraftRow[]): Repair[] {
  return rows.flatMap((row, i) => {
    if (row.match.kind !== "misread") return [];
    const [before, after] = [rows[i - 1]?.label, rows[i + 1]?.label];
    const place = [before && `after "${before}"`, after && `before "${after}"`]
      .filter(Boolean)
      .join(" and ");
    const apart = editDistance(labelKey(row.match.printed), nameKey(row.match.houseLabel));
    return [
      {
        statement,
        rowId: row.id,
        column: "label" as const,
        ocr: row.match.printed,
        settled: row.label,
        reason: `Label misread: it stands where the house layout prints "${row.match.houseLabel}"${place ? ` (${place})` : ""}, ${apart} letter${apart === 1 ? "" : "s"} apart.`,
      },
    ];
  });
}

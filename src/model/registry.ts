/**
 * The releases the model answers from: the bundled ones (src/data) and those stored in the open
 * workbook (added in the pane; src/taskpane/release-store.ts keeps them as Custom XML parts). One
 * shared model over both, rebuilt when the workbook's set changes: `defaultModel()` returns it, so
 * the functions, the quarter picker and Load quarter use a release as soon as it is registered.
 * The functions' answer cache is kept per model (src/functions/library.ts), so a new model starts
 * with an empty one and no answer of the previous set of releases survives.
 *
 * A workbook release with the same id (its release date) as a bundled one replaces it: a workbook
 * keeps the figures it was built on, whichever version of the add-in opens it, and removing the
 * stored copy brings the bundled one back. Between releases of different dates the model's own
 * rule holds: the later release wins for a quarter it reprints (restates), and `"1Q01@first"`
 * (or `"1Q01@<release date>"`) reads a figure as first reported.
 *
 * Also here, pure: a release as the XML of its part and back (validated as `iij-model ingest`'s
 * data files are), and what a release restates.
 */
import { RELEASES } from "../data";
import type { Release, StatementId } from "../data/types";
import { type Quarter, periodKey, quarterIndex } from "./calendar";
import { releaseProblems } from "./ingest/json";
import { IIJModel } from "./model";
import { parsePeriod } from "./periods";
import { readPrinted } from "./printed";

let workbook: readonly Release[] = [];
let shared: IIJModel | undefined;
let version = 0;

/** The bundled releases with the workbook's: a workbook release replaces a bundled one of its id. */
export function registeredReleases(stored: readonly Release[] = workbook): Release[] {
  const ids = new Set(stored.map((r) => r.id));
  return [...RELEASES.filter((r) => !ids.has(r.id)), ...stored];
}

/** The model over every registered release: the one `defaultModel()` returns. */
export function currentModel(): IIJModel {
  shared ??= new IIJModel(registeredReleases());
  return shared;
}

/** The releases stored in the workbook, as last registered. */
export function workbookReleases(): readonly Release[] {
  return workbook;
}

/** How many times the registered releases changed: a view drawn at an older version is stale. */
export function modelVersion(): number {
  return version;
}

/**
 * Registers the workbook's releases (all of them: the set replaces the previous one) and returns
 * the new model. Throws, changing nothing, when two of them share an id or the model cannot be
 * built over them.
 */
export function setWorkbookReleases(releases: readonly Release[]): IIJModel {
  const ids = releases.map((r) => r.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`The release of ${twice} is stored twice.`);
  // The same set (a workbook without releases, read at the pane's start): the model, and the
  // functions' answers, stay.
  const same = releases.length === workbook.length && releases.every((r, i) => r === workbook[i]);
  if (same && shared) return shared;
  const model = new IIJModel(registeredReleases(releases));
  workbook = [...releases];
  shared = model;
  version++;
  return model;
}

/** Whether a bundled release has this id (a stored one of the same id replaces it). */
export function isBundled(releaseId: string): boolean {
  return RELEASES.some((r) => r.id === releaseId);
}

/** The namespace of the workbook's release parts; the version is the part's format's. */
export const RELEASE_NAMESPACE = "urn:iij-model:release:v1";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/**
 * A release as the XML of its Custom XML part: one `release` element in RELEASE_NAMESPACE, its id
 * and latest quarter as attributes (for a reader of the file), the release's JSON (as
 * `iij-model ingest` writes it) as the element's escaped text.
 */
export function releasePartXml(release: Release): string {
  const json = JSON.stringify(release);
  return (
    `<release xmlns="${RELEASE_NAMESPACE}" id="${escapeXml(release.id)}" ` +
    `latestQuarter="${escapeXml(release.latestQuarter)}">${escapeXml(json)}</release>`
  );
}

// A Map: the entity names come from the workbook's text, and "&constructor;" names nothing.
const ENTITIES = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** XML text content: character references, the five entities and CDATA sections resolved. */
function unescapeXml(text: string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((piece) =>
      piece.startsWith("<![CDATA[")
        ? piece.slice(9, -3)
        : piece.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
            if (name[0] !== "#") return ENTITIES.get(name) ?? whole;
            const code =
              name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : +name.slice(1);
            return String.fromCodePoint(code);
          })
    )
    .join("");
}

/**
 * The release a part's XML holds, validated as a data file is (`releaseProblems`) and as the model
 * reads it; or the problem, in words. Excel may hand the XML back with a declaration, another
 * prefix or CDATA: any of those is read.
 */
export function releaseFromPartXml(xml: string): { release: Release } | { problem: string } {
  const root = /<(?:([\w.-]+):)?release\b([^>]*)>([\s\S]*)<\/(?:[\w.-]+:)?release>/.exec(xml);
  if (!root) return { problem: "no release element" };
  const [, prefix, attributes, content] = root;
  const xmlns = new RegExp(`xmlns${prefix ? `:${prefix}` : ""}="([^"]*)"`).exec(attributes);
  if (xmlns?.[1] !== RELEASE_NAMESPACE)
    return { problem: `not in the namespace ${RELEASE_NAMESPACE}` };
  let value: unknown;
  try {
    value = JSON.parse(unescapeXml(content));
  } catch (error) {
    return { problem: `its release is not JSON (${(error as Error).message})` };
  }
  const problems = releaseProblems(value);
  if (problems.length > 0)
    return {
      problem: `${problems.length} problem(s) in its release: ${problems.slice(0, 3).join("; ")}`,
    };
  try {
    new IIJModel([value as Release]);
  } catch (error) {
    return { problem: (error as Error).message };
  }
  return { release: value as Release };
}

/** A figure a release prints differently from the release it restates. */
export interface ChangedFigure {
  readonly statement: StatementId;
  readonly rowId: string;
  readonly label: string;
  /** As printed before (by `previous`) and now. */
  readonly was: string;
  readonly now: string;
  readonly previous: string;
}

/** A quarter a release reprints: how many of its figures, and those it changes. */
export interface Restatement {
  readonly period: string;
  readonly figures: number;
  readonly changed: readonly ChangedFigure[];
}

const sameValue = (a: string, b: string) => {
  const [x, y] = [readPrinted(a), readPrinted(b)];
  if (x.kind === "number" && y.kind === "number") return x.value.eq(y.value);
  return x.kind === y.kind;
};

/**
 * The quarters `release` restates over `model`'s releases of earlier dates (amounts only, the
 * columns the model answers from), latest quarter first: each with its figures reprinted and
 * those printed differently. A quarter a later release already reprints is not counted: that one wins.
 */
export function restatementsOf(model: IIJModel, release: Release): Restatement[] {
  const found = new Map<string, { at: number; figures: number; changed: ChangedFigure[] }>();
  for (const table of release.tables)
    table.columns.forEach((column, i) => {
      if (column.measure !== "amount") return;
      // A printed column's period is a quarter ("2Q01"): releaseProblems checks it.
      const quarter = parsePeriod(column.period, model.latestQuarter).period as Quarter;
      const period = periodKey(quarter);
      for (const row of table.rows) {
        if (row.cells[i] === "") continue;
        const others = model
          .figureHistory(table.statement, row.id, period, "amount")
          .filter((f) => f.release.id !== release.id);
        if (others.some((f) => f.release.date > release.date)) continue;
        const before = others[others.length - 1];
        if (!before) continue;
        const entry = found.get(period) ?? { at: quarterIndex(quarter), figures: 0, changed: [] };
        found.set(period, entry);
        entry.figures++;
        if (!sameValue(before.printed, row.cells[i]))
          entry.changed.push({
            statement: table.statement,
            rowId: row.id,
            label: row.label,
            was: before.printed,
            now: row.cells[i],
            previous: before.release.id,
          });
      }
    });
  return [...found]
    .sort(([, a], [, b]) => b.at - a.at)
    .map(([period, { figures, changed }]) => ({ period, figures, changed }));
}

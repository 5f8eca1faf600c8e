/**
 * A statement's structure: its lines in printed order with their sections (from the releases) and
 * what each total sums, with weights (from the printing and `statements.ts`). Footing checks, the
 * forecast, segments and the sheet all read it, so what a total is made of is worked out once.
 *
 * The rule is the one a printed statement follows: a total sums what is printed above it in its own
 * section; a subsection counts by its total when it prints one (its lines otherwise), and an earlier
 * total of the same section stands for the lines above it ("Total costs and expenses" = Total costs
 * + S&M + G&A + R&D). Weights come from the description (costs and tax are subtracted where they
 * meet revenues).
 */
import type { Release } from "../data/types";
import { innermostSection } from "./catalogue";
import {
  BALANCING,
  type Identity,
  type LineSpec,
  type LineStatement,
  TIES,
  lineSpec,
} from "./statements";

/** What a line needs to be placed: where it is printed. */
export interface PrintedPlace {
  readonly id: string;
  readonly label: string;
  readonly section: string;
  /** The printed table it belongs to (KPIs span several tables; sums never cross one). */
  readonly table: string;
}

export interface Part {
  readonly id: string;
  readonly weight: 1 | -1;
}

export interface Line extends PrintedPlace {
  readonly statement: LineStatement;
  readonly spec: LineSpec<string>;
  /** What a total sums, in printed order; empty for a line that is not a total. */
  readonly parts: readonly Part[];
}

export class StatementStructure {
  readonly lines: readonly Line[];
  private readonly byId = new Map<string, Line>();
  private readonly parent = new Map<string, string>();

  constructor(
    readonly statement: LineStatement,
    places: readonly PrintedPlace[]
  ) {
    const sums = sumsOf(statement, places);
    this.lines = places.map((place) => ({
      ...place,
      statement,
      spec: lineSpec(statement, place.id),
      parts: sums.get(place.id) ?? [],
    }));
    for (const line of this.lines) {
      this.byId.set(line.id, line);
      for (const part of line.parts) this.parent.set(part.id, line.id);
    }
  }

  get(id: string): Line | undefined {
    return this.byId.get(id);
  }

  /** Whether `id` is `ancestor` or one of the lines it is built from, at any depth. */
  isWithin(id: string, ancestor: string): boolean {
    for (let at: string | undefined = id; at !== undefined; at = this.parent.get(at))
      if (at === ancestor) return true;
    return false;
  }

  /** `total` and every line it is built from, in printed order (parts before their totals). */
  treeOf(total: string): readonly Line[] {
    return this.lines.filter((line) => this.isWithin(line.id, total));
  }

  /** The totals that sum something, in printed order. */
  totals(): readonly Line[] {
    return this.lines.filter((line) => line.parts.length > 0);
  }
}

/** The parent section path of "A / B / C" is "A / B"; of "A" it is the statement's root, "". */
function parentSection(section: string): string {
  const cut = section.lastIndexOf(" / ");
  return cut < 0 ? "" : section.slice(0, cut);
}

function isWithinSection(section: string, outer: string): boolean {
  return outer === "" || section === outer || section.startsWith(`${outer} / `);
}

/** Works out what each total sums from the printed order of one statement's lines. */
function sumsOf(statement: LineStatement, places: readonly PrintedPlace[]): Map<string, Part[]> {
  const sums = new Map<string, Part[]>();
  let open = new Map<string, Part[]>();
  let table: string | undefined;
  const close = (section: string) => {
    // Sections that are not `section` or its ancestors are finished: what they hold (their total,
    // or their lines when they print none) now counts in their parent section, deepest first.
    for (;;) {
      const done = [...open.keys()]
        .filter((path) => path !== "" && !isWithinSection(section, path))
        .sort((a, b) => b.length - a.length)[0];
      if (done === undefined) return;
      const parent = parentSection(done);
      open.set(parent, [...(open.get(parent) ?? []), ...(open.get(done) ?? [])]);
      open.delete(done);
    }
  };
  for (const place of places) {
    if (place.table !== table) [open, table] = [new Map(), place.table];
    close(place.section);
    const spec = lineSpec(statement, place.id);
    const held = open.get(place.section) ?? [];
    if (spec.total && held.length > 0) sums.set(place.id, held);
    const part: Part = { id: place.id, weight: spec.weight ?? 1 };
    open.set(place.section, spec.total ? [part] : [...held, part]);
  }
  return sums;
}

/** The places of one release's lines of a statement, in printed order. */
export function releasePlaces(release: Release, statement: LineStatement): PrintedPlace[] {
  return release.tables
    .filter((t) => t.statement === statement)
    .flatMap((t) =>
      t.rows.map((r) => ({ id: r.id, label: r.label, section: r.section, table: t.title }))
    );
}

/**
 * The lines of several releases as one printed order: the newest release's, with a line only an
 * older release printed placed after the line it followed there.
 */
export function mergePlaces(newestFirst: readonly (readonly PrintedPlace[])[]): PrintedPlace[] {
  const merged: PrintedPlace[] = [];
  // A Set, not a scan of `merged`: with many releases nearly every line is already there.
  const ids = new Set<string>();
  for (const places of newestFirst) {
    places.forEach((place, i) => {
      if (ids.has(place.id)) return;
      ids.add(place.id);
      const before = i === 0 ? -1 : merged.findIndex((m) => m.id === places[i - 1].id);
      merged.splice(before < 0 && i > 0 ? merged.length : before + 1, 0, place);
    });
  }
  return merged;
}

const FOOTING_PARTS_NAMED = 4;

/** The footing check of a total, named by its printed labels. */
function footing(structure: StatementStructure, total: Line): Identity {
  const labelled = total.parts.map((p, i) => {
    const line = structure.get(p.id);
    // A line of a subsection is named with it ("IIJ Economy 64kbps – 128kbps"); a total needs not.
    const label =
      line && !line.spec.total && line.section !== total.section
        ? `${innermostSection(line.section)} ${line.label}`
        : (line?.label ?? p.id);
    return i === 0 ? (p.weight < 0 ? `- ${label}` : label) : `${p.weight < 0 ? "-" : "+"} ${label}`;
  });
  const name =
    total.parts.length <= FOOTING_PARTS_NAMED
      ? `${total.label} = ${labelled.join(" ")}`
      : `${total.label} = the sum of the ${total.parts.length} lines printed above it in ${total.section || structure.statement}`;
  const term = (id: string, sign: 1 | -1 = 1) => ({
    statement: structure.statement,
    row: id,
    sign,
  });
  return {
    checkId: `footing:${structure.statement}:${total.id}`,
    name,
    left: [term(total.id)],
    right: total.parts.map((p) => term(p.id, p.weight)),
    usd: structure.statement !== "KPI",
  };
}

const CHECKED: readonly LineStatement[] = ["INCOME", "BALANCE", "CASHFLOW", "KPI"];

/**
 * Every identity the statements promise: each statement's footings in printed order (the balance
 * sheet's balancing right after its own), then the ties between statements.
 */
export function identitiesOf(structureOf: (s: LineStatement) => StatementStructure): Identity[] {
  const identities: Identity[] = [];
  for (const statement of CHECKED) {
    const structure = structureOf(statement);
    identities.push(...structure.totals().map((total) => footing(structure, total)));
    identities.push(...BALANCING.filter((rule) => rule.left[0].statement === statement));
  }
  return [...identities, ...TIES];
}

/**
 * Settles every figure cell. A cell whose own text is one clean figure, and whose constraints all
 * hold, is settled as printed. The others are in doubt: a lost or unreadable cell, a cell with a
 * format fault or a merged neighbour, a row whose figures the OCR moved onto the heading above, and
 * every member of a constraint that fails. Doubtful cells that share a constraint are searched
 * together (search.ts); when no reading of them satisfies the arithmetic, their neighbours in the
 * column, then the other members of their constraints, join the search. A cell the least-cost
 * readings disagree on, or that no reading settles, is unresolved: never a guess.
 */
import { type FigureReading, printedForm } from "./cells";
import type { Constraint, Known, Values } from "./constraints";
import { type Grid, type GridCell, cleanReading, knownOf } from "./grid";
import { type Choice, type ChoiceOrigin, type Pick, type Variable, searchReadings } from "./search";

export interface Settled {
  readonly kind: "settled";
  readonly text: string;
  readonly known: Known;
  readonly origin: ChoiceOrigin;
  /** For a figure taken from another cell or a heading: the key it was printed under. */
  readonly from?: string;
  /** The constraint that solved it. */
  readonly by?: string;
  /** A figure settled by a reviewed judgement, not by the arithmetic: what the OCR shows and why. */
  readonly judged?: { readonly ocr: string; readonly reason: string };
}

export interface Unresolved {
  readonly kind: "unresolved";
  readonly candidates: readonly string[];
  readonly why: string;
}

export type Decision = Settled | Unresolved;

const ownSource = (key: string, i = 0) => `${key}#${i}`;
const headingSource = (key: string, i: number) => `${key}^${i}`;

function choice(r: FigureReading, cost: number, origin: ChoiceOrigin, source: string): Choice {
  return { known: knownOf(r), text: r.text, cost, origin, source };
}

function ownChoices(cell: GridCell): Choice[] {
  return cell.readings.map((r, i) => {
    const origin: ChoiceOrigin = r.fault === "merged" ? "merged" : r.fault ? "format" : "own";
    return choice(r, r.fault ? 1 : 0, origin, ownSource(cell.key, i));
  });
}

function isLost(cell: GridCell): boolean {
  return cell.readings.length === 0 || cell.readings.some((r) => r.fault === "merged");
}

function variableOf(grid: Grid, cell: GridCell): Variable {
  const choices = [
    ...ownChoices(cell),
    ...cell.carried.map((r, i) => choice(r, 1, "heading", headingSource(cell.key, i))),
  ];
  if (isLost(cell)) {
    for (const [offset, origin] of [
      [-1, "above"],
      [1, "below"],
    ] as const) {
      const n = grid.neighbour(cell, offset);
      if (n) choices.push(...n.readings.map((r, i) => choice(r, 1, origin, ownSource(n.key, i))));
    }
  }
  // Its one clean reading, even with figures carried from the heading (which cleanReading doubts).
  const [only] = cell.readings;
  const clean = cell.readings.length === 1 && !only.fault ? only : undefined;
  return {
    key: cell.key,
    choices,
    ownText: clean?.text,
    places: cell.places,
  };
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    const p = this.parent.get(k) ?? k;
    if (p === k) return k;
    const root = this.find(p);
    this.parent.set(k, root);
    return root;
  }
  union(a: string, b: string): void {
    this.parent.set(this.find(a), this.find(b));
  }
}

/** The cells in doubt, grouped by the constraints they share. */
function doubtfulGroups(grid: Grid, constraints: readonly Constraint[], base: Map<string, Known>) {
  const doubtful = new Set(grid.cells.filter((c) => !base.has(c.key)).map((c) => c.key));
  const values: Values = (k) => base.get(k);
  for (const c of constraints)
    if (c.check(values) === "fails") c.cells.forEach((k) => doubtful.add(k));
  const uf = new UnionFind();
  for (const c of constraints) {
    const members = c.cells.filter((k) => doubtful.has(k));
    for (let i = 1; i < members.length; i++) uf.union(members[0], members[i]);
  }
  const groups = new Map<string, string[]>();
  for (const k of doubtful) {
    const root = uf.find(k);
    groups.set(root, [...(groups.get(root) ?? []), k]);
  }
  return [...groups.values()];
}

/**
 * The next ring of cells to doubt when a group has no reading: first the neighbours in the column
 * of its lost cells (a figure may have moved there); then the other members of the footings and
 * ties its lost cells are in (a lost cell solved from a footing takes in any misread of it).
 */
function widen(
  grid: Grid,
  keys: Set<string>,
  constraints: readonly Constraint[],
  ring: number
): boolean {
  const before = keys.size;
  const lost = [...keys].filter((k) => {
    const cell = grid.get(k);
    return cell !== undefined && isLost(cell);
  });
  if (ring === 1) {
    for (const k of lost) {
      for (const offset of [-1, 1]) {
        const n = grid.neighbour(grid.get(k) as GridCell, offset);
        if (n) keys.add(n.key);
      }
    }
  } else {
    const seeds = new Set(lost.length > 0 ? lost : keys);
    for (const c of constraints)
      if (c.exact && c.cells.some((k) => seeds.has(k)))
        c.cells.forEach((k) => grid.get(k) && keys.add(k));
  }
  return keys.size > before;
}

function order(grid: Grid, keys: Iterable<string>): GridCell[] {
  return [...keys]
    .map((k) => grid.get(k) as GridCell)
    .sort(
      (a, b) =>
        a.period.localeCompare(b.period) ||
        a.tableIndex - b.tableIndex ||
        a.rowIndex - b.rowIndex ||
        a.column - b.column
    );
}

const MAX_GROUP = 90;

export function settleCells(grid: Grid, constraints: readonly Constraint[]): Map<string, Decision> {
  const base = new Map<string, Known>();
  const decisions = new Map<string, Decision>();
  for (const cell of grid.cells) {
    const r = cleanReading(cell);
    if (!r) continue;
    const known = knownOf(r);
    base.set(cell.key, known);
    decisions.set(cell.key, { kind: "settled", text: r.text, known, origin: "own" });
  }
  // Smaller groups first; each later group reads the figures the earlier ones settled as fixed, so
  // that a rule across two groups is checked whichever way it is approached.
  const settled = new Map(base);
  const groups = doubtfulGroups(grid, constraints, base).sort((a, b) => a.length - b.length);
  for (const group of groups) {
    const keys = new Set(group);
    let result = runGroup(grid, keys, settled, constraints);
    for (let ring = 1; result.solutions.length === 0 && !result.exhausted && ring <= 2; ring++) {
      if (!widen(grid, keys, constraints, ring) || keys.size > MAX_GROUP) break;
      result = runGroup(grid, keys, settled, constraints);
    }
    // With no reading found, only the cells first in doubt stay so: those the search took in
    // only to look further keep their own clean reading.
    const decided = result.solutions.length > 0 && !result.exhausted ? keys : new Set(group);
    decide(grid, decided, result, constraints, base).forEach((d, k) => {
      decisions.set(k, d);
      if (d.kind === "settled") settled.set(k, d.known);
      else settled.delete(k);
    });
  }
  return decisions;
}

/**
 * Searches a group. A rule that also holds a doubtful cell of another group, not settled yet, takes
 * that cell into the search, so that no rule on the group goes unchecked.
 */
function runGroup(
  grid: Grid,
  keys: Set<string>,
  settled: Map<string, Known>,
  constraints: readonly Constraint[]
) {
  for (const c of constraints) {
    if (!c.cells.some((k) => keys.has(k))) continue;
    for (const k of c.cells) if (!keys.has(k) && !settled.has(k) && grid.get(k)) keys.add(k);
  }
  const vars = order(grid, keys).map((c) => variableOf(grid, c));
  const fixed = new Map([...settled].filter(([k]) => !keys.has(k)));
  const fixedSources = new Set([...fixed.keys()].map((k) => ownSource(k)));
  return searchReadings(vars, fixed, fixedSources, constraints);
}

function textOf(grid: Grid, key: string, pick: Pick): string | undefined {
  if (!pick.known || pick.known.value === null) return pick.text;
  if (pick.text !== undefined) return pick.text;
  const cell = grid.get(key) as GridCell;
  return printedForm(pick.known.value, cell.places, cell.style);
}

function decide(
  grid: Grid,
  keys: Set<string>,
  result: ReturnType<typeof searchReadings>,
  constraints: readonly Constraint[],
  base: Map<string, Known>
): Map<string, Decision> {
  const out = new Map<string, Decision>();
  const failing = constraints.filter(
    (c) => c.cells.some((k) => keys.has(k)) && c.check((k) => base.get(k)) !== "holds"
  );
  for (const key of keys) {
    const cell = grid.get(key) as GridCell;
    const texts = result.solutions.map((s) => {
      const pick = s.picks.get(key) as Pick;
      return pick ? textOf(grid, key, pick) : undefined;
    });
    const agreed = texts.length > 0 && texts.every((t) => t !== undefined && t === texts[0]);
    if (agreed && !result.exhausted) {
      const pick = result.solutions[0].picks.get(key) as Pick;
      out.set(key, {
        kind: "settled",
        text: texts[0] as string,
        known: pick.known as Known,
        origin: pick.origin,
        from: pick.source?.replace(/[#^]\d+$/, ""),
        by: pick.by,
      });
      continue;
    }
    const disputed = result.solutions.length === 0 ? eachRuleAlone(cell, constraints, base) : [];
    const candidates = [
      ...new Set([
        ...texts.filter((t): t is string => t !== undefined),
        ...cell.readings.map((r) => r.text),
        ...disputed.map((d) => d.text),
      ]),
    ];
    const why =
      new Set(disputed.map((d) => d.text)).size > 1
        ? `its rules give different figures: ${disputed.map((d) => `${d.text} by "${d.rule}"`).join("; ")} (a rounding plug cannot be told from a misread)`
        : whyUnresolved(result, texts, failing);
    out.set(key, { kind: "unresolved", candidates, why });
  }
  return out;
}

/** What each rule on a cell would make it, the other cells read as settled: the readings in dispute. */
function eachRuleAlone(
  cell: GridCell,
  constraints: readonly Constraint[],
  base: Map<string, Known>
): { rule: string; text: string }[] {
  const values = (k: string) => base.get(k);
  return constraints
    .filter((c) => c.cells.includes(cell.key))
    .flatMap((c) => {
      const v = c.solve(cell.key, values, cell.places);
      return v === undefined
        ? []
        : [{ rule: c.name, text: printedForm(v, cell.places, cell.style) }];
    });
}

function whyUnresolved(
  result: ReturnType<typeof searchReadings>,
  texts: readonly (string | undefined)[],
  failing: readonly Constraint[]
): string {
  if (result.exhausted)
    return "too many readings to weigh: the search stopped before it could prove one";
  if (result.solutions.length === 0)
    return `no reading of the doubtful cells satisfies the release's arithmetic (${
      failing
        .map((c) => c.name)
        .slice(0, 3)
        .join("; ") || "no rule settles them"
    })`;
  if (texts.every((t) => t === undefined))
    return "no rule of the release's arithmetic settles this cell alone";
  return `${new Set(texts).size} readings satisfy the release's arithmetic equally: ${[...new Set(texts)].map((t) => t ?? "(unknown)").join(", ")}`;
}

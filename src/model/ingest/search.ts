/**
 * The readings of a group of doubtful cells that satisfy every constraint on them, at the least
 * cost. A cell's choices are its own reading (cost 0), another reading of its text (a separator,
 * one figure of a merged cell: cost 1), a figure printed next to it (on the heading above, on the
 * row above or below: cost 1), or a value the arithmetic solves for (cost 1): a lost cell, or a
 * misread one, whose printed text must then be one slip off the value (a digit misread, two
 * neighbouring digits swapped or one lost, a negative's parentheses lost) or be a figure another
 * cell took. Every printed figure is used once. The fewest changes that make the page's arithmetic hold
 * is the reading; when two readings tie, each cell they disagree on stays unresolved.
 */
import type { Dec } from "../decimal";
import { isOneSlip } from "./cells";
import type { Constraint, Known, Values } from "./constraints";

export type ChoiceOrigin = "own" | "format" | "merged" | "heading" | "above" | "below" | "solved";

export interface Choice {
  readonly known: Known;
  readonly text: string;
  readonly cost: number;
  readonly origin: ChoiceOrigin;
  /** The printed figure the choice uses: no two cells may use the same one. */
  readonly source?: string;
}

export interface Variable {
  readonly key: string;
  readonly choices: readonly Choice[];
  /**
   * The cell's own print (clean or misformatted), which a solved value must be one slip off, or
   * have lent out.
   */
  readonly ownText?: string;
  /** Decimal places a solved value is printed with. */
  readonly places: number;
}

export interface Pick {
  readonly known?: Known;
  readonly text?: string;
  readonly origin: ChoiceOrigin;
  readonly source?: string;
  /** The constraint that solved the value. */
  readonly by?: string;
}

export interface Solution {
  readonly cost: number;
  readonly picks: ReadonlyMap<string, Pick>;
}

export interface SearchResult {
  readonly solutions: readonly Solution[];
  /** Cells that least-cost readings beyond `solutions` (which keeps the first few) read otherwise. */
  readonly disputed: ReadonlySet<string>;
  /** The search stopped at its budget: its solutions may not be all. */
  readonly exhausted: boolean;
}

const MAX_SOLUTIONS = 24;
/** Changes beyond the forced ones a reading may make: more faults than this in one group is noise. */
const MAX_EXTRA_CHANGES = 6;
/** Marks a trail entry for a pending cell the arithmetic solved (undo makes it pending again). */
const SOLVED = "\u0000";

class Search {
  private readonly values = new Map<string, Known>();
  private readonly picks = new Map<string, Pick>();
  private readonly pending = new Set<string>();
  private readonly used = new Set<string>();
  private readonly byCell = new Map<string, Constraint[]>();
  private readonly vars: Map<string, Variable>;
  private best = Infinity;
  private bound = 0;
  /** The least cost the variables from i on must add: one for each that has no free choice. */
  private readonly forcedAfter: number[];
  private nodes = 0;
  exhausted = false;
  solutions: Solution[] = [];
  /** Cells that least-cost readings beyond the kept ones read otherwise than the first. */
  disputed = new Set<string>();

  constructor(
    private readonly order: readonly Variable[],
    fixed: ReadonlyMap<string, Known>,
    private readonly fixedSources: ReadonlySet<string>,
    constraints: readonly Constraint[],
    private readonly budget: number
  ) {
    this.vars = new Map(order.map((v) => [v.key, v]));
    for (const [k, v] of fixed) this.values.set(k, v);
    for (const c of constraints) {
      if (!c.cells.some((k) => this.vars.has(k))) continue;
      if (!c.cells.every((k) => this.vars.has(k) || fixed.has(k))) continue;
      for (const k of c.cells) this.byCell.set(k, [...(this.byCell.get(k) ?? []), c]);
    }
    for (const list of this.byCell.values()) list.sort((a, b) => a.rank - b.rank);
    this.forcedAfter = order.map(
      (_, i) => order.slice(i).filter((v) => !v.choices.some((c) => c.cost === 0)).length
    );
    this.forcedAfter.push(0);
  }

  private readonly get: Values = (key) => this.values.get(key);

  /** A rule's one member without a value; null when all have one, undefined when two or more lack one. */
  private soleUnknown(c: Constraint): string | null | undefined {
    let unknown: string | null = null;
    for (const k of c.cells) {
      if (this.values.has(k)) continue;
      if (unknown !== null) return undefined;
      unknown = k;
    }
    return unknown;
  }

  /** Sets what follows from `start`'s value; false on a contradiction. Records what it set in `trail`. */
  private propagate(start: string, trail: string[]): boolean {
    const queue = [start];
    while (queue.length > 0) {
      const key = queue.shift() as string;
      for (const c of this.byCell.get(key) ?? []) {
        const unknown = this.soleUnknown(c);
        if (unknown === null) {
          if (this.violated(c)) return false;
        } else if (unknown !== undefined && this.pending.has(unknown)) {
          const target = this.vars.get(unknown) as Variable;
          const v = c.solve(target.key, this.get, target.places);
          if (v === undefined) continue;
          this.settle(target, v, c.id, trail);
          queue.push(target.key);
        }
      }
    }
    return true;
  }

  /**
   * Whether a rule fails. A plug (a rounded figure off by less than a unit), or a column of rounded
   * figures that misses its total by rounding, is the release's own only among printed figures: a
   * solved figure must meet every rule on it exactly, or two rules dispute it and it stays open.
   */
  private violated(c: Constraint): boolean {
    const verdict = c.check(this.get);
    if (verdict === "fails") return true;
    if (verdict === "rounding") return c.cells.some((k) => this.picks.get(k)?.origin === "solved");
    return verdict === "plug" && this.picks.get(c.cells[0])?.origin === "solved";
  }

  /** A pending cell solved: it leaves `pending`, and `undo` puts it back. */
  private settle(target: Variable, value: Dec, by: string, trail: string[]): void {
    const known = { value, places: target.places, nil: false };
    this.values.set(target.key, known);
    this.picks.set(target.key, { known, origin: "solved", by });
    this.pending.delete(target.key);
    trail.push(`${SOLVED}${target.key}`);
  }

  private undo(trail: readonly string[]): void {
    for (const entry of [...trail].reverse()) {
      const solved = entry.startsWith(SOLVED);
      const key = solved ? entry.slice(SOLVED.length) : entry;
      this.values.delete(key);
      if (solved) {
        this.pending.add(key);
        this.picks.set(key, { origin: "solved" });
      } else this.picks.delete(key);
    }
  }

  /**
   * Iterative deepening on the number of changes: first the readings that change only the cells
   * that must change (lost ones), then one change more, and so on; once readings are found, one
   * more change is allowed, for a reading that explains more of the print with one change more.
   */
  run(): void {
    let found: number | undefined;
    for (
      this.bound = this.forcedAfter[0];
      this.bound <= this.forcedAfter[0] + MAX_EXTRA_CHANGES;
      this.bound++
    ) {
      [this.best, this.solutions, this.disputed] = [Infinity, [], new Set()];
      this.dfs(0, 0);
      if (this.exhausted || (found !== undefined && this.bound > found)) return;
      if (this.solutions.length > 0) found = this.bound;
    }
  }

  private dfs(i: number, cost: number): void {
    if (++this.nodes > this.budget) {
      this.exhausted = true;
      return;
    }
    if (cost + this.forcedAfter[i] > Math.min(this.best, this.bound) || this.exhausted) return;
    if (i === this.order.length) return this.leaf(cost);
    const v = this.order[i];
    for (const choice of v.choices) {
      if (choice.source && (this.used.has(choice.source) || this.fixedSources.has(choice.source)))
        continue;
      const trail = [v.key];
      this.values.set(v.key, choice.known);
      this.picks.set(v.key, {
        known: choice.known,
        text: choice.text,
        origin: choice.origin,
        source: choice.source,
      });
      if (choice.source) this.used.add(choice.source);
      if (this.propagate(v.key, trail)) this.dfs(i + 1, cost + choice.cost);
      if (choice.source) this.used.delete(choice.source);
      this.undo(trail);
    }
    this.pending.add(v.key);
    this.picks.set(v.key, { origin: "solved" });
    const trail: string[] = [];
    const ok = this.solveAll(trail);
    if (ok) this.dfs(i + 1, cost + 1);
    this.undo(trail);
    this.pending.delete(v.key);
    this.picks.delete(v.key);
  }

  /** Solves what the pending cells' constraints settle (exact ones first, then rounded ones). */
  private solveAll(trail: string[]): boolean {
    for (let progress = true; progress;) {
      progress = false;
      for (const key of [...this.pending]) {
        for (const c of this.byCell.get(key) ?? []) {
          if (this.soleUnknown(c) !== key) continue;
          const target = this.vars.get(key) as Variable;
          const v = c.solve(key, this.get, target.places);
          if (v === undefined) continue;
          this.settle(target, v, c.id, trail);
          if (!this.propagate(key, trail)) return false;
          progress = true;
          break;
        }
      }
    }
    return true;
  }

  /**
   * A full reading. A solved value must be one slip off the cell's own clean figure, or the cell
   * must have lent its figure to another; each printed figure of the group that no cell uses, and
   * that is not a misread copy of its cell's value, costs one more (a reading that leaves printed
   * figures unexplained is the weaker one).
   */
  private leaf(cost: number): void {
    const used = new Set([...this.picks.values()].map((p) => p.source).filter((s) => s));
    let unexplained = 0;
    for (const v of this.order) {
      const pick = this.picks.get(v.key) as Pick;
      // The cell's own prints: as it reads, or as its misformatted text reads ("(500 144)").
      const prints = v.choices.filter((c) => c.origin === "own" || c.origin === "format");
      const known = pick.known;
      const misread =
        known !== undefined && prints.some((p) => isMisreadOf(p.known, known, v.places));
      // A cell printed clean that the arithmetic cannot pin is no reading of it.
      if (pick.origin === "solved" && v.ownText !== undefined && !known) return;
      if (pick.origin === "solved" && prints.length > 0 && known) {
        if (prints.some((p) => p.known.value !== null && known.value?.eq(p.known.value))) return;
        if (!misread && !prints.some((p) => used.has(p.source as string))) return;
        // A misformatted print ("124.847") read with a slip as well is two faults on one cell.
        if (prints.every((p) => p.origin === "format")) unexplained++;
      }
      for (const c of v.choices) {
        if (c.origin === "above" || c.origin === "below" || !c.source || used.has(c.source))
          continue;
        if (prints.includes(c) && misread) continue;
        unexplained++;
      }
    }
    // Plugs do not weigh: the release apportions its USD and % columns so that they foot (the
    // samples print a dozen), so a reading that needs one plug fewer is no likelier, and one that
    // is preferred only for that settles a misread the other way (a lost digit of Common stock
    // "repaired" into Additional paid-in capital, whose printed % was a plug).
    const total = cost + unexplained;
    if (total > this.best) return;
    if (total < this.best) [this.best, this.solutions, this.disputed] = [total, [], new Set()];
    if (this.solutions.length < MAX_SOLUTIONS)
      this.solutions.push({ cost: total, picks: new Map(this.picks) });
    else this.noteDisputes();
  }

  /**
   * A least-cost reading past the kept ones is not kept, but where it reads a cell otherwise than
   * the first reading the cell is disputed: agreement among the kept readings alone is no
   * agreement.
   */
  private noteDisputes(): void {
    const first = this.solutions[0].picks;
    const form = (p: Pick | undefined) =>
      `${p?.text ?? ""}|${p?.known?.value?.toString() ?? ""}|${p?.known?.places ?? ""}`;
    for (const [key, pick] of this.picks)
      if (form(pick) !== form(first.get(key))) this.disputed.add(key);
  }
}

/**
 * Whether `printed` could be `value` after one slip of the OCR: a digit misread, two neighbouring
 * digits swapped or one lost (same sign), or both parentheses of a negative lost.
 */
export function isMisreadOf(printed: Known, value: Known, places: number): boolean {
  const a = printed.value;
  const b = value.value;
  if (!a || !b || a.eq(b)) return false;
  // A negative whose parentheses were both lost reads as a clean positive figure.
  if (a.isNegative() !== b.isNegative() && !a.isZero() && !b.isZero()) return a.abs().eq(b.abs());
  return isOneSlip(a.abs().toFixed(places), b.abs().toFixed(places));
}

/** Every least-cost reading of `vars` given the `fixed` cells around them. */
export function searchReadings(
  vars: readonly Variable[],
  fixed: ReadonlyMap<string, Known>,
  fixedSources: ReadonlySet<string>,
  constraints: readonly Constraint[],
  budget = 200_000
): SearchResult {
  const search = new Search(vars, fixed, fixedSources, constraints, budget);
  search.run();
  return { solutions: search.solutions, disputed: search.disputed, exhausted: search.exhausted };
}

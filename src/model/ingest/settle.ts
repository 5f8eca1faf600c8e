/**
 * Settles every figure cell. A cell whose own text is one clean figure, and whose constraints all
 * hold, is settled as printed. The others are in doubt: a lost or unreadable cell, a cell with a
 * format fault or a merged neighbour, a row whose figures the OCR moved onto the heading above, and
 * every member of a constraint that fails. Doubtful cells that share a constraint are searched
 * together (search.ts); when no reading of them satisfies the arithmetic, their neighbours in the
 * column, then the other members of their constraints, join the search. A cell the least-cost
 * readings disagree on, or that no reading settles, is unresolved: never a guess. Nor is a reading
 * that only satisfies the rules enough: with two doubtful cells in one rule, each can absorb the
 * other's fault, so each reading must be proved by a rule whose other cells are sure
 * (provedReadings), or the cell is unresolved.
 */
import { type FigureReading, printedForm } from "./cells";
import type { Constraint, Known, Values } from "./constraints";
import { Dec } from "../decimal";
import { type Grid, type GridCell, cleanReading, knownOf } from "./grid";
import {
  type Choice,
  type ChoiceOrigin,
  type Pick,
  type Variable,
  isMisreadOf,
  searchReadings,
} from "./search";

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
  // Its one clean reading, even with figures carried from the heading (which cleanReading doubts);
  // or a misformatted print: either way a figure is printed there, which a solved value must be
  // one slip from. Two figures run together are no print of the cell's own.
  const [only] = cell.readings;
  const printed = cell.readings.length === 1 && only.fault !== "merged" ? only : undefined;
  return {
    key: cell.key,
    choices,
    ownText: printed?.text,
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
  return { groups: [...groups.values()], doubtful };
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
    // And the cells' own USD, % and change prints: read as printed they may be misread as well
    // ("123.374" beside a USD 1,032 misread from 1,035; a lost 165,621 beside a YOY 195.5 read
    // 295.5).
    const seeds = new Set(lost.length > 0 ? lost : keys);
    for (const c of constraints)
      if ((c.exact || c.cells.length <= 3) && c.cells.some((k) => seeds.has(k)))
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

/** The rules on each cell: a group's search and proof read only the rules on its cells. */
class RulesByCell {
  private readonly byCell = new Map<string, number[]>();
  constructor(private readonly all: readonly Constraint[]) {
    all.forEach((c, i) =>
      c.cells.forEach((k) => this.byCell.set(k, [...(this.byCell.get(k) ?? []), i]))
    );
  }
  /**
   * Takes into `keys` the cells `admit` accepts of each rule on them, the rules read once in their
   * order in the release's list, so that a cell taken in brings in its rules later in the list.
   */
  spread(keys: Set<string>, admit: (key: string) => boolean): void {
    const pending = this.idsOn(keys);
    for (let i = 0; i < this.all.length; i++) {
      if (!pending.has(i)) continue;
      for (const k of this.all[i].cells) {
        if (keys.has(k) || !admit(k)) continue;
        keys.add(k);
        for (const j of this.byCell.get(k) ?? []) if (j > i) pending.add(j);
      }
    }
  }

  /** The rules on any of `keys`, in their order in the release's list. */
  on(keys: Iterable<string>): Constraint[] {
    return [...this.idsOn(keys)].sort((a, b) => a - b).map((i) => this.all[i]);
  }

  private idsOn(keys: Iterable<string>): Set<number> {
    const ids = new Set<number>();
    for (const k of keys) for (const i of this.byCell.get(k) ?? []) ids.add(i);
    return ids;
  }
}

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
  const { groups, doubtful } = doubtfulGroups(grid, constraints, base);
  const rules = new RulesByCell(constraints);
  const searched = new Set<string>();
  for (const group of groups.sort((a, b) => a.length - b.length)) {
    const keys = new Set(group);
    let result = runGroup(grid, keys, settled, rules);
    for (let ring = 1; result.solutions.length === 0 && !result.exhausted && ring <= 2; ring++) {
      if (!widen(grid, keys, rules.on(keys), ring)) continue;
      if (keys.size > MAX_GROUP) break;
      result = runGroup(grid, keys, settled, rules);
    }
    decide(grid, { keys, group: new Set(group), doubtful }, result, rules, {
      base,
      settled,
    }).forEach((d, k) => {
      decisions.set(k, d);
      if (d.kind === "settled") settled.set(k, d.known);
      else settled.delete(k);
    });
    keys.forEach((k) => searched.add(k));
  }
  withoutContradictions(decisions, constraints, searched);
  return decisions;
}

/**
 * Each reading was proved by a rule of its own, but readings settled in different rules, or in
 * different groups, can still contradict a rule that holds them all: a lost cash solved from its
 * tie beside a misread other current assets that its % of total cannot see, under a footing that
 * then misses by the misread. Such a rule fails with every cell settled; its cells a search
 * weighed are not proved together, and are unresolved (its prints that nothing doubted stay as
 * the page shows them). Repeated until no rule whose cells are all settled fails.
 */
function withoutContradictions(
  decisions: Map<string, Decision>,
  constraints: readonly Constraint[],
  searched: ReadonlySet<string>
): void {
  const values: Values = (k) => {
    const d = decisions.get(k);
    return d?.kind === "settled" ? d.known : undefined;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const c of constraints) {
      if (c.check(values) !== "fails") continue;
      const described = c.describe(values);
      for (const k of c.cells) {
        const d = decisions.get(k);
        if (!searched.has(k) || d?.kind !== "settled") continue;
        decisions.set(k, {
          kind: "unresolved",
          candidates: [d.text],
          why: `its reading ${d.text} was proved by a rule of its own, but with the readings settled around it "${c.name}" fails (${described}): they cannot all be right`,
        });
        changed = true;
      }
    }
  }
}

/**
 * Searches a group. A rule that also holds a doubtful cell of another group, not settled yet, takes
 * that cell into the search, so that no rule on the group goes unchecked.
 */
function runGroup(grid: Grid, keys: Set<string>, settled: Map<string, Known>, rules: RulesByCell) {
  rules.spread(keys, (k) => !settled.has(k) && grid.get(k) !== undefined);
  const vars = order(grid, keys).map((c) => variableOf(grid, c));
  const fixed = new Map([...settled].filter(([k]) => !keys.has(k)));
  const fixedSources = new Set([...fixed.keys()].map((k) => ownSource(k)));
  return searchReadings(vars, fixed, fixedSources, rules.on(keys));
}

function textOf(grid: Grid, key: string, pick: Pick): string | undefined {
  if (!pick.known || pick.known.value === null) return pick.text;
  if (pick.text !== undefined) return pick.text;
  const cell = grid.get(key) as GridCell;
  return printedForm(pick.known.value, cell.places, cell.style);
}

interface Searched {
  /** Every cell the search could change. */
  readonly keys: ReadonlySet<string>;
  /** The group's cells first in doubt; the others the search took in only to look further. */
  readonly group: ReadonlySet<string>;
  /** Every cell in doubt before any search: lost, misformatted, or in a rule that fails as read. */
  readonly doubtful: ReadonlySet<string>;
}

interface Reading {
  readonly pick: Pick;
  readonly text: string;
}

/**
 * The reading each searched cell takes, where the least-cost readings agree on it. With no reading
 * found, the cells taken in only to look further are read as printed, if they print one clean
 * figure: that print is all they offer, and it must be proved like any other reading.
 */
function agreedReadings(
  grid: Grid,
  searched: Searched,
  result: ReturnType<typeof searchReadings>
): Map<string, Reading> {
  const out = new Map<string, Reading>();
  const found = result.solutions.length > 0 && !result.exhausted;
  for (const key of searched.keys) {
    const cell = grid.get(key) as GridCell;
    if (!found) {
      const r = searched.group.has(key) ? undefined : cleanReading(cell);
      if (r)
        out.set(key, { pick: { known: knownOf(r), text: r.text, origin: "own" }, text: r.text });
      continue;
    }
    const texts = result.solutions.map((s) => {
      const pick = s.picks.get(key);
      return pick ? textOf(grid, key, pick) : undefined;
    });
    const [first] = texts;
    if (first !== undefined && texts.every((t) => t === first) && !result.disputed.has(key))
      out.set(key, { pick: result.solutions[0].picks.get(key) as Pick, text: first });
  }
  return out;
}

/** What proof reads: the searched cells' readings, and the figures around them. */
interface ProofInput {
  readonly grid: Grid;
  readonly searched: Searched;
  readonly readings: ReadonlyMap<string, Reading>;
  /** Settled figures outside the search. */
  readonly settled: ReadonlyMap<string, Known>;
  /** Whether the search found a reading (within its budget). */
  readonly found: boolean;
  /** Cells of a rounded rule that fails as printed: their digits, not only their place, are in doubt. */
  readonly misread: ReadonlySet<string>;
  /** The rules on any cells, for weighing another explanation of a rule's miss. */
  readonly rules: RulesByCell;
}

const signOf = (d: Dec): number => (d.isZero() ? 0 : d.isNegative() ? -1 : 1);

/**
 * Whether a figure solved for a cell has the opposite sign to every figure its row prints clean
 * in the same measure (a short-term investments of (60) in a row of positive balances). The
 * arithmetic would then rather be absorbing a misread elsewhere in the footing (a lost cell
 * solves to whatever foots) than showing a line that changed sign, so the solved figure proves
 * nothing and the cell stays unresolved. A row of mixed or no clean signs says nothing.
 */
function againstItsRow(grid: Grid): (key: string, value: Dec) => boolean {
  const signs = new Map<string, number>();
  const rowSign = (cell: GridCell): number => {
    const row = `${cell.tableIndex}|${cell.rowIndex}|${cell.measure}`;
    let sign = signs.get(row);
    if (sign === undefined) {
      const seen = new Set(
        grid.cells
          .filter((c) => `${c.tableIndex}|${c.rowIndex}|${c.measure}` === row)
          .map((c) => cleanReading(c))
          .flatMap((r) => {
            const value = r ? knownOf(r).value : null;
            return value ? [signOf(value)] : [];
          })
          .filter((v) => v !== 0)
      );
      sign = seen.size === 1 ? [...seen][0] : 0;
      signs.set(row, sign);
    }
    return sign;
  };
  return (key, value) => {
    const sign = rowSign(grid.get(key) as GridCell);
    return sign !== 0 && signOf(value) === -sign;
  };
}

/**
 * Whether a figure solved for a lost cell could as well have been printed "NA": it solves to nil,
 * and its table prints NA in the same kind of measure (Table 1's DSL contracts before the service
 * began). A footing counts NA as nothing, so nil and NA foot alike and the arithmetic cannot say
 * which the page printed; 0 where the release says "not applicable" would be a wrong figure.
 */
function mayBeNa(grid: Grid): (key: string, value: Dec | null | undefined) => boolean {
  const tables = new Map<string, boolean>();
  const printsNa = (cell: GridCell): boolean => {
    const at = `${cell.tableIndex}|${cell.measure}`;
    let na = tables.get(at);
    if (na === undefined) {
      na = grid.cells.some(
        (c) =>
          c.tableIndex === cell.tableIndex &&
          c.measure === cell.measure &&
          cleanReading(c)?.value === null
      );
      tables.set(at, na);
    }
    return na;
  };
  return (key, value) =>
    value !== null && value !== undefined && value.isZero() && printsNa(grid.get(key) as GridCell);
}

/**
 * The figures `known` would be with one digit read otherwise or two neighbouring digits swapped
 * (the slips a search weighs that keep a figure's size), in the same places and sign; a leading
 * digit never becomes 0.
 */
function slipVariants(known: Known): Known[] {
  const { value, places } = known;
  if (value === null || value.isZero()) return [];
  const digits = value.abs().toFixed(places).replace(".", "");
  const texts = new Set<string>();
  for (let i = 0; i < digits.length; i++) {
    for (const d of "0123456789") texts.add(`${digits.slice(0, i)}${d}${digits.slice(i + 1)}`);
    if (i > 0)
      texts.add(`${digits.slice(0, i - 1)}${digits[i]}${digits[i - 1]}${digits.slice(i + 1)}`);
  }
  texts.delete(digits);
  const scale = new Dec(10).pow(places);
  return [...texts]
    .filter((t) => t[0] !== "0")
    .map((t) => {
      const abs = new Dec(t).div(scale);
      return { value: value.isNegative() ? abs.neg() : abs, places, nil: false };
    });
}

/**
 * Whether a rule that holds with `key` read as `known` would hold as well with a slip of it: a
 * rule that rounds (a USD or % cell brackets its amount to within half a unit of its own last
 * place) cannot see the amount's lower digits, so it proves nothing about them.
 * It matters where the cell's digits are in doubt (a rule on it fails as printed): Inventories'
 * 263,553 misread 263,153 beside a lost Short-term investments still prints a 0.5% that holds, and
 * taking that for proof "repaired" its USD and solved Short-term investments to 400.
 */
function blindTo(c: Constraint, key: string, known: Known, values: Values): boolean {
  return slipVariants(known).some((v) => c.check((k) => (k === key ? v : values(k))) === "holds");
}

/** A cell's one print: clean, or misformatted ("124.847"); not two figures run together. */
function printOf(cell: GridCell): FigureReading | undefined {
  const [only] = cell.readings;
  return (
    cleanReading(cell) ?? (cell.readings.length === 1 && only.fault !== "merged" ? only : undefined)
  );
}

/**
 * The other prints whose slip could as well explain a rule's miss that a clean print was re-read
 * to close: read `key` as it prints, and another cell of the rule, solved to close the miss, is
 * one slip from its own clean print, with every rule on the two cells still holding. Then the page
 * does not say which print the OCR slipped on (a footing that misses by 20,000 beside a
 * Short-term investments of 5,564,644 and an Other current assets of 328,860, each one digit from
 * closing it, whose % of total cannot tell): the re-reading proves nothing, and the other prints
 * are in doubt too. A lost cell has no print to keep, and is not weighed so; a misformatted one
 * is read as its format says.
 */
function slipAlternatives(
  input: { readonly grid: Grid; readonly rules: RulesByCell },
  c: Constraint,
  key: string,
  values: Values
): { key: string; text: string }[] {
  const own = printOf(input.grid.get(key) as GridCell);
  if (!own) return [];
  const asPrinted = knownOf(own);
  const kept: Values = (k) => (k === key ? asPrinted : values(k));
  return c.cells.flatMap((other) => {
    const cell = other === key ? undefined : input.grid.get(other);
    const print = cell && cleanReading(cell);
    if (!cell || !print || print.value === null) return [];
    const solved = c.solve(other, kept, cell.places);
    if (!solved || solved.eq(print.value)) return [];
    const slip = { value: solved, places: cell.places, nil: solved.isZero() };
    if (!isMisreadOf(knownOf(print), slip, cell.places)) return [];
    const alternative: Values = (k) => (k === other ? slip : kept(k));
    if (input.rules.on([key, other]).some((r) => r.check(alternative) === "fails")) return [];
    return [{ key: other, text: printedForm(solved, cell.places, cell.style) }];
  });
}

/**
 * For each re-reading of a clean print left unproved because another print's slip explains its
 * rule's miss as well: why, in words; and the other prints, now in doubt themselves.
 */
function slipDoubts(
  input: ProofInput,
  constraints: readonly Constraint[],
  proved: ReadonlySet<string>
): Map<string, string> & { others: Map<string, Unresolved> } {
  const { grid, searched, readings, settled } = input;
  const values: Values = (k) =>
    searched.keys.has(k) ? readings.get(k)?.pick.known : settled.get(k);
  const whys = new Map<string, string>();
  const others = new Map<string, Unresolved>();
  for (const [key, { pick, text }] of readings) {
    const own = printOf(grid.get(key) as GridCell);
    if (proved.has(key) || pick.origin !== "solved" || !own) continue;
    for (const c of constraints) {
      if (!c.cells.includes(key) || c.check(values) === "fails") continue;
      for (const alt of slipAlternatives(input, c, key, values)) {
        const print = cleanReading(grid.get(alt.key) as GridCell)?.text ?? "";
        const label = (k: string) => grid.labels().get(k) ?? k;
        const says = `"${c.name}" misses as printed: reading ${label(key)} ${own.text} as ${text}, or ${label(alt.key)} ${print} as ${alt.text} (each one slip), closes it, and nothing else on the page says which the OCR slipped on`;
        whys.set(key, says);
        others.set(alt.key, { kind: "unresolved", candidates: [print, alt.text], why: says });
      }
    }
  }
  return Object.assign(whys, { others });
}

/**
 * The searched cells whose reading the release's arithmetic proves. A reading that merely
 * satisfies the rules is no proof when the rules also hold other doubtful cells: two doubtful
 * cells in one footing can each absorb the other's fault (a misread USD figure "repaired" to fit a
 * misread amount, and a lost figure beside them solved to whatever then foots). So a reading is
 * proved only by a rule that holds with it and whose every other cell is sure: printed clean
 * outside the search, a sure print (surePrints), or proved first. A figure the arithmetic solved
 * must moreover be the one that rule solves (a USD or % cell only brackets the amount it is taken
 * from). A cell read as it prints may also be vouched for by other cells read as they print (two
 * prints a rule ties together are each other's evidence: a per-share figure and the share count);
 * a figure moved from another row, or solved, vouches for nothing until proved. Proof spreads
 * from the sure cells one rule at a time; a reading it never reaches is unresolved.
 */
function provedReadings(input: ProofInput, constraints: readonly Constraint[]): Set<string> {
  const { searched, readings, settled } = input;
  const againstRow = againstItsRow(input.grid);
  const naAlike = mayBeNa(input.grid);
  const { keys } = searched;
  const values: Values = (k) => (keys.has(k) ? readings.get(k)?.pick.known : settled.get(k));
  const proved = new Set<string>(surePrints(input));
  const sure = (k: string) => proved.has(k) || (!keys.has(k) && settled.has(k));
  const asPrinted = (k: string) => {
    const cell = readings.has(k) ? input.grid.get(k) : undefined;
    const clean = cell && cleanReading(cell);
    return clean !== undefined && readings.get(k)?.text === clean.text;
  };
  const holds = (c: Constraint) => !["fails", "open"].includes(c.check(values));
  const proves = (c: Constraint, key: string, pick: Pick): boolean => {
    // Prints that a rule ties together vouch for each other; a moved or solved figure does not.
    const own = asPrinted(key);
    if (!c.cells.every((k) => k === key || sure(k) || (own && asPrinted(k))) || !holds(c))
      return false;
    if (pick.origin !== "solved")
      return !input.misread.has(key) || !pick.known || !blindTo(c, key, pick.known, values);
    const known = pick.known as Known;
    if (naAlike(key, known.value) || (known.value !== null && againstRow(key, known.value)))
      return false;
    const v = c.solve(key, values, known.places);
    if (v === undefined || known.value === null || !v.eq(known.value)) return false;
    return slipAlternatives(input, c, key, values).length === 0;
  };
  const rulesOf = new Map<string, Constraint[]>();
  for (const c of constraints)
    for (const k of c.cells) if (readings.has(k)) rulesOf.set(k, [...(rulesOf.get(k) ?? []), c]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [key, { pick }] of readings) {
      if (proved.has(key)) continue;
      const rules = rulesOf.get(key) ?? [];
      if (!rules.some((c) => proves(c, key, pick))) continue;
      proved.add(key);
      grew = true;
    }
  }
  return proved;
}

/**
 * The searched cells a found reading keeps as they print, where nothing doubted the print: not
 * lost, one clean figure, in no rule that failed as printed. The search took them in only to look
 * further (a lost neighbour's figure might have been theirs), and the reading found says it is
 * not, by finding each lost neighbour's figure printed elsewhere: their print is then as sure as
 * any outside the search. A lost neighbour the reading solves, or leaves without a figure, or no
 * reading found, leaves the question open (nothing then says whose figure the print is), and the
 * print must be proved.
 */
function surePrints({ grid, searched, readings, found }: ProofInput): string[] {
  if (!found) return [];
  const accounted = (n: GridCell | undefined) => {
    if (!n || !isLost(n) || !searched.keys.has(n.key)) return true;
    const pick = readings.get(n.key)?.pick;
    return pick !== undefined && pick.origin !== "solved" && pick.known !== undefined;
  };
  return [...readings].flatMap(([key, { pick, text }]) => {
    const cell = grid.get(key) as GridCell;
    const sure =
      !searched.doubtful.has(key) &&
      pick.origin === "own" &&
      cleanReading(cell)?.text === text &&
      [-1, 1].every((offset) => accounted(grid.neighbour(cell, offset)));
    return sure ? [key] : [];
  });
}

/**
 * The clean prints outside the search beside a lost cell whose figure may be the one printed
 * beside it (a row off, as the OCR shifts them): where the reading leaves the lost cell without a
 * figure, or moves a figure between the two rows in any column (the rows' figures are then not
 * where they print). Nothing then says whose the print is, and it is weighed like the searched
 * cells: settled as it prints only if proved. A lost cell solved where its rows read as printed
 * has its own figure, and its neighbours keep theirs.
 */
function suspectPrints(
  grid: Grid,
  searched: Searched,
  readings: ReadonlyMap<string, Reading>,
  known: { readonly base: Map<string, Known>; readonly settled: Map<string, Known> }
): Map<string, Reading> {
  const rowOf = (c: GridCell) => `${c.tableIndex}|${c.rowIndex}`;
  const moves = new Set<string>();
  readings.forEach(({ pick }, key) => {
    const from = pick.source && grid.get(pick.source.replace(/[#^]\d+$/, ""));
    if (from && from.key !== key) {
      const to = grid.get(key) as GridCell;
      moves.add(`${rowOf(to)}>${rowOf(from)}`).add(`${rowOf(from)}>${rowOf(to)}`);
    }
  });
  const out = new Map<string, Reading>();
  for (const key of searched.keys) {
    const cell = grid.get(key) as GridCell;
    if (!isLost(cell)) continue;
    const unread = !readings.get(key)?.pick.known;
    for (const n of [grid.neighbour(cell, -1), grid.neighbour(cell, 1)]) {
      if (!n || searched.keys.has(n.key)) continue;
      if (!unread && !moves.has(`${rowOf(cell)}>${rowOf(n)}`)) continue;
      const print = cleanReading(n);
      // Only a print nothing has changed: a figure an earlier group settled was proved there.
      if (!print || known.base.get(n.key) !== known.settled.get(n.key)) continue;
      const pick: Pick = { known: knownOf(print), text: print.text, origin: "own" };
      out.set(n.key, { pick, text: print.text });
    }
  }
  return out;
}

function decide(
  grid: Grid,
  group: Searched,
  result: ReturnType<typeof searchReadings>,
  rules: RulesByCell,
  known: { readonly base: Map<string, Known>; readonly settled: Map<string, Known> }
): Map<string, Decision> {
  const { base, settled } = known;
  const out = new Map<string, Decision>();
  const naAlike = mayBeNa(grid);
  const readings = agreedReadings(grid, group, result);
  const suspects = suspectPrints(grid, group, readings, known);
  suspects.forEach((r, k) => readings.set(k, r));
  const searched = { ...group, keys: new Set([...group.keys, ...suspects.keys()]) };
  const constraints = rules.on(searched.keys);
  const found = result.solutions.length > 0 && !result.exhausted;
  const failing = constraints.filter(
    (c) => c.cells.some((k) => searched.keys.has(k)) && c.check((k) => base.get(k)) !== "holds"
  );
  // A failing footing says only that one of its many cells is off; a failing rounded rule of an
  // amount and its USD, % or change says the digits of one of those few cells are.
  const misread = new Set(
    failing
      .filter((c) => !c.exact && c.cells.length <= 3 && c.check((k) => base.get(k)) === "fails")
      .flatMap((c) => c.cells)
  );
  const proof = { grid, searched, readings, settled, found, misread, rules };
  const proved = provedReadings(proof, constraints);
  const slips = slipDoubts(proof, constraints, proved);
  for (const key of searched.keys) {
    const cell = grid.get(key) as GridCell;
    const reading = readings.get(key);
    if (reading && proved.has(key)) {
      const { pick, text } = reading;
      out.set(key, {
        kind: "settled",
        text,
        known: pick.known as Known,
        origin: pick.origin,
        from: pick.source?.replace(/[#^]\d+$/, ""),
        by: pick.by,
      });
      continue;
    }
    const texts = result.solutions.map((s) => {
      const pick = s.picks.get(key);
      return pick ? textOf(grid, key, pick) : undefined;
    });
    const disputed = result.solutions.length === 0 ? eachRuleAlone(cell, constraints, base) : [];
    const solvedNil = reading?.pick.origin === "solved" && naAlike(key, reading.pick.known?.value);
    const candidates = [
      ...new Set([
        ...texts.filter((t): t is string => t !== undefined),
        ...cell.readings.map((r) => r.text),
        ...disputed.map((d) => d.text),
        ...(solvedNil ? ["NA"] : []),
      ]),
    ];
    const why = slips.has(key)
      ? (slips.get(key) as string)
      : solvedNil
        ? `the arithmetic solves it to nil (${reading.text}), and its table prints NA where it has no figure: nil and NA foot alike, so the page cannot say which was printed`
        : new Set(disputed.map((d) => d.text)).size > 1
          ? `its rules give different figures: ${disputed.map((d) => `${d.text} by "${d.rule}"`).join("; ")} (a rounding plug cannot be told from a misread)`
          : reading
            ? `the reading ${reading.text} satisfies the release's arithmetic only together with other doubtful cells: no rule whose other cells are sure proves it`
            : result.disputed.has(key)
              ? "more readings satisfy the release's arithmetic equally than are weighed, and they read this cell differently"
              : whyUnresolved(result, texts, failing);
    out.set(key, { kind: "unresolved", candidates, why });
  }
  for (const [key, doubt] of slips.others) if (!out.has(key)) out.set(key, doubt);
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

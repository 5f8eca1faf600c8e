/**
 * The release's own arithmetic over its cells, instantiated from the model's one description of the
 * statements: every footing and tie of `identitiesOf` (structure.ts, statements.ts) for each quarter
 * and each column it holds in (JPY, the USD column, the % column), the USD translation at the
 * release's rate, each % of total, each YOY/QOQ change and each per-share figure (checks.ts's rules).
 *
 * A constraint checks a set of values and can solve for one unknown member when the arithmetic
 * leaves exactly one reading. Footings are exact: the release prints its rounded columns so that
 * they foot. USD and % cells are rounded and may be rounding plugs (off by less than one unit);
 * changes and per-share figures are rounded and never plugged.
 */
import { type Quarter, periodKey, quarter, quarterIndex, shiftQuarter } from "../calendar";
import { Dec, formatPrinted, roundAsPrinted } from "../decimal";
import { parsePeriod } from "../periods";
import {
  EBITDA_DEFINITION,
  type Identity,
  type LineStatement,
  PERCENT_BASE,
  PER_SHARE_NUMERATOR,
} from "../statements";
import { StatementStructure, identitiesOf } from "../structure";
import { type DraftTable, cellKey } from "./draft";

/** A value in arithmetic: the figure (null for "NA"), its printed places, and whether it is "-". */
export interface Known {
  readonly value: Dec | null;
  readonly places: number;
  readonly nil: boolean;
}

export type Values = (key: string) => Known | undefined;

/**
 * holds: as printed; plug: a rounded cell off by less than one unit (printed so a column foots);
 * rounding: a footing of rounded figures off by less than their rounding; fails; open: a member is
 * unknown or the rule does not apply (a change from nil).
 */
export type Verdict = "holds" | "plug" | "rounding" | "fails" | "open";

export interface Constraint {
  readonly id: string;
  readonly name: string;
  readonly cells: readonly string[];
  /** Exact constraints (footings, ties) solve before rounded ones. */
  readonly exact: boolean;
  /**
   * The order in which rules solve a cell, surest first: 0 footings and ties in JPY, 1 rules
   * rounded with no plugs (changes, per share, tables in millions), 2 USD and % of total (which
   * may be plugs), 3 footings of the rounded USD and % columns (which may miss by rounding).
   */
  readonly rank: number;
  check(values: Values): Verdict;
  /** The one value `target` must take for the rule to hold, if the others settle it. */
  solve(target: string, values: Values, places: number): Dec | undefined;
  /** The arithmetic with the given values, for a repair's reason. */
  describe(values: Values): string;
}

const ZERO = new Dec(0);
const num = (k: Known | undefined): Dec => k?.value ?? ZERO;
// The search checks rules hundreds of thousands of times: a unit is made once per places.
const UNITS = new Map<number, Dec>();
const unitOf = (places: number) => {
  if (!UNITS.has(places)) UNITS.set(places, new Dec(10).pow(-places));
  return UNITS.get(places) as Dec;
};

interface Term {
  readonly key: string;
  readonly coef: Dec;
  readonly label: string;
}

/**
 * A rule's check that keeps its last verdict while it reads the same figures: the search checks a
 * rule again after every pick, mostly over figures it has not changed. Figures are immutable, so
 * the same objects are the same values.
 */
function remembered(keys: readonly string[], verdict: (values: Values) => Verdict) {
  let last: readonly (Known | undefined)[] = [];
  let lastVerdict: Verdict = "open";
  return (values: Values): Verdict => {
    const now = keys.map(values);
    if (now.length === last.length && now.every((k, i) => k === last[i])) return lastVerdict;
    [last, lastVerdict] = [now, verdict(values)];
    return lastVerdict;
  };
}

/** Σ coef·x = 0, within `tolerance`; `soft` footings of rounded columns may miss by their rounding. */
function linear(
  id: string,
  name: string,
  terms: readonly Term[],
  tolerance: Dec,
  soft: boolean
): Constraint {
  // Most weights are +1 or -1: adding or subtracting spares a multiplication in the search's loop.
  const weights = terms.map((t) => (t.coef.eq(1) ? 1 : t.coef.eq(-1) ? -1 : 0));
  const sum = (values: Values, skip?: string) => {
    let acc = ZERO;
    terms.forEach((t, i) => {
      if (t.key === skip) return;
      const v = num(values(t.key));
      acc =
        weights[i] === 1
          ? acc.plus(v)
          : weights[i] === -1
            ? acc.minus(v)
            : acc.plus(v.times(t.coef));
    });
    return acc;
  };
  const cells = terms.map((t) => t.key);
  return {
    id,
    name,
    cells,
    exact: tolerance.isZero(),
    rank: soft ? 3 : tolerance.isZero() ? 0 : 1,
    check: remembered(cells, (values) => {
      if (terms.some((t) => values(t.key) === undefined)) return "open";
      const s = sum(values).abs();
      if (s.lte(tolerance)) return "holds";
      const places = Math.max(...terms.map((t) => values(t.key)?.places ?? 0));
      const rounding = unitOf(places).times(0.5).times(terms.length);
      return soft && s.lte(rounding) ? "rounding" : "fails";
    }),
    solve(target, values, places) {
      const term = terms.find((t) => t.key === target);
      if (!term || terms.some((t) => t.key !== target && values(t.key) === undefined))
        return undefined;
      const rest = sum(values, target);
      const exact = rest.negated().dividedBy(term.coef);
      const rounded = roundAsPrinted(exact, places);
      // Exact: the one figure is the exact value, if it has no more places than the cell prints.
      if (tolerance.isZero()) return rounded.eq(exact) ? rounded : undefined;
      const fits = [rounded.minus(unitOf(places)), rounded, rounded.plus(unitOf(places))].filter(
        (x) => x.times(term.coef).plus(rest).abs().lte(tolerance)
      );
      return fits.length === 1 ? fits[0] : undefined;
    },
    describe(values) {
      const shown = (t: Term) =>
        `${t.label} ${formatPrinted(num(values(t.key)), values(t.key)?.places ?? 0)}`;
      const [first, ...rest] = terms;
      const right = rest.map(
        (t, i) => `${i === 0 ? "" : t.coef.isNegative() ? "+ " : "- "}${shown(t)}`
      );
      const lead = rest[0]?.coef.isPositive() ? "- " : "";
      return `${shown(first)} = ${lead}${right.join(" ")}`.replace(/\s+/g, " ");
    },
  };
}

/** y = f(inputs), rounded as printed; `plugs` allows a rounding plug of less than one unit. */
function rounded(
  id: string,
  name: string,
  target: { key: string; label: string },
  inputs: readonly string[],
  f: (values: Values) => Dec | undefined,
  plugs: boolean,
  text: (values: Values, exact: Dec) => string
): Constraint {
  const cells = [target.key, ...inputs];
  // The exact value depends on the inputs only: kept while they are the same figures, as the
  // search tries the target's readings one after another.
  let lastInputs: readonly (Known | undefined)[] = [];
  let lastExact: Dec | undefined;
  const exactOf = (values: Values) => {
    const now = inputs.map(values);
    if (now.length !== lastInputs.length || now.some((k, i) => k !== lastInputs[i]))
      [lastInputs, lastExact] = [now, f(values)];
    return lastExact;
  };
  return {
    id,
    name,
    cells,
    exact: false,
    rank: plugs ? 2 : 1,
    check: remembered(cells, (values) => {
      const y = values(target.key);
      if (!y || inputs.some((k) => values(k) === undefined || values(k)?.value === null))
        return "open";
      if (y.value === null) return "open";
      const exact = exactOf(values);
      if (exact === undefined) return "open";
      const places = y.nil ? 1 : y.places;
      if (roundAsPrinted(exact, places).eq(y.value)) return "holds";
      if (y.nil) return "fails";
      return plugs && y.value.minus(exact).abs().lt(unitOf(places)) ? "plug" : "fails";
    }),
    solve(key, values, places) {
      if (key !== target.key || inputs.some((k) => values(k) === undefined)) return undefined;
      const exact = exactOf(values);
      return exact === undefined ? undefined : roundAsPrinted(exact, places);
    },
    describe(values) {
      const exact = f(values);
      return exact === undefined ? name : text(values, exact);
    },
  };
}

export interface ConstraintContext {
  readonly tables: readonly DraftTable[];
  readonly rate: Dec;
  /** Cells that exist (a row printed in a column), by key; their row labels for descriptions. */
  readonly labels: ReadonlyMap<string, string>;
}

/** A column's quarter ("1Q01"), read as the model reads it (periods.ts). */
function quarterOfKey(key: string): Quarter {
  const { period } = parsePeriod(key, quarter(2000, 1));
  if (period.kind !== "quarter") throw new Error(`not a quarter key: ${key}`);
  return period;
}

function structures(tables: readonly DraftTable[]): (s: LineStatement) => StatementStructure {
  const cache = new Map<LineStatement, StatementStructure>();
  return (s) => {
    if (!cache.has(s)) {
      const places = tables
        .filter((t) => t.statement === s)
        .flatMap((t) =>
          t.rows.map((r) => ({ id: r.id, label: r.label, section: r.section, table: t.title }))
        );
      cache.set(s, new StatementStructure(s, places));
    }
    return cache.get(s) as StatementStructure;
  };
}

const fmt = (k: Known | undefined) => formatPrinted(num(k), k?.places ?? 0);

function identityConstraints(ctx: ConstraintContext, rule: Identity, q: Quarter): Constraint[] {
  const out: Constraint[] = [];
  const measures = rule.scale ? ["amount"] : ["amount", ...(rule.usd ? ["usd", "pctOfTotal"] : [])];
  for (const measure of measures) {
    const term = (t: Identity["left"][number], side: 1 | -1): Term | undefined => {
      const period = periodKey(shiftQuarter(q, -(t.lag ?? 0)));
      const key = cellKey(t.statement, t.row, period, measure);
      if (!ctx.labels.has(key)) return undefined;
      const scale = side === -1 && rule.scale ? new Dec(rule.scale) : new Dec(1);
      const sign = new Dec(t.sign ?? 1).times(side).times(scale);
      return { key, coef: sign, label: ctx.labels.get(key) as string };
    };
    const terms = [...rule.left.map((t) => term(t, 1)), ...rule.right.map((t) => term(t, -1))];
    if (terms.some((t) => t === undefined)) continue;
    // Tables in millions against statements in thousands: each rounded figure may miss by half.
    const tolerance = rule.scale ? new Dec(0.5).times(rule.left.length) : new Dec(0);
    const id = `${rule.checkId}|${periodKey(q)}|${measure}`;
    out.push(linear(id, rule.name, terms as Term[], tolerance, measure !== "amount"));
  }
  return out;
}

function rowCells(ctx: ConstraintContext) {
  return ctx.tables.flatMap((t) =>
    t.rows.flatMap((r) => t.columns.map((c) => ({ table: t, row: r, column: c })))
  );
}

export function translations(ctx: ConstraintContext): Constraint[] {
  return rowCells(ctx)
    .filter(({ column }) => column.measure === "usd")
    .flatMap(({ table, row, column }) => {
      const usd = cellKey(table.statement, row.id, column.period, "usd");
      const jpy = cellKey(table.statement, row.id, column.period, "amount");
      if (!ctx.labels.has(jpy)) return [];
      return [
        rounded(
          `usd:${table.statement}|${row.id}|${column.period}`,
          `USD column = JPY / ${ctx.rate.toString()}`,
          { key: usd, label: row.label },
          [jpy],
          (v) => num(v(jpy)).dividedBy(ctx.rate),
          true,
          (v, e) =>
            `${row.label}: ${fmt(v(jpy))} / ${ctx.rate.toString()} = ${e.toDecimalPlaces(2).toString()} (USD printed ${fmt(v(usd))})`
        ),
      ];
    });
}

function percents(ctx: ConstraintContext): Constraint[] {
  return rowCells(ctx)
    .filter(({ column }) => column.measure === "pctOfTotal")
    .flatMap(({ table, row, column }) => {
      const baseRow = PERCENT_BASE.get(table.statement);
      if (!baseRow) return [];
      const pct = cellKey(table.statement, row.id, column.period, "pctOfTotal");
      const amount = cellKey(table.statement, row.id, column.period, "amount");
      const base = cellKey(table.statement, baseRow, column.period, "amount");
      if (!ctx.labels.has(amount) || !ctx.labels.has(base)) return [];
      const inputs = amount === base ? [amount] : [amount, base];
      return [
        rounded(
          `percent:${table.statement}|${row.id}|${column.period}`,
          `% = figure / ${ctx.labels.get(base)} x 100`,
          { key: pct, label: row.label },
          inputs,
          (v) =>
            num(v(base)).isZero()
              ? undefined
              : num(v(amount))
                  .dividedBy(num(v(base)))
                  .times(100),
          true,
          (v, e) =>
            `${row.label}: ${fmt(v(amount))} / ${fmt(v(base))} = ${e.toDecimalPlaces(2).toString()}% (printed ${fmt(v(pct))})`
        ),
      ];
    });
}

function changes(ctx: ConstraintContext): Constraint[] {
  return rowCells(ctx)
    .filter(({ column }) => column.measure === "yoyPct" || column.measure === "qoqPct")
    .flatMap(({ table, row, column }) => {
      const lag = column.measure === "yoyPct" ? 4 : 1;
      const prior = periodKey(shiftQuarter(quarterOfKey(column.period), -lag));
      const chg = cellKey(table.statement, row.id, column.period, column.measure);
      const now = cellKey(table.statement, row.id, column.period, "amount");
      const then = cellKey(table.statement, row.id, prior, "amount");
      if (!ctx.labels.has(now) || !ctx.labels.has(then)) return [];
      return [
        rounded(
          `${column.measure}:${table.statement}|${row.id}|${column.period}`,
          `${column.header} = (${column.period} / ${prior} - 1) x 100`,
          { key: chg, label: row.label },
          [now, then],
          (v) =>
            num(v(then)).isZero()
              ? undefined
              : num(v(now))
                  .dividedBy(num(v(then)))
                  .minus(1)
                  .times(100),
          false,
          (v, e) =>
            `${row.label}: ${fmt(v(now))} / ${fmt(v(then))} - 1 = ${e.toDecimalPlaces(2).toString()}% (printed ${fmt(v(chg))})`
        ),
      ];
    });
}

function perShares(ctx: ConstraintContext, structureOf: (s: LineStatement) => StatementStructure) {
  const structure = structureOf("INCOME");
  return structure.lines.flatMap((line) => {
    const count = line.spec.perShareOf;
    if (!count) return [];
    return ctx.tables
      .filter((t) => t.statement === "INCOME")
      .flatMap((t) => t.columns.filter((c) => c.measure === "amount"))
      .flatMap((c) => {
        const ps = cellKey("INCOME", line.id, c.period, "amount");
        const net = cellKey("INCOME", PER_SHARE_NUMERATOR, c.period, "amount");
        const n = cellKey("INCOME", count, c.period, "amount");
        if (![ps, net, n].every((k) => ctx.labels.has(k))) return [];
        return [
          rounded(
            `per-share:${line.id}|${c.period}`,
            `${line.label} = net x 1,000 / ${ctx.labels.get(n)}`,
            { key: ps, label: line.label },
            [net, n],
            (v) =>
              num(v(n)).isZero()
                ? undefined
                : num(v(net))
                    .times(1000)
                    .dividedBy(num(v(n))),
            false,
            (v, e) =>
              `${line.label}: ${fmt(v(net))} x 1,000 / ${fmt(v(n))} = ${e.toDecimalPlaces(4).toString()} (printed ${fmt(v(ps))})`
          ),
        ];
      });
  });
}

/** The quarters the release's columns report, oldest first. */
export function releaseQuarters(tables: readonly DraftTable[]): Quarter[] {
  const keys = new Set(tables.flatMap((t) => t.columns.map((c) => c.period)));
  return [...keys].map(quarterOfKey).sort((a, b) => quarterIndex(a) - quarterIndex(b));
}

/**
 * Every constraint on the release's cells. The EBITDA definition (footnote *1) is left out: the
 * release itself does not honour it, so it is evidence of nothing and is reported, not solved.
 */
export function constraintsOf(ctx: ConstraintContext): Constraint[] {
  const structureOf = structures(ctx.tables);
  const rules = identitiesOf(structureOf).filter((r) => r.checkId !== EBITDA_DEFINITION);
  const footings = releaseQuarters(ctx.tables).flatMap((q) =>
    rules.flatMap((r) => identityConstraints(ctx, r, q))
  );
  return [
    ...footings,
    ...translations(ctx),
    ...percents(ctx),
    ...changes(ctx),
    ...perShares(ctx, structureOf),
  ];
}

/** The definitions the release prints but does not honour (EBITDA, footnote *1): checked, not solved. */
export function definitionsOf(ctx: ConstraintContext): Constraint[] {
  const rules = identitiesOf(structures(ctx.tables)).filter((r) => r.checkId === EBITDA_DEFINITION);
  return releaseQuarters(ctx.tables).flatMap((q) =>
    rules.flatMap((r) => identityConstraints(ctx, r, q))
  );
}

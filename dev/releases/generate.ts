/**
 * Synthetic quarterly releases, for measuring how the add-in scales with history (bench/scale.ts,
 * tests/sheet/scale.test.ts). Not data: nothing here ships, and no figure is IIJ's.
 *
 * `generateReleases(n)` returns n consecutive quarterly releases: the bundled 1Q01 release first,
 * then one per quarter after it (2Q01, 3Q01, ...), each printed as IIJ prints its releases: the
 * same tables, rows and column layout as the bundled one (the quarter, the same quarter a year
 * before and the quarter before; USD, "%" and "Chg %" columns; Tables 1-5 and the guidance).
 *
 * The figures come from one history of every line, quarter by quarter, so a quarter reprinted by a
 * later release is printed the same, and every check of src/model/checks.ts holds:
 * - the quarters the bundled release prints (1Q00, 4Q00, 1Q01) are its printed figures; every other
 *   quarter grows each line that is not a total from the quarter before it by a seeded random
 *   factor (mulberry32, so the same seed gives the same releases), rounded to the line's printed
 *   places;
 * - totals are recomputed from the statements' structure (src/model/structure.ts: what each total
 *   sums, with its weights), in decimal arithmetic (src/model/decimal.ts);
 * - the ties hold by construction: the cash flow's net loss, equity in net loss and minority
 *   interests are the statement of operations' (the latter two negated); the cash flow starts from
 *   the previous quarter's balance-sheet cash and ends at this quarter's; the accumulated deficit
 *   moves by the net loss; accumulated other comprehensive income balances the balance sheet;
 *   Table 2 adds up to Dedicated access revenue, Table 5's D&A is the cash flow's and its EBITDA
 *   operating income plus D&A, in JPY millions;
 * - USD, "%" of total, "Chg %" and per-share figures are computed from the amounts and rounded as
 *   printed. A figure the bundled release prints without tying (its EBITDA) keeps its declared
 *   inconsistency wherever a later release reprints that quarter.
 */
import {
  Dec,
  type LineStatement,
  PERCENT_BASE,
  PER_SHARE_NUMERATOR,
  type Quarter,
  type Release,
  StatementStructure,
  formatPrinted,
  isoDate,
  periodKey,
  printedDate,
  quarterEnd,
  quarterIndex,
  readPrinted,
  releasePlaces,
  roundAsPrinted,
  shiftQuarter,
} from "../../src/model";
import { parsePeriod } from "../../src/model/periods";
import type {
  PrintedColumn,
  PrintedGuidance,
  PrintedInconsistency,
  PrintedTable,
} from "../../src/data/types";
import { RELEASE_2001_08_14 } from "../../src/data/releases/2001-08-14-1q01";

export interface GenerateOptions {
  /** Seed of the random growth (default 2001): the same seed gives the same releases. */
  readonly seed?: number;
}

/** A line's value in one quarter: an amount, or "NA" (printed "NA", counted as 0 in sums). */
type Value = Dec | "NA";
/** Every line of every statement in one quarter, by statement then line id. */
type QuarterFigures = Map<LineStatement, Map<string, Value>>;

const STATEMENTS: readonly LineStatement[] = ["INCOME", "CASHFLOW", "BALANCE", "KPI"];
const BASE = RELEASE_2001_08_14;
const ZERO = new Dec(0);

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quarterOf = (key: string): Quarter => {
  const { period } = parsePeriod(key, { kind: "quarter", fy: 2000, q: 1 });
  if (period.kind !== "quarter") throw new Error(`${key} is not a quarter`);
  return period;
};

const num = (v: Value | undefined): Dec => (v === undefined || v === "NA" ? ZERO : v);

/** The statements' structures and each line's printed places, read from the bundled release. */
class Shape {
  readonly structures = new Map<LineStatement, StatementStructure>();
  readonly places = new Map<string, number>();

  constructor() {
    for (const s of STATEMENTS) {
      this.structures.set(s, new StatementStructure(s, releasePlaces(BASE, s)));
      for (const table of BASE.tables.filter((t) => t.statement === s))
        for (const row of table.rows) {
          const places = row.cells
            .filter((_, i) => table.columns[i].measure === "amount")
            .map((cell) => readPrinted(cell))
            .map((v) => (v.kind === "number" ? v.places : 0));
          this.places.set(`${s}|${row.id}`, Math.max(0, ...places));
        }
    }
  }

  structure(s: LineStatement): StatementStructure {
    return this.structures.get(s) as StatementStructure;
  }

  placesOf(s: LineStatement, id: string): number {
    return this.places.get(`${s}|${id}`) ?? 0;
  }
}

/** The bundled release's printed amounts, by quarter index. */
function baseHistory(): Map<number, QuarterFigures> {
  const history = new Map<number, QuarterFigures>();
  for (const table of BASE.tables) {
    const s = table.statement as LineStatement;
    table.columns.forEach((column, c) => {
      if (column.measure !== "amount") return;
      const index = quarterIndex(quarterOf(column.period));
      const figures = history.get(index) ?? new Map<LineStatement, Map<string, Value>>();
      history.set(index, figures);
      const lines = figures.get(s) ?? new Map<string, Value>();
      figures.set(s, lines);
      for (const row of table.rows) {
        const v = readPrinted(row.cells[c]);
        if (v.kind === "blank") continue;
        lines.set(row.id, v.kind === "number" ? v.value : v.kind === "na" ? "NA" : ZERO);
      }
    });
  }
  return history;
}

/** Grows one quarter's lines from the quarter before, then recomputes totals and ties. */
class Grower {
  constructor(
    private readonly shape: Shape,
    private readonly next: () => number
  ) {}

  /** prev x (1 + drift +/- spread/2), rounded to the line's places; "NA" stays "NA". */
  private grow(s: LineStatement, id: string, prev: Value | undefined, drift: number): Value {
    if (prev === undefined || prev === "NA") return prev ?? ZERO;
    const factor = new Dec((1 + drift + (this.next() - 0.5) * 0.06).toFixed(6));
    return roundAsPrinted(prev.times(factor), this.shape.placesOf(s, id));
  }

  /** Every line of `s`: fixed ones from `set`, totals summed, the rest grown from `prev`. */
  private statement(
    s: LineStatement,
    prev: QuarterFigures,
    set: (id: string) => Value | undefined,
    drift = 0.01
  ): Map<string, Value> {
    const before = prev.get(s) ?? new Map<string, Value>();
    const lines = new Map<string, Value>();
    for (const line of this.shape.structure(s).lines) {
      if (line.parts.length === 0) {
        lines.set(line.id, set(line.id) ?? this.grow(s, line.id, before.get(line.id), drift));
        continue;
      }
      const sum = line.parts.reduce(
        (acc, p) => acc.plus(num(lines.get(p.id)).times(p.weight)),
        ZERO
      );
      lines.set(line.id, set(line.id) ?? sum);
    }
    return lines;
  }

  quarter(prev: QuarterFigures): QuarterFigures {
    const figures: QuarterFigures = new Map();
    const income = this.income(prev);
    figures.set("INCOME", income);
    const cashflow = this.cashflow(prev, income);
    figures.set("CASHFLOW", cashflow);
    figures.set("BALANCE", this.balance(prev, income, cashflow));
    figures.set("KPI", this.kpi(prev, income, cashflow));
    return figures;
  }

  private income(prev: QuarterFigures): Map<string, Value> {
    const before = prev.get("INCOME") as Map<string, Value>;
    const counts = new Set(["weighted_average_shares", "weighted_average_ads"]);
    const lines = this.statement(
      "INCOME",
      prev,
      (id) => (counts.has(id) ? before.get(id) : undefined),
      0.015
    );
    // Per-share lines: the net loss (JPY thousands) x 1,000 / their count, rounded as printed.
    const structure = this.shape.structure("INCOME");
    for (const line of structure.lines) {
      const of = line.spec.perShareOf;
      if (!of) continue;
      const exact = num(lines.get(PER_SHARE_NUMERATOR))
        .times(1000)
        .dividedBy(num(lines.get(of)));
      lines.set(line.id, roundAsPrinted(exact, this.shape.placesOf("INCOME", line.id)));
    }
    return lines;
  }

  private cashflow(prev: QuarterFigures, income: Map<string, Value>): Map<string, Value> {
    const cash = num(prev.get("BALANCE")?.get("cash"));
    const tied = new Map<string, Value>([
      ["net_income", num(income.get("net_income"))],
      [
        "equity_in_net_loss_of_affiliates",
        num(income.get("equity_in_net_loss_of_affiliates")).negated(),
      ],
      ["minority_interests", num(income.get("minority_interests")).negated()],
      ["cash_beginning", cash],
    ]);
    const lines = this.statement("CASHFLOW", prev, (id) => tied.get(id), 0);
    // Short-term borrowings keep cash near its level a quarter before (grown a little), so a long
    // history never runs it dry: the plug is a financing line, and every total is summed again.
    const target = roundAsPrinted(
      cash.times(new Dec((1.005 + (this.next() - 0.5) * 0.04).toFixed(6))),
      0
    );
    const gap = target.minus(num(lines.get("cash_end")));
    tied.set(
      "change_in_short_term_borrowings",
      num(lines.get("change_in_short_term_borrowings")).plus(gap)
    );
    const fixed = new Map(lines);
    for (const line of this.shape.structure("CASHFLOW").totals()) fixed.delete(line.id);
    return this.statement("CASHFLOW", prev, (id) => tied.get(id) ?? fixed.get(id), 0);
  }

  private balance(
    prev: QuarterFigures,
    income: Map<string, Value>,
    cashflow: Map<string, Value>
  ): Map<string, Value> {
    const deficit = num(prev.get("BALANCE")?.get("accumulated_deficit"));
    const tied = new Map<string, Value>([
      ["cash", num(cashflow.get("cash_end"))],
      ["accumulated_deficit", deficit.plus(num(income.get("net_income")))],
      ["accumulated_other_comprehensive_income", ZERO],
    ]);
    const first = this.statement("BALANCE", prev, (id) => tied.get(id));
    // Accumulated other comprehensive income balances the sheet.
    const gap = num(first.get("total_assets")).minus(
      num(first.get("total_liabilities_and_shareholders_equity"))
    );
    const fixed = new Map(first);
    for (const line of this.shape.structure("BALANCE").totals()) fixed.delete(line.id);
    fixed.set("accumulated_other_comprehensive_income", gap);
    return this.statement("BALANCE", prev, (id) => fixed.get(id));
  }

  private kpi(
    prev: QuarterFigures,
    income: Map<string, Value>,
    cashflow: Map<string, Value>
  ): Map<string, Value> {
    const before = prev.get("KPI") as Map<string, Value>;
    const millions = (v: Dec) => roundAsPrinted(v.dividedBy(1000), 0);
    const dedicated = millions(num(income.get("dedicated_access_services")));
    const ip = num(before.get("ip_service_revenue"));
    const economy = num(before.get("economy_and_dslf_revenue"));
    const share = ip.plus(economy).isZero() ? new Dec(0.9) : ip.dividedBy(ip.plus(economy));
    const ipNow = roundAsPrinted(dedicated.times(share), 0);
    const da = num(cashflow.get("depreciation_and_amortization"));
    const tied = new Map<string, Value>([
      ["ip_service_revenue", ipNow],
      ["economy_and_dslf_revenue", dedicated.minus(ipNow)],
      ["depreciation_and_amortization", millions(da)],
      ["ebitda", millions(num(income.get("operating_income")).plus(da))],
    ]);
    return this.statement("KPI", prev, (id) => tied.get(id), 0.02);
  }
}

/** The history of every line from 1Q00 to `last`, the bundled quarters as printed. */
function history(shape: Shape, last: Quarter, seed: number): Map<number, QuarterFigures> {
  const figures = baseHistory();
  const grower = new Grower(shape, random(seed));
  const first = Math.min(...figures.keys());
  for (let i = first + 1; i <= quarterIndex(last); i++) {
    if (figures.has(i)) continue;
    figures.set(i, grower.quarter(figures.get(i - 1) as QuarterFigures));
  }
  return figures;
}

/** How a cell prints `value` like the bundled release's cell `template` ("" stays blank). */
function printLike(template: string, value: Dec | "NA" | null, places: number, statement: string) {
  if (template === "" || value === null) return "";
  if (value === "NA") return "NA";
  if (value.isZero() && statement === "CASHFLOW") return "-";
  const text = formatPrinted(roundAsPrinted(value, places), places);
  if (!template.includes("%")) return text;
  return text.endsWith(")") ? `${text.slice(0, -1)}%)` : `${text}%`;
}

const ORDINALS = ["1st", "2nd", "3rd", "4th"];

/** One synthetic release for `q`, printed from `figures`, in the bundled release's layout. */
class Printer {
  /** Quarters from the bundled release's columns to this one's. */
  private readonly shift: number;

  constructor(
    private readonly shape: Shape,
    private readonly figures: Map<number, QuarterFigures>,
    private readonly q: Quarter,
    private readonly rate: Dec
  ) {
    this.shift = quarterIndex(q) - quarterIndex(quarterOf(BASE.latestQuarter));
  }

  private shifted(period: string): Quarter {
    return shiftQuarter(quarterOf(period), this.shift);
  }

  private amount(s: LineStatement, id: string, q: Quarter): Value | undefined {
    return this.figures.get(quarterIndex(q))?.get(s)?.get(id);
  }

  private column(column: PrintedColumn): PrintedColumn {
    const from = quarterOf(column.period);
    const to = this.shifted(column.period);
    const header =
      column.header === column.period
        ? periodKey(to)
        : column.header.replace(printedDate(quarterEnd(from)), printedDate(quarterEnd(to)));
    return { header, period: periodKey(to), measure: column.measure };
  }

  private cell(table: PrintedTable, id: string, c: number, template: string): string {
    const s = table.statement as LineStatement;
    const column = table.columns[c];
    const q = this.shifted(column.period);
    const value = this.amount(s, id, q);
    const places = this.shape.placesOf(s, id);
    if (value === undefined) return "";
    if (column.measure === "amount") return printLike(template, value, places, s);
    const amount = num(value);
    if (column.measure === "usd") return printLike(template, amount.dividedBy(this.rate), 0, s);
    if (column.measure === "pctOfTotal") {
      const base = num(this.amount(s, PERCENT_BASE.get(s) as string, q));
      return printLike(template, base.isZero() ? null : amount.dividedBy(base).times(100), 1, s);
    }
    const then = num(this.amount(s, id, shiftQuarter(q, column.measure === "yoyPct" ? -4 : -1)));
    if (then.isZero()) return template === "" ? "" : "-";
    return printLike(template, amount.dividedBy(then).minus(1).times(100), 1, s);
  }

  table(table: PrintedTable): PrintedTable {
    return {
      ...table,
      columns: table.columns.map((c) => this.column(c)),
      rows: table.rows.map((row) => {
        const { footnote, unit, ...rest } = row;
        return {
          ...rest,
          ...(unit ? { unit } : {}),
          ...(footnote ? { footnote } : {}),
          cells: row.cells.map((template, c) => this.cell(table, row.id, c, template)),
        };
      }),
    };
  }

  guidance(): PrintedGuidance {
    const next = shiftQuarter(this.q, 1);
    const key = periodKey(next);
    const millions = (s: LineStatement, id: string) =>
      num(this.amount(s, id, next)).dividedBy(1000);
    const revenue = millions("INCOME", "total_revenues");
    const operating = millions("INCOME", "operating_income");
    const ebitda = operating.plus(millions("CASHFLOW", "depreciation_and_amortization"));
    const range = (mid: Dec, half: Dec) => {
      const low = roundAsPrinted(mid.minus(half).dividedBy(10), 0).times(10);
      const high = roundAsPrinted(mid.plus(half).dividedBy(10), 0).times(10);
      const print = (v: Dec, sign: boolean) =>
        v.isNegative() ? `(-)${formatPrinted(v.abs())}` : `${sign ? "(+)" : ""}${formatPrinted(v)}`;
      return `${print(low, false)} - ${print(high, low.isNegative() && !high.isNegative())}`;
    };
    const unit = "JPY millions" as const;
    return {
      title: `Anticipated Financial Performance for the ${ORDINALS[next.q - 1]} Quarter (JPY in millions)`,
      page: "page 2",
      ranges: [
        {
          id: "revenues",
          label: "Revenues",
          period: key,
          unit,
          range: range(revenue, revenue.abs().times(0.03)),
        },
        {
          id: "operating_income",
          label: "Operating Income (Loss)",
          period: key,
          unit,
          range: range(operating, new Dec(80)),
        },
        { id: "ebitda", label: "EBITDA", period: key, unit, range: range(ebitda, new Dec(80)) },
      ],
      outlooks: [
        {
          id: "revenues",
          label: "Revenues",
          period: `FY${next.fy}`,
          page: "page 2",
          heading: "Business Outlook",
          place: "the first bullet",
          text: `Synthetic outlook: revenues for fiscal ${next.fy} are expected to grow from each sales category.`,
        },
      ],
    };
  }

  /** The bundled release's declarations for the quarters this one reprints, amounts only. */
  inconsistencies(periods: ReadonlySet<string>): PrintedInconsistency[] {
    return BASE.inconsistencies.filter(
      (i) => periods.has(i.period) && !/^(usd|percent):/.test(i.checkId)
    );
  }
}

/** The release of quarter `q` (after the bundled one), printed from the history. */
function releaseFor(
  shape: Shape,
  figures: Map<number, QuarterFigures>,
  q: Quarter,
  rate: Dec
): Release {
  const printer = new Printer(shape, figures, q, rate);
  const end = quarterEnd(q);
  const released = new Date(Date.UTC(end.year, end.month - 1, end.day + 45));
  const date = released.toISOString().slice(0, 10);
  const tables = BASE.tables.map((t) => printer.table(t));
  const periods = new Set(tables.flatMap((t) => t.columns.map((c) => c.period)));
  const asOf = isoDate(end);
  return {
    id: date,
    title: `IIJ Announces Financial Results for the ${ORDINALS[q.q - 1]} Quarter Ended ${printedDate(end)} (synthetic)`,
    date,
    latestQuarter: periodKey(q),
    source: `Synthetic release for ${periodKey(q)}, generated by dev/releases/generate.ts from the release of ${BASE.date}`,
    rate: {
      jpyPerUsd: rate.toFixed(2),
      asOf,
      printed: `JPY ${rate.toFixed(2)} =$1, the approximate rate of exchange on ${printedDate(end)} (Note (1) to each statement)`,
    },
    tables,
    guidance: printer.guidance(),
    repairs: [],
    inconsistencies: printer.inconsistencies(periods),
  };
}

/**
 * `count` consecutive quarterly releases, oldest first: the bundled 1Q01 release, then synthetic
 * ones for 2Q01, 3Q01, ... (40 releases reach 4Q10, ten fiscal years).
 */
export function generateReleases(count: number, options: GenerateOptions = {}): Release[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be 1 or more: ${count}`);
  const seed = options.seed ?? 2001;
  const shape = new Shape();
  const first = quarterOf(BASE.latestQuarter);
  // One quarter beyond the last release: its guidance brackets what that quarter then prints.
  const figures = history(shape, shiftQuarter(first, count), seed);
  const rates = random(seed ^ 0x5eed);
  const releases: Release[] = [BASE];
  for (let i = 1; i < count; i++) {
    const rate = new Dec(BASE.rate.jpyPerUsd)
      .times((0.9 + rates() * 0.2).toFixed(4))
      .toDecimalPlaces(2);
    releases.push(releaseFor(shape, figures, shiftQuarter(first, i), rate));
  }
  return releases;
}

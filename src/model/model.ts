import {
  type Measure,
  type PrintedColumn,
  type PrintedGuidanceRange,
  type PrintedOutlook,
  type PrintedRow,
  type PrintedTable,
  type PrintedUnit,
  type Release,
  type Repair,
  STATEMENT_IDS,
  type StatementId,
} from "../data/types";
import {
  type Period,
  type Quarter,
  isoDate,
  periodKey,
  printedDate,
  quarterEnd,
  quarterIndex,
  samePeriod,
} from "./calendar";
import { type Item, ItemCatalogue, describeValue } from "./catalogue";
import { Dec } from "./decimal";
import { IIJError, invalidValue, notAvailable } from "./errors";
import { LOOKUP_CACHE_BYTES, LruCache, argumentBytes } from "./memo";
import { isOmitted, nameKey, nearestNames, quotedList, shown } from "./names";
import { type PeriodRequest, type Vintage, PERIOD_FORMS, parsePeriod } from "./periods";
import { type PrintedValue, readPrinted } from "./printed";
import { type Identity, type LineId, type LineStatement } from "./statements";
import {
  type PrintedPlace,
  StatementStructure,
  identitiesOf,
  mergePlaces,
  releasePlaces,
} from "./structure";
import { type Unit, convert, resolveUnit } from "./units";

/** One printed cell with everything needed to cite it. */
export interface Figure {
  readonly release: Release;
  readonly table: PrintedTable;
  readonly row: PrintedRow;
  readonly column: PrintedColumn;
  readonly columnIndex: number;
  readonly period: string;
  readonly measure: Measure;
  /** The printed text (after any OCR repair, which `repair` then describes). */
  readonly printed: string;
  readonly repair?: Repair;
}

export interface GuidanceEntry {
  readonly release: Release;
  readonly range?: PrintedGuidanceRange;
  readonly outlook?: PrintedOutlook;
}

/**
 * A printed amount read by the model's own code (the sheet, the pane, the seeds): by period key,
 * line and unit, with no argument parsing; "NA" and "not printed" are kinds, not errors.
 */
export type Reading =
  | { readonly kind: "value"; readonly value: Dec; readonly unit: string; readonly figure: Figure }
  | { readonly kind: "na"; readonly figure: Figure }
  | { readonly kind: "absent" };

/** A looked-up amount with its unit and the printed cell it came from. */
export interface Answer {
  readonly value: Dec;
  readonly unit: string;
  readonly figure: Figure;
}

export const STATEMENTS: readonly StatementId[] = STATEMENT_IDS;
export const FINANCIAL_STATEMENTS = ["INCOME", "BALANCE", "CASHFLOW"] as const;
export type FinancialStatement = (typeof FINANCIAL_STATEMENTS)[number];

const STATEMENT_NAMES: Readonly<Record<StatementId, readonly string[]>> = {
  INCOME: [
    "INCOME",
    "Income statement",
    "Statement of operations",
    "Statements of operations",
    "P&L",
    "IS",
    "Operations",
  ],
  BALANCE: ["BALANCE", "Balance sheet", "Balance sheets", "BS"],
  CASHFLOW: ["CASHFLOW", "Cash flow", "Cash flows", "Cash flow statement", "CF"],
  KPI: ["KPI", "KPIs", "Tables", "Operating data"],
  GUIDANCE: ["GUIDANCE", "Outlook", "Forecast"],
};

export function resolveStatement(input: unknown): StatementId {
  if (typeof input !== "string" || input.trim() === "") {
    throw invalidValue(
      `The statement must be text: ${quotedList(STATEMENTS)}; got ${isOmitted(input) ? "nothing" : describeValue(input)}.`
    );
  }
  const key = nameKey(input);
  for (const s of STATEMENTS) if (STATEMENT_NAMES[s].some((n) => nameKey(n) === key)) return s;
  const near = nearestNames(
    input,
    STATEMENTS.flatMap((s) => STATEMENT_NAMES[s].map((n) => [nameKey(n), s] as const))
  );
  throw notAvailable(
    `"${shown(input)}" is not a statement.${near.length ? ` Did you mean ${quotedList(near)}?` : ""} Statements: ${quotedList(STATEMENTS)}.`
  );
}

const figureKey = (s: StatementId, id: string, period: string, m: Measure) =>
  `${s}|${id}|${period}|${m}`;

/**
 * A table's rows have a cell for each column, and a row printed twice in it never prints the same
 * column twice (both cells filled: one figure printed twice).
 */
function checkRows(release: Release, table: PrintedTable): void {
  const rows = new Map<string, PrintedRow>();
  for (const row of table.rows) {
    if (row.cells.length !== table.columns.length) {
      throw new Error(
        `Release ${release.id}, ${table.title}, "${row.label}": ${row.cells.length} cells for ${table.columns.length} columns`
      );
    }
    const twin = rows.get(row.id);
    if (twin) {
      const c = row.cells.findIndex((cell, i) => cell !== "" && twin.cells[i] !== "");
      if (c >= 0) {
        const { period, measure } = table.columns[c];
        throw new Error(
          `Release ${release.id} prints ${table.statement}|${row.id}|${period}|${measure} twice`
        );
      }
    }
    rows.set(row.id, row);
  }
}

/** The rows whose cell a column fills. */
function filledRows({ table, columnIndex }: PrintedColumnAt): Set<string> {
  return new Set(table.rows.filter((r) => r.cells[columnIndex] !== "").map((r) => r.id));
}

/**
 * A column of a release for a statement, period and measure that an earlier one (whose filled
 * rows are `filled`) already prints fills no row's cell twice; its rows join `filled`.
 */
function checkPrintedOnce(filled: Set<string>, at: PrintedColumnAt): void {
  for (const row of at.table.rows) {
    if (row.cells[at.columnIndex] === "") continue;
    if (filled.has(row.id))
      throw new Error(
        `Release ${at.release.id} prints ${figureKey(at.table.statement, row.id, at.period, at.column.measure)} twice`
      );
    filled.add(row.id);
  }
}

/** A printed column of a release, with its period key. */
interface PrintedColumnAt {
  readonly release: Release;
  readonly table: PrintedTable;
  readonly column: PrintedColumn;
  readonly columnIndex: number;
  readonly period: string;
}

/**
 * The registered releases as one queryable body of figures. Later releases win for a period they
 * restate; earlier figures stay reachable through a period's vintage ("4Q00@first").
 */
export class IIJModel {
  readonly releases: readonly Release[];
  readonly latestRelease: Release;
  /** The latest quarter any release reports: FQ0. */
  readonly latestQuarter: Quarter;
  /**
   * Figures by statement, line, period and measure, first reported first: filled one statement and
   * period at a time, on first use (`indexPeriod`), so that the first answer costs the same however
   * many releases are registered.
   */
  private readonly figures = new Map<string, Figure[]>();
  /** The printed columns of each statement and period (`statement|period`), releases in date order. */
  private readonly columnsByPeriod = new Map<string, PrintedColumnAt[]>();
  /** The `statement|period` keys whose figures `figures` holds. */
  private readonly indexedPeriods = new Set<string>();
  /** Each release's repairs by `statement|row|column`, made on first use. */
  private readonly repairsByRelease = new Map<Release, ReadonlyMap<string, Repair>>();
  private readonly catalogues = new Map<StatementId, ItemCatalogue>();
  /** The quarters each statement prints an amount for, by quarterIndex; sorted on first use. */
  private readonly quartersByStatement = new Map<StatementId, Map<number, Quarter>>();
  private readonly sortedQuarters = new Map<StatementId, readonly Quarter[]>();
  private readonly guidanceEntries = new Map<string, GuidanceEntry[]>();
  private readonly guidancePeriods: Period[] = [];
  private readonly guidancePeriodKeys = new Set<string>();
  /** Each figure's printed text read as a value, on first use (see `numberOf`). */
  private readonly printedValues = new Map<Figure, PrintedValue>();
  /**
   * Period arguments parsed so far (the model never changes, so neither does FQ0), by the text or
   * date serial given; an entry is estimated at its key and 200 bytes of request and bookkeeping.
   */
  private readonly periodRequests = new LruCache<string | number, PeriodRequest>(
    LOOKUP_CACHE_BYTES,
    (input) => argumentBytes(input) + 200
  );
  /** The quarterIndex of each quarter a statement prints, for checking a period in one lookup. */
  private readonly quarterKeys = new Map<StatementId, ReadonlySet<number>>();
  private readonly structures = new Map<LineStatement, StatementStructure>();
  private identityList: readonly Identity[] | undefined;
  /** Column periods as printed ("1Q01"), parsed once per model; guidance periods likewise. */
  private readonly parsedQuarters = new Map<string, Quarter>();
  private readonly guidancePeriodsParsed = new Map<string, Period>();

  constructor(releases: readonly Release[]) {
    if (releases.length === 0) throw new Error("IIJModel needs at least one release");
    // ISO dates order as strings; localeCompare would ask ICU, at a cost with many releases.
    this.releases = [...releases].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    this.latestRelease = this.releases[this.releases.length - 1];
    const anchors = this.releases.map((r) => this.mustParseQuarter(r.latestQuarter, r));
    this.latestQuarter = anchors.reduce((a, b) => (quarterIndex(b) > quarterIndex(a) ? b : a));
    for (const release of this.releases) this.index(release);
  }

  private mustParseQuarter(key: string, release: Release): Quarter {
    const known = this.parsedQuarters.get(key);
    if (known) return known;
    const { period } = parsePeriod(key, { kind: "quarter", fy: 2000, q: 1 });
    if (period.kind !== "quarter")
      throw new Error(`Release ${release.id}: "${key}" is not a quarter`);
    this.parsedQuarters.set(key, period);
    return period;
  }

  /**
   * Notes where a release prints each statement's periods (its columns, not yet its cells) and
   * checks its shape: a row's cells against its table's columns, and no figure printed twice.
   */
  private index(release: Release): void {
    // The first column of each statement, period and measure; the rows filled once a second comes.
    const printed = new Map<string, { first: PrintedColumnAt; filled?: Set<string> }>();
    for (const table of release.tables) {
      checkRows(release, table);
      table.columns.forEach((column, columnIndex) => {
        const quarter = this.mustParseQuarter(column.period, release);
        const period = periodKey(quarter);
        const at: PrintedColumnAt = { release, table, column, columnIndex, period };
        // Another column of the release for the same statement, period and measure.
        const same = `${table.statement}|${period}|${column.measure}`;
        const seen = printed.get(same);
        if (!seen) printed.set(same, { first: at });
        else {
          seen.filled ??= filledRows(seen.first);
          checkPrintedOnce(seen.filled, at);
        }
        const key = `${table.statement}|${period}`;
        const list = this.columnsByPeriod.get(key) ?? [];
        list.push(at);
        this.columnsByPeriod.set(key, list);
        if (column.measure === "amount" && table.rows.some((r) => r.cells[columnIndex] !== ""))
          this.noteQuarter(table.statement, quarter);
      });
    }
    for (const range of release.guidance.ranges)
      this.addGuidance(release, range.id, range.period, { release, range });
    for (const outlook of release.guidance.outlooks)
      this.addGuidance(release, outlook.id, outlook.period, { release, outlook });
  }

  /** Fills `figures` with every figure of a statement and period, the first time one is asked for. */
  private indexPeriod(statement: StatementId, period: string): void {
    const at = `${statement}|${period}`;
    if (this.indexedPeriods.has(at)) return;
    this.indexedPeriods.add(at);
    for (const { release, table, column, columnIndex } of this.columnsByPeriod.get(at) ?? []) {
      const repairs = this.repairsOf(release);
      for (const row of table.rows) {
        const printed = row.cells[columnIndex];
        if (printed === "") continue;
        const key = figureKey(statement, row.id, period, column.measure);
        const list = this.figures.get(key) ?? [];
        list.push({
          release,
          table,
          row,
          column,
          columnIndex,
          period,
          measure: column.measure,
          printed,
          repair: repairs.get(`${statement}|${row.id}|${columnIndex}`),
        });
        this.figures.set(key, list);
      }
    }
  }

  private repairsOf(release: Release): ReadonlyMap<string, Repair> {
    let repairs = this.repairsByRelease.get(release);
    if (!repairs) {
      repairs = new Map(release.repairs.map((r) => [`${r.statement}|${r.rowId}|${r.column}`, r]));
      this.repairsByRelease.set(release, repairs);
    }
    return repairs;
  }

  private noteQuarter(statement: StatementId, quarter: Quarter): void {
    let quarters = this.quartersByStatement.get(statement);
    if (!quarters) {
      quarters = new Map();
      this.quartersByStatement.set(statement, quarters);
    }
    quarters.set(quarterIndex(quarter), quarter);
  }

  private addGuidance(release: Release, id: string, period: string, entry: GuidanceEntry): void {
    let p = this.guidancePeriodsParsed.get(period);
    if (!p) {
      p = parsePeriod(period, this.latestQuarter).period;
      this.guidancePeriodsParsed.set(period, p);
    }
    const key = `${id}|${periodKey(p)}|${entry.range ? "range" : "outlook"}`;
    const list = this.guidanceEntries.get(key) ?? [];
    list.push(entry);
    this.guidanceEntries.set(key, list);
    if (!this.guidancePeriodKeys.has(periodKey(p))) {
      this.guidancePeriodKeys.add(periodKey(p));
      this.guidancePeriods.push(p);
    }
  }

  /**
   * Built on first use: a workbook that reads only INCOME never pays for the other catalogues. A
   * line already seen in a newer release only adds its label, if new: nothing is made for it.
   */
  private buildCatalogue(statement: StatementId): ItemCatalogue {
    const items: Item[] = [];
    const labels = new Map<string, string[]>();
    const note = (
      id: string,
      label: string,
      line: () => Omit<Item, "statement" | "printedLabels">
    ) => {
      const seen = labels.get(id);
      if (seen) {
        if (!seen.includes(label)) seen.push(label);
        return;
      }
      const printedLabels = [label];
      labels.set(id, printedLabels);
      items.push({ statement, ...line(), printedLabels });
    };
    for (let i = this.releases.length - 1; i >= 0; i--) {
      const release = this.releases[i];
      if (statement === "GUIDANCE") {
        const { title, page } = release.guidance;
        for (const g of [...release.guidance.ranges, ...release.guidance.outlooks]) {
          const unit: PrintedUnit = "range" in g ? g.unit : "JPY millions";
          note(g.id, g.label, () => ({
            id: g.id,
            label: g.label,
            section: title,
            unit,
            table: title,
            page,
          }));
        }
        continue;
      }
      for (const t of release.tables) {
        if (t.statement !== statement) continue;
        for (const r of t.rows)
          note(r.id, r.label, () => ({
            id: r.id,
            label: r.label,
            section: r.section,
            unit: r.unit ?? t.unit,
            table: t.title,
            page: t.page,
            footnote: r.footnote,
          }));
      }
    }
    if (statement === "GUIDANCE") return new ItemCatalogue(statement, items);
    // In printed order, releases merged: a line an older release alone printed stays where it was.
    const order = new Map(this.structure(statement).lines.map((line, i) => [line.id, i]));
    const inOrder = [...items].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return new ItemCatalogue(statement, inOrder);
  }

  catalogue(statement: StatementId): ItemCatalogue {
    let catalogue = this.catalogues.get(statement);
    if (!catalogue) {
      catalogue = this.buildCatalogue(statement);
      this.catalogues.set(statement, catalogue);
    }
    return catalogue;
  }

  items(statement: StatementId): readonly Item[] {
    return this.catalogue(statement).items;
  }

  /** Quarters with printed figures in `statement`, oldest first. */
  quarters(statement: StatementId): readonly Quarter[] {
    return statement === "GUIDANCE"
      ? (this.guidancePeriods.filter((p) => p.kind === "quarter") as Quarter[])
      : this.sortedQuartersOf(statement);
  }

  private sortedQuartersOf(statement: StatementId): readonly Quarter[] {
    let sorted = this.sortedQuarters.get(statement);
    if (!sorted) {
      const byIndex = this.quartersByStatement.get(statement) ?? new Map<number, Quarter>();
      sorted = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, q]) => q);
      this.sortedQuarters.set(statement, sorted);
    }
    return sorted;
  }

  /** Every period any statement, table or guidance covers, oldest first; fiscal years last. */
  periods(): readonly Period[] {
    const all = new Map<string, Period>();
    for (const s of STATEMENTS) for (const q of this.quarters(s)) all.set(periodKey(q), q);
    for (const p of this.guidancePeriods) all.set(periodKey(p), p);
    return [...all.values()].sort((a, b) => rank(a) - rank(b));
  }

  /** A statement's lines in printed order (all releases merged) and what each total sums. */
  structure(statement: LineStatement): StatementStructure {
    let structure = this.structures.get(statement);
    if (!structure) {
      structure = new StatementStructure(statement, mergePlaces(this.placesNewestFirst(statement)));
      this.structures.set(statement, structure);
    }
    return structure;
  }

  /**
   * Each release's lines of a statement, newest release first, leaving out a release that prints
   * no line a newer one does not (it adds nothing to the merged order): with a long history of
   * releases that print the same lines, the order costs about one release's worth to work out.
   */
  private placesNewestFirst(statement: LineStatement): PrintedPlace[][] {
    const known = new Set<string>();
    const newestFirst: PrintedPlace[][] = [];
    for (let i = this.releases.length - 1; i >= 0; i--) {
      const release = this.releases[i];
      const adds = release.tables.some(
        (t) => t.statement === statement && t.rows.some((row) => !known.has(row.id))
      );
      if (!adds) continue;
      const places = releasePlaces(release, statement);
      for (const place of places) known.add(place.id);
      newestFirst.push(places);
    }
    return newestFirst;
  }

  /** Every footing and tie over the merged statements (the sheet's checks block). */
  identities(): readonly Identity[] {
    this.identityList ??= identitiesOf((s) => this.structure(s));
    return this.identityList;
  }

  /** The catalogue item of a line named in code: the compiler checks the id against statements.ts. */
  line<S extends LineStatement>(statement: S, id: LineId<S>): Item | undefined {
    return this.catalogue(statement).get(id);
  }

  /**
   * A printed amount by period key, item and unit (null: the printed unit), as of `vintage`: the
   * model's internal API for the sheet and the pane. Nothing is parsed and nothing thrown for a
   * figure that is "NA" or not printed.
   */
  reading(
    item: Item,
    period: string,
    unit: Unit | null = null,
    vintage: Vintage = { kind: "latest" }
  ): Reading {
    const figure = this.figure(item.statement, item.id, period, "amount", vintage);
    if (!figure) return { kind: "absent" };
    const printed = this.printedValueOf(figure);
    if (printed.kind === "na") return { kind: "na", figure };
    if (printed.kind === "blank") return { kind: "absent" };
    const value = printed.kind === "number" ? printed.value : new Dec(0);
    if (unit === null || unit === item.unit)
      return { kind: "value", value, unit: item.unit, figure };
    const rate = new Dec(figure.release.rate.jpyPerUsd);
    return { kind: "value", value: convert(value, item.unit, unit, rate), unit, figure };
  }

  fxRate(): Dec {
    return new Dec(this.latestRelease.rate.jpyPerUsd);
  }

  /** `parsePeriod` against this model's FQ0, remembered for text and date-serial arguments. */
  parsePeriod(input: unknown): PeriodRequest {
    if (typeof input !== "string" && typeof input !== "number")
      return parsePeriod(input, this.latestQuarter);
    return (
      this.periodRequests.get(input) ??
      this.periodRequests.set(input, parsePeriod(input, this.latestQuarter))
    );
  }

  // By quarterIndex, not periodKey: "1Q00" would also match 1Q1900 and 1Q2100.
  private quarterKeySet(statement: StatementId): ReadonlySet<number> {
    let keys = this.quarterKeys.get(statement);
    if (!keys) {
      keys = new Set(this.quarters(statement).map(quarterIndex));
      this.quarterKeys.set(statement, keys);
    }
    return keys;
  }

  /** Parses a period argument and checks that `statement` prints it. */
  resolveQuarter(input: unknown, statement: StatementId): PeriodRequest & { period: Quarter } {
    const request = this.parsePeriod(input);
    if (
      request.period.kind === "quarter" &&
      this.quarterKeySet(statement).has(quarterIndex(request.period))
    )
      return request as PeriodRequest & { period: Quarter };
    const available = this.quarters(statement);
    const list = available.map(periodKey).join(", ");
    if (request.period.kind !== "quarter") {
      throw notAvailable(
        `${statement} figures are quarterly; no release prints ${periodKey(request.period)} as a whole. ${statement} periods: ${list}.`
      );
    }
    const key = periodKey(request.period);
    const when = request.date
      ? `${isoDate(request.date)} (${key})`
      : `${key} (quarter ended ${printedDate(quarterEnd(request.period))})`;
    throw notAvailable(
      `No registered release prints ${statement} figures for ${when}. ${statement} periods: ${list}; period forms: ${PERIOD_FORMS}.`
    );
  }

  /** The printed cell for an item, period and measure, as of `vintage`; undefined when none prints it. */
  figure(
    statement: StatementId,
    itemId: string,
    period: string,
    measure: Measure,
    vintage: Vintage = { kind: "latest" }
  ): Figure | undefined {
    this.indexPeriod(statement, period);
    const list = this.figures.get(figureKey(statement, itemId, period, measure));
    if (!list || list.length === 0) return undefined;
    return pickVintage(list, vintage, (id) => {
      const releases = this.releases.map((r) => r.id).join(", ");
      const printedIn = list.map((f) => f.release.id).join(", ");
      return notAvailable(
        `Release ${id} does not print this figure (printed in: ${printedIn}; releases: ${releases}).`
      );
    });
  }

  /** Every release's printing of one figure, first reported first. */
  figureHistory(
    statement: StatementId,
    itemId: string,
    period: string,
    measure: Measure
  ): readonly Figure[] {
    this.indexPeriod(statement, period);
    return this.figures.get(figureKey(statement, itemId, period, measure)) ?? [];
  }

  /**
   * A statement amount: `IIJ.INCOME` / `IIJ.BALANCE` / `IIJ.CASHFLOW`. Arguments are checked in the
   * order the user typed them, so the first mistake is the one reported.
   */
  statementAmount(
    statement: FinancialStatement,
    periodInput: unknown,
    itemInput: unknown,
    unitInput?: unknown
  ): Answer {
    const request = this.resolveQuarter(periodInput, statement);
    const item = this.catalogue(statement).resolve(itemInput);
    const unit = resolveUnit(unitInput, item.unit, `"${item.label}"`);
    const key = periodKey(request.period);
    if (unit === "USD thousands (as printed)") {
      const usd = this.figure(statement, item.id, key, "usd", request.vintage);
      if (!usd) {
        const printedFor = this.quarters(statement)
          .filter((q) => this.figure(statement, item.id, periodKey(q), "usd"))
          .map(periodKey);
        throw notAvailable(
          `The release prints no USD figure for "${item.label}" in ${key}${printedFor.length ? `; printed USD columns: ${printedFor.join(", ")}` : ""}. Use "USD thousands" for an exact translation at ${this.fxRate().toString()}.`
        );
      }
      return { value: this.numberOf(usd, item), unit, figure: usd };
    }
    return this.answer(this.reading(item, key, unit, request.vintage), item, key);
  }

  /** A reading as a function's answer: "NA" and "not printed" become errors saying why. */
  private answer(reading: Reading, item: Item, period: string): Answer {
    if (reading.kind === "value") return reading;
    // numberOf throws "Not applicable" with the row's footnote, which says why.
    if (reading.kind === "na") this.numberOf(reading.figure, item);
    const where = item.statement === "KPI" ? `${item.table}: ` : "";
    throw notAvailable(`${where}"${item.label}" is not printed for ${period}.`);
  }

  /**
   * A Table 1-5 figure: `IIJ.KPI`. In its printed unit unless `unitInput` names another: an amount
   * (JPY millions as printed) converts exactly to the statements' units; a count or rate (contracts,
   * Gbps) takes none but its own.
   */
  kpi(periodInput: unknown, metricInput: unknown, unitInput?: unknown): Answer {
    const request = this.resolveQuarter(periodInput, "KPI");
    const item = this.catalogue("KPI").resolve(metricInput, "metric");
    const unit = resolveUnit(unitInput, item.unit, `"${item.label}" (${item.table})`);
    const key = periodKey(request.period);
    return this.answer(this.reading(item, key, unit, request.vintage), item, key);
  }

  /** The number in a printed cell: a printed "-" is 0; "NA" is `#N/A` with the reason if printed. */
  numberOf(figure: Figure, item: Item): Dec {
    // Read on first use and kept: start-up stays fast, and every cell of every registered release
    // is read by the data tests and `iij-model check`, so a malformed data file still fails there.
    const v = this.printedValueOf(figure);
    if (v.kind === "number") return v.value;
    if (v.kind === "nil") return new Dec(0);
    if (v.kind === "na") {
      const why = item.footnote ? ` ${item.footnote}` : "";
      throw notAvailable(
        `Not applicable: ${figure.table.title} prints "NA" for "${item.label}" in ${figure.period}.${why}`
      );
    }
    throw notAvailable(`"${item.label}" is blank in ${figure.table.title} for ${figure.period}.`);
  }

  private printedValueOf(figure: Figure): PrintedValue {
    let v = this.printedValues.get(figure);
    if (!v) {
      v = readPrinted(figure.printed);
      this.printedValues.set(figure, v);
    }
    return v;
  }

  /** Guidance entries for a metric and period, first given first. */
  guidance(metricId: string, period: string, kind: "range" | "outlook"): readonly GuidanceEntry[] {
    return this.guidanceEntries.get(`${metricId}|${period}|${kind}`) ?? [];
  }

  /**
   * The guidance entry `IIJ.SOURCE` cites for a metric in a parsed period, as of its vintage, from
   * the metric's ranges then its outlooks; undefined when none is given.
   */
  guidanceEntry(metricId: string, request: PeriodRequest): GuidanceEntry | undefined {
    const key = periodKey(request.period);
    const entries = [
      ...this.guidance(metricId, key, "range"),
      ...this.guidance(metricId, key, "outlook"),
    ];
    return pickVintage(entries, request.vintage);
  }

  guidancePeriodList(): readonly Period[] {
    return [...this.guidancePeriods].sort((a, b) => rank(a) - rank(b));
  }

  /** Resolves a guidance period argument: a quarter or fiscal year some release gives guidance for. */
  resolveGuidancePeriod(input: unknown): PeriodRequest {
    const request = this.parsePeriod(input);
    const key = periodKey(request.period);
    if (!this.guidancePeriods.some((p) => samePeriod(p, request.period))) {
      const list = this.guidancePeriodList().map(periodKey).join(", ");
      throw notAvailable(
        `No registered release gives guidance for ${key}. Guidance periods: ${list}.`
      );
    }
    return request;
  }
}

/**
 * One release's version from `list` (first reported first): the latest, the first, or the named
 * release's (its last entry there). Undefined when `list` is empty or the named release is not in
 * it, unless `missing` is given: then its error is thrown for the named release.
 */
export function pickVintage<T extends { readonly release: { readonly id: string } }>(
  list: readonly T[],
  vintage: Vintage,
  missing?: (releaseId: string) => Error
): T | undefined {
  if (vintage.kind === "latest") return list[list.length - 1];
  if (vintage.kind === "first") return list[0];
  for (let i = list.length - 1; i >= 0; i--) if (list[i].release.id === vintage.id) return list[i];
  if (missing) throw missing(vintage.id);
  return undefined;
}

/** Sort order for periods: quarters chronologically, then fiscal years. */
function rank(p: Period): number {
  return p.kind === "quarter" ? quarterIndex(p) : 1_000_000 + p.fy;
}

export { IIJError };
export type { Item, Unit };

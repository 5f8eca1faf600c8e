/**
 * Shapes of a release as printed. Nothing here is computed: every figure is the printed text of one
 * cell (after any OCR repair listed in `repairs`), so a reader can hold it against the page. The
 * closed sets are lists with their types derived from them, so a data file's reader
 * (src/model/ingest/json.ts) checks against the same list the compiler does.
 */

/** The statements and table groups a figure can belong to; also the names analysts pass to IIJ.ITEMS. */
export const STATEMENT_IDS = ["INCOME", "BALANCE", "CASHFLOW", "KPI", "GUIDANCE"] as const;
export type StatementId = (typeof STATEMENT_IDS)[number];

/**
 * What a printed column holds.
 * - `amount`: the figure itself, in the row's unit (JPY thousands in the statements).
 * - `usd`: the release's convenience translation (USD thousands at the release's rate).
 * - `pctOfTotal`: "% of Total Revenues" (statements of operations) or "%" of total assets (balance sheets).
 * - `yoyPct` / `qoqPct`: the printed "YOY Chg %" / "QOQ Chg %" of the row's latest quarter.
 */
export const MEASURES = ["amount", "usd", "pctOfTotal", "yoyPct", "qoqPct"] as const;
export type Measure = (typeof MEASURES)[number];

/** Units a row is printed in. Statements print JPY thousands except per-share data and counts. */
export const PRINTED_UNITS = [
  "JPY thousands",
  "JPY millions",
  "JPY",
  "USD thousands",
  "shares",
  "ADS equivalents",
  "contracts",
  "Gbps",
] as const;
export type PrintedUnit = (typeof PRINTED_UNITS)[number];

export interface PrintedColumn {
  /** The column header as printed (repaired where the OCR garbled it; see the release's repairs). */
  readonly header: string;
  /** Fiscal quarter the column reports, in the house form `1Q01` (first quarter of fiscal 2001). */
  readonly period: string;
  readonly measure: Measure;
}

export interface PrintedRow {
  /** Stable id: the same line item keeps its id in every release, whatever its printed label. */
  readonly id: string;
  /** The row label exactly as printed. */
  readonly label: string;
  /** The printed headings the row sits under, outermost first, joined by " / ". */
  readonly section: string;
  /** One printed cell per column of the table, in printed order; "" where the cell is blank. */
  readonly cells: readonly string[];
  /** Overrides the table's unit for this row (per-share data, share counts). */
  readonly unit?: PrintedUnit;
  /** A printed footnote that belongs to the row. */
  readonly footnote?: string;
}

export interface PrintedTable {
  readonly statement: StatementId;
  /** Title as printed, e.g. "Consolidated Statements of Operations" or "Table 1. Number of Contracts". */
  readonly title: string;
  /** Where it is printed: "page 5", "Appendix 1" (the statements follow page 7 and carry no page number). */
  readonly page: string;
  readonly unit: PrintedUnit;
  readonly columns: readonly PrintedColumn[];
  readonly rows: readonly PrintedRow[];
}

/** One line of the printed guidance table: a range printed as one cell, e.g. "(-)100 - (+)50". */
export interface PrintedGuidanceRange {
  readonly id: string;
  readonly label: string;
  readonly period: string;
  readonly unit: PrintedUnit;
  readonly range: string;
}

/**
 * Guidance given in words only: reachable as text, never as a number. Its words are printed in the
 * release's text (a summary bullet, an officer's quote), not in the guidance table, so it records
 * its own place, which `IIJ.SOURCE` cites.
 */
export interface PrintedOutlook {
  readonly id: string;
  readonly label: string;
  readonly period: string;
  /** The words, as printed. */
  readonly text: string;
  /** The page they are printed on: "page 1". */
  readonly page: string;
  /** The printed heading they sit under, exactly as printed: "The 1st Quarter of FY2001 Results Summary". */
  readonly heading: string;
  /** Where under the heading: "the last bullet", "the quote of Yasuhiro Nishi, CFO". */
  readonly place: string;
}

export interface PrintedGuidance {
  readonly title: string;
  readonly page: string;
  readonly ranges: readonly PrintedGuidanceRange[];
  readonly outlooks: readonly PrintedOutlook[];
}

/** Where an OCR reading was replaced by the figure the page's own arithmetic requires. */
export interface Repair {
  readonly statement: StatementId;
  readonly rowId: string;
  /** Index into the table's columns, or "label" / "header" for non-figure text. */
  readonly column: number | "label" | "header";
  /** What the OCR text shows, verbatim. */
  readonly ocr: string;
  /** What is recorded instead. */
  readonly settled: string;
  /** The arithmetic that settled it. */
  readonly reason: string;
}

/**
 * A place where the release's own printed figures do not tie. The printed value is kept; a check
 * whose id matches reports "noted" with the exact difference instead of failing.
 */
export interface PrintedInconsistency {
  /** `checkId` of the check that finds it, e.g. "ebitda-is-operating-income-plus-da". */
  readonly checkId: string;
  readonly period: string;
  /** The row (or "" for a whole-check note) the difference sits on. */
  readonly rowId: string;
  readonly explanation: string;
}

export interface ConvenienceRate {
  /** JPY per USD 1, as printed ("JPY 124.73 =$1"). */
  readonly jpyPerUsd: string;
  /** The date the rate approximates, ISO (absent where the note prints none). */
  readonly asOf?: string;
  readonly printed: string;
}

export interface Release {
  /** Stable id: the release date, ISO (one IIJ earnings release per date). */
  readonly id: string;
  readonly title: string;
  /** Release date, ISO. */
  readonly date: string;
  /** The latest quarter the release reports; anchors FQ0 when this is the newest release. */
  readonly latestQuarter: string;
  readonly source: string;
  readonly rate: ConvenienceRate;
  readonly tables: readonly PrintedTable[];
  readonly guidance: PrintedGuidance;
  readonly repairs: readonly Repair[];
  readonly inconsistencies: readonly PrintedInconsistency[];
  /**
   * Figures ingest could not settle (src/model/ingest): their cells are blank in `tables`, so the
   * model reads them as not printed, and each entry says what the OCR shows and why no reading was
   * proved. Absent or empty when every figure was settled.
   */
  readonly unresolved?: readonly UnresolvedCell[];
  /**
   * Figures the release states only in its prose (src/model/ingest/stated.ts), each with its
   * sentence: reachable by `IIJ.STATED` and `iij-model find`. Absent when ingest found none.
   */
  readonly stated?: readonly StatedFigure[];
}

/**
 * Units of a figure stated in the prose: the statements' units and those sentences print beside
 * them. `percent` is a printed "24.6%" (its value 24.6), `percentage points` a change of a ratio,
 * `times` a multiple ("250 times"), `count` a number of things the label names ("14 network
 * operators", "400,760" DSL lines).
 */
export const STATED_UNITS = [
  ...PRINTED_UNITS,
  "JPY billions",
  "JPY trillions",
  "Mbps",
  "percent",
  "percentage points",
  "times",
  "count",
] as const;
export type StatedUnit = (typeof STATED_UNITS)[number];

/**
 * What a stated figure is of its subject.
 * - `amount`: the figure itself ("JPY341 million in 1Q01", "its 37.9% affiliate").
 * - `from`: the level a change started from, when the sentence names no quarter for it
 *   ("to approximately 1.7Gbps from 1.4Gbps").
 * - `yoyPct` / `qoqPct`: a change against the same quarter a year earlier / the quarter before
 *   ("increased 24.6% ... from 1Q00"; "by 8.7% from 4Q00"), signed by its verb (decreased: negative).
 * - `change`: a change against a base the sentence does not name as either ("decreased 2.6%").
 * - `low` / `high`: the bounds of a range ("between JPY9.0 billion and JPY9.5 billion").
 */
export const STATED_MEASURES = [
  "amount",
  "from",
  "yoyPct",
  "qoqPct",
  "change",
  "low",
  "high",
] as const;
export type StatedMeasure = (typeof STATED_MEASURES)[number];

/** A figure printed in the release's prose, with the sentence that states it. Nothing computed. */
export interface StatedFigure {
  /**
   * Stable id from the subject's words ("sales_personnel_expense"); one subject's figures share
   * it. A later sentence that states a different figure for the same subject, period and measure
   * gets the next suffix ("operating_loss_2"), so that every figure has its own name.
   */
  readonly id: string;
  /** The subject as printed, without articles: "Sales personnel expense". */
  readonly label: string;
  /** The quarter the sentence ties the figure to (house key, "1Q01"); absent when it names none. */
  readonly period?: string;
  readonly measure: StatedMeasure;
  /** For a change: the quarter it is measured from, when the sentence names one ("1Q00"). */
  readonly base?: string;
  /** The figure as printed: "JPY341 million", "24.6%", "approximately 1.7Gbps", "(-)JPY300 million". */
  readonly printed: string;
  /** Its value as a decimal string in `unit`: "341", "-39.5" (a decrease), "50.0". */
  readonly value: string;
  readonly unit: StatedUnit;
  /** The whole sentence, as printed (footnote markers and OCR markup left out). */
  readonly sentence: string;
  /** The page it is printed on: "page 6". */
  readonly page: string;
  /** The printed heading it sits under: "Cost and expenses". */
  readonly heading: string;
  /** Where under the heading: "paragraph 4", "bullet 2", "the footnote (*2)". */
  readonly place: string;
}

/** A figure the release's own arithmetic could not settle from its OCR text. */
export interface UnresolvedCell {
  readonly statement: StatementId;
  readonly rowId: string;
  /** Index into the table's columns. */
  readonly column: number;
  /** What the OCR text shows, verbatim ("" for a lost cell). */
  readonly ocr: string;
  /** The readings the evidence leaves open, as printed text (may be empty). */
  readonly candidates: readonly string[];
  readonly why: string;
}

/**
 * The calls a person made where a release's text and arithmetic leave a choice, reviewed and kept
 * beside its source (`releases/<date>-<quarter>.judgements.ts`), which ingest applies after the
 * arithmetic: never to a figure the arithmetic settles.
 */
export interface IngestJudgements {
  /** The release (its date, ISO) the calls are for; ingest refuses them for another. */
  readonly release: string;
  /** Values the OCR printed away from their table: which quarter each is, in the order printed. */
  readonly detached?: readonly DetachedJudgement[];
  /** Outlooks in words, each replacing what ingest finds for the same metric and period. */
  readonly outlooks?: readonly PrintedOutlook[];
}

export interface DetachedJudgement {
  /** The table by its number ("Table 3") and the row label printed away from it. */
  readonly table: string;
  readonly label: string;
  /** The quarters of the detached values, in the order the text prints them. */
  readonly periods: readonly string[];
  readonly reason: string;
}

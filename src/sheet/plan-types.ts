/**
 * The model sheet as data: what goes in which cell, how it looks, which names and checks it
 * carries. Built by `planModelSheet`; rendered by the Office.js writer and the .xlsx writer, which
 * add nothing about the layout.
 */
import type { Measure, StatementId } from "../model";

/** Units the sheet offers for statement amounts (tables and guidance keep their printed units). */
export type SheetUnit = "JPY millions" | "JPY thousands";
export const SHEET_UNITS: readonly SheetUnit[] = ["JPY millions", "JPY thousands"];

/**
 * How a cell looks: `input` is a printed figure (blue, the modelling convention for hard-coded
 * inputs), `formula` is computed (black), `check` a check difference, `noted` a printed
 * inconsistency kept on purpose.
 */
export type CellStyle =
  | "title"
  | "headerLabel"
  | "headerValue"
  | "columnHeader"
  | "sectionHeader"
  | "label"
  | "id"
  | "input"
  | "inputText"
  | "formula"
  | "check"
  | "noted"
  | "text"
  | "estimateHeader"
  | "estimateNote"
  | "forecast"
  | "note"
  | "inputSlot"
  | "seed"
  | "unit";

/** Where a printed value came from, for tracing a cell back to the page. */
export interface CellSource {
  readonly statement: StatementId;
  readonly itemId: string;
  readonly period: string;
  readonly measure: Measure;
}

export interface PlanCell {
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  /** Exactly one of: a number as a decimal string, text, or a formula (starting with "="). */
  readonly number?: string;
  readonly text?: string;
  readonly formula?: string;
  readonly style: CellStyle;
  readonly numberFormat?: string;
  readonly source?: CellSource;
  /**
   * A text too long for the columns to its right: merged from its column through `wrapTo` and
   * wrapped there, so it never runs past the model's last column (LibreOffice would widen the
   * printed page to show it).
   */
  readonly wrapTo?: number;
}

/** A row taller than the default, to show a wrapped text's lines. */
export interface PlanRowHeight {
  readonly row: number;
  /** Height in points. */
  readonly points: number;
}

export interface PlanName {
  /** Workbook-scoped defined name. */
  readonly name: string;
  readonly row: number;
  readonly col: number;
  readonly comment: string;
}

/** A rectangle (0-based, inclusive) whose cells are flagged when they differ from `expected`. */
export interface PlanArea {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** An Excel literal every cell should equal: `0` for check differences, `"in range"` for flags. */
  readonly expected: string;
}

/**
 * A line chart over a block of the sheet: the block's first row holds the categories (quarters),
 * each further row a series, named by its first cell.
 */
export interface PlanChart {
  readonly name: string;
  readonly title: string;
  readonly data: Omit<PlanArea, "expected">;
  /** Series (0-based, in row order) drawn against the secondary axis. */
  readonly secondary: readonly number[];
  /** Series drawn as markers only (no line): single-point guidance bounds. */
  readonly markersOnly: readonly number[];
  /** Where the chart sits: top-left and bottom-right cells. */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

/** A drop-down list of allowed entries on an input cell. */
export interface PlanValidation {
  readonly row: number;
  readonly col: number;
  readonly list: readonly string[];
}

/**
 * How the sheet prints: landscape, one page wide and as many high as it takes, with the label and
 * id columns and the period heads repeated on every page.
 */
export interface PlanPrint {
  readonly orientation: "landscape";
  /** Pages wide (1) and at most high (as many as the rows need at the width's scale). */
  readonly fitToWidth: number;
  readonly fitToHeight: number;
  /** Rows repeated at the top of each page (0-based, inclusive): the period heads. */
  readonly titleRows: { readonly first: number; readonly last: number };
  /** Columns repeated at the left of each page: the label and the id. */
  readonly titleColumns: { readonly first: number; readonly last: number };
  /** The printed area, from A1 (0-based, inclusive). */
  readonly lastRow: number;
  readonly lastCol: number;
}

export interface SheetPlan {
  readonly sheetName: string;
  readonly quarter: string;
  readonly unit: SheetUnit;
  /** Size of the model's area, from A1. */
  readonly rowCount: number;
  readonly columnCount: number;
  /** Row-major order. */
  readonly cells: readonly PlanCell[];
  readonly names: readonly PlanName[];
  /** Width of each column, in characters of the default font. */
  readonly columnWidths: readonly number[];
  readonly rowHeights: readonly PlanRowHeight[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly print: PlanPrint;
  /** Check differences and guidance flags: a cell that is not as expected is highlighted. */
  readonly checkAreas: readonly PlanArea[];
  readonly validations: readonly PlanValidation[];
  /** Native charts (the Office.js writer draws them; the .xlsx writer cannot). */
  readonly charts: readonly PlanChart[];
  readonly summary: {
    readonly values: number;
    readonly formulas: number;
    readonly checks: number;
    readonly noted: number;
  };
}

/** Excel's column letters of a 0-based column: 0 is "A", 26 is "AA". */
export function columnLetters(col: number): string {
  let c = col + 1;
  let letters = "";
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return letters;
}

/** Cells added and subtracted as a formula writes them: "a-b+c" (a leading "-" if the first subtracts). */
export function signedSum(terms: readonly { cell: string; weight: 1 | -1 }[]): string {
  return terms.map((t, i) => `${t.weight < 0 ? "-" : i === 0 ? "" : "+"}${t.cell}`).join("");
}

/** "A1" style address of a 0-based cell. */
export function a1(row: number, col: number, absolute = false): string {
  const letters = columnLetters(col);
  return absolute ? `$${letters}$${row + 1}` : `${letters}${row + 1}`;
}

/**
 * What to write into `range.formulas` for a cell. Text that Excel would parse as a formula
 * ("=...", "+...", "-...", "@...") gets a leading apostrophe, so data can never become a formula:
 * only the plan's own formulas are formulas.
 */
export function cellFormula(cell: PlanCell): string | number {
  if (cell.formula !== undefined) return cell.formula;
  if (cell.number !== undefined) return Number(cell.number);
  const text = cell.text ?? "";
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

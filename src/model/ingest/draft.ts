/**
 * A release as read, before its figures are settled: tables of rows whose cells are OCR text with
 * their readings. Ids are the model's (lexicon.ts), sections the printed headings.
 */
import type { PrintedRow, PrintedTable, Repair } from "../../data/types";
import type { LineStatement } from "../statements";
import type { CellReading, FigureReading } from "./cells";
import type { DetachedValue } from "./locate";

export interface DraftCell {
  /** The OCR text of the cell, trimmed ("" when blank). */
  readonly raw: string;
  readonly reading: CellReading;
  /** Whether the row prints a figure in this column (a per-share row has no USD or % cells). */
  readonly expected: boolean;
}

/** How a row was matched to a line id. */
export type RowMatch =
  | { readonly kind: "label" }
  /** By its place between matched rows: the line's label changed. */
  | { readonly kind: "renamed"; readonly houseLabel: string }
  /** By its place, and a label a few letters off the line's ("Sa1es and marketlng"): the OCR's. */
  | { readonly kind: "misread"; readonly houseLabel: string; readonly printed: string }
  | { readonly kind: "new" };

/** A printed row before its id is known; label, section and unit as the data file records them. */
export interface ParsedRow extends Pick<PrintedRow, "label" | "section" | "unit"> {
  readonly cells: readonly DraftCell[];
  readonly line: number;
  readonly page: string;
  /** Figures printed on the heading right above the row (its own, moved up by the OCR), by column. */
  readonly fromHeading?: readonly (readonly FigureReading[])[];
  /** The heading those figures are printed on, as printed. */
  readonly headingLabel?: string;
  /** An italic group name printed before the label (Table 1's "IP Service"). */
  readonly group?: string;
  readonly marker?: string;
}

export interface DraftRow extends ParsedRow {
  readonly id: string;
  readonly match: RowMatch;
  readonly footnote?: string;
}

/** A printed table before its figures are settled; title, page, unit and columns as recorded. */
export interface DraftTable extends Pick<PrintedTable, "title" | "page" | "unit" | "columns"> {
  readonly statement: LineStatement;
  readonly rows: readonly DraftRow[];
  /** Repairs of the title or header (not of figures): a truncated title, a cut-short unit. */
  readonly repairs: readonly Repair[];
  /** A row label and values printed away from the table (values in printed order). */
  readonly detached?: { readonly rowId: string; readonly values: readonly DetachedValue[] };
  /** Table number (1-5) of the numbered tables. */
  readonly number?: number;
}

/** A figure cell's key across the release: statement, line, period and measure. */
export function cellKey(statement: string, rowId: string, period: string, measure: string): string {
  return `${statement}|${rowId}|${period}|${measure}`;
}

import type { CellStyle } from "./plan-types";

/**
 * How each cell style looks, for both writers. Blue for printed inputs and black for formulas is
 * the modelling convention analysts expect; colours are Fluent's palette.
 */
export interface StyleSpec {
  /** Font colour, "#RRGGBB". */
  readonly color: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Fill colour, "#RRGGBB". */
  readonly fill?: string;
  readonly size?: number;
}

export const STYLES: Readonly<Record<CellStyle, StyleSpec>> = {
  title: { color: "#201F1E", bold: true, size: 14 },
  headerLabel: { color: "#605E5C" },
  headerValue: { color: "#201F1E" },
  columnHeader: { color: "#FFFFFF", bold: true, fill: "#0F6CBD" },
  sectionHeader: { color: "#201F1E", bold: true, fill: "#EBF3FC" },
  label: { color: "#201F1E" },
  id: { color: "#8A8886", italic: true },
  input: { color: "#0000FF" },
  inputText: { color: "#0000FF" },
  formula: { color: "#000000" },
  check: { color: "#000000" },
  noted: { color: "#8A6100", italic: true },
  text: { color: "#201F1E" },
  estimateHeader: { color: "#FFFFFF", bold: true, fill: "#8A6100" },
  estimateNote: { color: "#8A6100", italic: true },
  forecast: { color: "#000000", fill: "#FFF9E6" },
  note: { color: "#605E5C", italic: true },
  inputSlot: { color: "#0000FF", fill: "#EBF3FC" },
  seed: { color: "#605E5C" },
  unit: { color: "#605E5C", italic: true },
};

/** Fill and font for a check difference that is not zero. */
export const CHECK_ALERT: StyleSpec = { color: "#A4262C", bold: true, fill: "#FDE7E9" };

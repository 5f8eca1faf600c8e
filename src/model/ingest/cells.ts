/**
 * One OCR cell read as the figures it may print. A clean cell reads one way; the OCR's format faults
 * give a cell a second reading that only the page's arithmetic can choose (a thousands separator
 * read as a decimal point, "7.064" for 7,064 or "1.787,436"; or as a space, "15 347"); two figures
 * run together in one cell ("17,660,882 6,028,260") give each as a reading; marks with no figure
 * are noise.
 */
import { Dec, formatPrinted } from "../decimal";
import { readPrinted } from "../printed";
import { stripMarkup } from "./text";

/** How a reading differs from the cell's text. */
export type ReadingFault = "separator-point" | "separator-space" | "merged";

export interface FigureReading {
  /** The text to record: the printed form of the figure. */
  readonly text: string;
  /** The value for arithmetic: "-" is 0; "NA" (not applicable) is null. */
  readonly value: Dec | null;
  /** Decimal places printed. */
  readonly places: number;
  readonly fault?: ReadingFault;
}

export type CellReading =
  | { readonly kind: "blank" }
  /** Marks or letters with no readable figure: scanning noise, or a figure lost beyond reading. */
  | { readonly kind: "noise"; readonly text: string }
  | { readonly kind: "figure"; readonly readings: readonly FigureReading[] };

/** A whole part that starts with a 0 and goes on ("00,000", "05"): no figure is printed so. */
const LEADING_ZERO = /^[(-]?\s*[$¥]?0[\d,]/;

function asPrinted(text: string): FigureReading | null {
  // The OCR lost the digit before it: the cell's figure is lost, not 0 or 5.
  if (LEADING_ZERO.test(text.trim())) return null;
  try {
    const v = readPrinted(text);
    if (v.kind === "number") return { text, value: v.value, places: v.places };
    if (v.kind === "nil") return { text, value: new Dec(0), places: 0 };
    if (v.kind === "na") return { text, value: null, places: 0 };
  } catch {
    return null;
  }
  return null;
}

/** "7.064" or "(124.847)": three decimals, which is also how a misread thousands separator looks. */
function separatorAsPoint(reading: FigureReading): FigureReading | null {
  if (reading.places !== 3 || reading.value === null) return null;
  const text = reading.text.replace(/\.(\d{3})/, ",$1");
  const fixed = asPrinted(text);
  return fixed ? { ...fixed, fault: "separator-point" } : null;
}

const MISSEPARATED = /^(\(-\)|\()?(\d{1,3}(?:[., ]\d{3})+)(\))?(%)?$/;

/**
 * "17 660 992", "(500 144)" or "1.787,436": groups of three digits parted by spaces, or by points
 * among commas (a lone point with three decimals is also a figure: see separatorAsPoint).
 */
function misseparated(text: string): FigureReading | null {
  const m = MISSEPARATED.exec(text);
  // Spaces among commas are two figures run together (mergedParts), not separators.
  if (!m || !/[ .]/.test(m[2]) || (m[2].includes(" ") && /[,.]/.test(m[2]))) return null;
  const fixed = asPrinted(`${m[1] ?? ""}${m[2].replace(/[ .]/g, ",")}${m[3] ?? ""}${m[4] ?? ""}`);
  if (!fixed) return null;
  return { ...fixed, fault: m[2].includes(" ") ? "separator-space" : "separator-point" };
}

/** Two or more well-formed figures in one cell, each with its separators: a merged cell. */
function mergedParts(text: string): FigureReading[] {
  const parts = text.split(/\s+/);
  if (parts.length < 2) return [];
  const read = parts.map(asPrinted);
  // Each part a figure, and at least one with the separators of a printed amount: two bare
  // numbers side by side could be one number with a space in it, "050 (1)" header noise.
  if (
    read.some((r) => r === null || r.value === null) ||
    !read.some((r) => /[,.]/.test(r?.text ?? ""))
  )
    return [];
  return (read as FigureReading[]).map((r) => ({ ...r, fault: "merged" as const }));
}

export function readCell(raw: string): CellReading {
  const text = stripMarkup(raw);
  if (text === "") return { kind: "blank" };
  const clean = asPrinted(text);
  if (clean) {
    const alt = separatorAsPoint(clean);
    return { kind: "figure", readings: alt ? [clean, alt] : [clean] };
  }
  const separated = misseparated(text);
  if (separated) return { kind: "figure", readings: [separated] };
  const merged = mergedParts(text);
  if (merged.length > 0) return { kind: "figure", readings: merged };
  return { kind: "noise", text };
}

/** The readings of a cell, or none for a blank or noise. */
export function readingsOf(reading: CellReading): readonly FigureReading[] {
  return reading.kind === "figure" ? reading.readings : [];
}

/** A figure settled by arithmetic, printed the way its column prints: "(64,419)", "0.0", "-". */
export function printedForm(value: Dec, places: number, style: PrintStyle): string {
  if (value.isZero() && style.zero !== undefined) return style.zero;
  const body = formatPrinted(value, places);
  if (!style.percentSign) return body;
  return body.endsWith(")") ? `${body.slice(0, -1)}%)` : `${body}%`;
}

export interface PrintStyle {
  /** How the column prints a nil figure ("0", "0.0", "-"), if it prints one. */
  readonly zero?: string;
  /** Whether the row's percentages carry the sign ("40.6%"), as the first row of a column does. */
  readonly percentSign?: boolean;
}

/**
 * Whether the digits `text` could be the digits `target` after one slip of the OCR that keeps a
 * clean-looking figure: one digit misread, two neighbouring digits swapped, or one digit lost.
 */
export function isOneSlip(text: string, target: string): boolean {
  if (text === target) return false;
  if (text.length === target.length) {
    const at = [...text].flatMap((ch, i) => (ch === target[i] ? [] : [i]));
    return (
      at.length === 1 ||
      (at.length === 2 &&
        at[1] === at[0] + 1 &&
        text[at[0]] === target[at[1]] &&
        text[at[1]] === target[at[0]])
    );
  }
  if (text.length + 1 !== target.length) return false;
  return [...target].some((_, i) => `${target.slice(0, i)}${target.slice(i + 1)}` === text);
}

/** Whether `text` could be `target` misread in one digit (same shape, one digit different). */
export function isOneDigitMisread(text: string, target: string): boolean {
  if (text.length !== target.length || text === target) return false;
  let differences = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === target[i]) continue;
    if (!/\d/.test(text[i]) || !/\d/.test(target[i])) return false;
    differences++;
  }
  return differences === 1;
}

import { Dec } from "./decimal";

/**
 * A printed cell read as a value. The release keeps three kinds of "nothing" apart and so do we:
 * `nil` is a printed "-" (the amount is nil, i.e. 0), `na` is a printed "NA" (not applicable, e.g. a
 * service that did not exist yet), `blank` is a cell the release leaves empty (nothing printed).
 */
export type PrintedValue =
  | { readonly kind: "number"; readonly value: Dec; readonly places: number }
  | { readonly kind: "nil" }
  | { readonly kind: "na" }
  | { readonly kind: "blank" };

const NUMBER = /^(\()?(\(-\)|\(\+\)|-)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?)(%)?(\))?(%)?$/;

/**
 * Reads the release's printed forms: "3,386,912", "(299,814)", "(-)251", "(+)50", "40.6%",
 * "(20.0%)", "(1,779.8)", "-", "NA". Anything else is a transcription error: it throws, so a bad
 * data file fails its tests instead of yielding a number.
 */
export function readPrinted(text: string): PrintedValue {
  const t = text.trim();
  if (t === "") return { kind: "blank" };
  if (t === "-") return { kind: "nil" };
  if (t === "NA") return { kind: "na" };
  const m = NUMBER.exec(t);
  if (!m || (m[1] === "(") !== (m[6] === ")")) {
    throw new Error(`Unreadable printed figure "${text}"`);
  }
  const negative = m[1] === "(" || m[2] === "(-)" || m[2] === "-";
  const digits = m[3].replace(/,/g, "");
  const value = new Dec(digits);
  return {
    kind: "number",
    value: negative ? value.negated() : value,
    places: m[4] ? m[4].length : 0,
  };
}

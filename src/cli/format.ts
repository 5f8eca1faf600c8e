import { isIIJError } from "../model";
import type { Result, Scalar } from "../functions/library";

function scalarText(value: Scalar, inGrid: boolean): string {
  if (isIIJError(value)) return inGrid ? value.kind : `${value.kind}: ${value.message}`;
  if (typeof value === "number") return String(value);
  return value.replace(/\s*[\r\n]+\s*/g, " ");
}

/** One line per scalar, one tab-separated line per row of a spilled grid. */
export function formatResult(result: Result): string {
  if (Array.isArray(result))
    return result.map((row) => row.map((c) => scalarText(c, true)).join("\t")).join("\n");
  return scalarText(result, false);
}

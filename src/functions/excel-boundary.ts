import { type IIJError, isIIJError } from "../model";
import type { Result } from "./library";

function toCustomFunctionsError(error: IIJError): CustomFunctions.Error {
  const code =
    error.kind === "#N/A"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, error.message);
}

/**
 * Hands a library result to Excel: a scalar error is thrown as `CustomFunctions.Error` (Excel shows
 * its kind and message); inside a spilled grid each failing cell is its own error, so one gap never
 * fails the whole array.
 */
export function toExcel(
  result: Result
): number | string | (number | string | CustomFunctions.Error)[][] {
  if (isIIJError(result)) throw toCustomFunctionsError(result);
  if (Array.isArray(result)) {
    return result.map((row) =>
      row.map((cell) => (isIIJError(cell) ? toCustomFunctionsError(cell) : cell))
    );
  }
  return result;
}

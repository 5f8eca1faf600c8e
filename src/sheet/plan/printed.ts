/** The one place the model sheet reads a printed figure: the model's internal API, no parsing. */
import type { IIJModel, Item } from "../../model";
import type { SheetUnit } from "../plan-types";

/** What the sheet shows where the release prints "NA" (not applicable). */
export const NOT_APPLICABLE = "NA";

/**
 * A printed figure as the sheet shows it: its number as a decimal string, in `unit` for a
 * statement line (null: the line's printed unit; tables always keep theirs), "NA" where the
 * release prints "NA", undefined where it prints nothing for the period.
 */
export function printedCell(
  model: IIJModel,
  item: Item,
  period: string,
  unit: SheetUnit | null
): string | undefined {
  const reading = model.reading(item, period, item.statement === "KPI" ? null : unit);
  if (reading.kind === "na") return NOT_APPLICABLE;
  return reading.kind === "value" ? reading.value.toString() : undefined;
}

/**
 * Reads the active cell for the trace panel in one batched sync, and debounces selection changes
 * so that moving across a sheet does not flood Excel with requests.
 */
import type { IIJModel } from "../model";
import { topLeftOf } from "../sheet/merge";
import { MODEL_SHEET_NAME } from "../sheet/plan";
import { type Provenance, traceFormula, traceModelCell } from "./trace";

export async function traceActiveCell(
  context: Excel.RequestContext,
  model: IIJModel
): Promise<Provenance | null> {
  const cell = context.workbook.getActiveCell();
  cell.load("address, formulas");
  const modelSheet = context.workbook.worksheets.getItemOrNullObject(MODEL_SHEET_NAME);
  modelSheet.load("name");
  const header = modelSheet.getRange("C2:C4");
  header.load("values");
  await context.sync();
  const formula = cell.formulas[0][0];
  if (typeof formula === "string" && /^=.*IIJ\./i.test(formula))
    return traceFormula(model, formula);
  const sheet = cell.address
    .slice(0, cell.address.lastIndexOf("!"))
    .replace(/^'|'$/g, "")
    .replace(/''/g, "'");
  if (sheet !== MODEL_SHEET_NAME || modelSheet.isNullObject) return null;
  const { row, col } = topLeftOf(cell.address);
  return traceModelCell(
    model,
    { quarter: String(header.values[0][0]), unit: String(header.values[2][0]) },
    row,
    col
  );
}

/** Calls `run` once the selection has stayed put for `delayMs`; later calls replace earlier ones. */
export function debounce(
  run: () => void,
  delayMs: number,
  timers: Pick<typeof globalThis, "setTimeout" | "clearTimeout"> = globalThis
): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = timers.setTimeout(() => {
      pending = undefined;
      run();
    }, delayMs);
  };
}

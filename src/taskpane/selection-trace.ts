/**
 * Reads the active cell for the trace panel in one batched request, and debounces selection
 * changes so that moving across a sheet does not flood Excel with requests.
 *
 * A value on a model sheet is traced from the plan its header names. The header's quarter and unit
 * are read where the names Load quarter defines point (IIJ_QUARTER, IIJ_UNIT), never at a fixed
 * address: rows inserted above the header, a renamed model sheet, or one kept beside a reload with
 * its own sheet-scoped copies of the names all still trace.
 */
import type { IIJModel } from "../model";
import { HEADER_NAMES } from "../sheet/header-names";
import { sheetOfAddress, topLeftOf } from "../sheet/merge";
import { type Provenance, traceFormula, traceModelCell } from "./trace";

/** A header name's cell as the active sheet's own name and as the workbook's, both queued. */
interface HeaderReads {
  readonly own: Excel.Range;
  readonly book: Excel.Range;
}

/**
 * Queues the cell a header name points at, as seen from the active sheet: its own (sheet-scoped)
 * name and the workbook's. Null objects stand in for a name that is missing, so both go in the
 * caller's one request.
 */
function queueHeaderCell(context: Excel.RequestContext, name: string): HeaderReads {
  const own = context.workbook.worksheets
    .getActiveWorksheet()
    .names.getItemOrNullObject(name)
    .getRangeOrNullObject();
  const book = context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
  own.load("address, values");
  book.load("address, values");
  return { own, book };
}

/** After the request: the sheet's own name first, else the workbook's where it points at `sheet`. */
function headerCell({ own, book }: HeaderReads, sheet: string): Excel.Range | null {
  if (!own.isNullObject) return own;
  return !book.isNullObject && sheetOfAddress(book.address) === sheet ? book : null;
}

/**
 * The provenance of the active cell: an =IIJ.* formula's figure, or what Load quarter wrote there.
 * Read in one request, whatever the sheet.
 */
export async function traceActiveCell(
  context: Excel.RequestContext,
  model: IIJModel
): Promise<Provenance | null> {
  const cell = context.workbook.getActiveCell();
  cell.load("address, formulas");
  const quarterCell = queueHeaderCell(context, HEADER_NAMES.quarter);
  const unitCell = queueHeaderCell(context, HEADER_NAMES.unit);
  await context.sync();
  const formula = cell.formulas[0][0];
  if (typeof formula === "string" && /^=.*IIJ\./i.test(formula))
    return traceFormula(model, formula);
  const sheet = sheetOfAddress(cell.address);
  const [quarter, unit] = [headerCell(quarterCell, sheet), headerCell(unitCell, sheet)];
  if (!quarter || !unit) return null;
  const header = {
    quarter: String(quarter.values[0][0]),
    unit: String(unit.values[0][0]),
    quarterAt: topLeftOf(quarter.address),
  };
  const at = topLeftOf(cell.address);
  return traceModelCell(model, header, at.row, at.col);
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

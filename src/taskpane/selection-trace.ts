/**
 * Reads the active cell for the trace panel, and debounces selection changes so that moving across
 * a sheet does not flood Excel with requests.
 *
 * A value on a model sheet is traced from the plan its header names. The header's quarter and unit
 * are read where the names Load quarter defines point (IIJ_QUARTER, IIJ_UNIT), never at a fixed
 * address: rows inserted above the header, a renamed model sheet, or one kept beside a reload with
 * its own sheet-scoped copies of the names all still trace.
 */
import type { IIJModel } from "../model";
import { parseReference } from "../sheet/excel-writer";
import { topLeftOf } from "../sheet/merge";
import { MODEL_SHEET_NAME } from "../sheet/plan";
import { a1 } from "../sheet/plan-types";
import { type Provenance, QUARTER_NAME, UNIT_NAME, traceFormula, traceModelCell } from "./trace";

/** A defined name as a names collection lists it: "IIJ_QUARTER", "='IIJ Model'!$C$2". */
interface NameRef {
  readonly name: string;
  readonly formula: string;
}

interface CellAt {
  readonly row: number;
  readonly col: number;
}

/** Where a sheet's header holds its quarter and unit (0-based cells). */
interface HeaderCells {
  readonly quarter: CellAt;
  readonly unit: CellAt;
}

/**
 * The header's cells on `sheet`, by the sheet's own (sheet-scoped) names first, then by the
 * workbook's names where they point at it; null when either is on neither.
 */
export function headerCells(
  sheet: string,
  sheetNames: readonly NameRef[],
  bookNames: readonly NameRef[]
): HeaderCells | null {
  const cellOf = (name: string): CellAt | null => {
    for (const names of [sheetNames, bookNames]) {
      const formula = names.find((n) => n.name === name)?.formula;
      const ref = formula === undefined ? null : parseReference(formula);
      if (ref && ref.sheet === sheet) return topLeftOf(ref.address);
    }
    return null;
  };
  const quarter = cellOf(QUARTER_NAME);
  const unit = cellOf(UNIT_NAME);
  return quarter && unit ? { quarter, unit } : null;
}

/** The sheet's name in an address as Excel writes it ("'IIJ Model'!C5", "Sheet1!A1"). */
function sheetOf(address: string): string {
  return address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
}

/** The value of a cell inside a block read from its sheet ("" outside it). */
function valueAt(block: { address: string; values: unknown[][] }, cell: CellAt): string {
  const top = topLeftOf(block.address);
  return String(block.values[cell.row - top.row]?.[cell.col - top.col] ?? "");
}

/**
 * A sheet other than the model sheet: a kept or renamed model sheet if it has the header names
 * (its own copies, or the workbook's pointing at it), otherwise nothing to trace. Which cells
 * the names point at is known only once they are read, so the header takes a second request.
 */
async function traceOtherSheet(
  context: Excel.RequestContext,
  model: IIJModel,
  bookNames: readonly NameRef[],
  active: { sheet: string; row: number; col: number }
): Promise<Provenance | null> {
  const sheet = () => context.workbook.worksheets.getItem(active.sheet);
  const sheetNames = sheet().names;
  sheetNames.load("items/name, items/formula");
  await context.sync();
  const cells = headerCells(active.sheet, sheetNames.items, bookNames);
  if (!cells) return null;
  const [quarter, unit] = [cells.quarter, cells.unit].map((at) =>
    sheet().getRange(a1(at.row, at.col)).load("values")
  );
  await context.sync();
  return traceModelCell(
    model,
    {
      quarter: String(quarter.values[0][0]),
      unit: String(unit.values[0][0]),
      quarterAt: cells.quarter,
    },
    active.row,
    active.col
  );
}

/**
 * The provenance of the active cell: an =IIJ.* formula's figure, or what Load quarter wrote there.
 * A formula or a cell of the model sheet is read in one batched request.
 */
export async function traceActiveCell(
  context: Excel.RequestContext,
  model: IIJModel
): Promise<Provenance | null> {
  const cell = context.workbook.getActiveCell();
  cell.load("address, formulas");
  const bookNames = context.workbook.names;
  bookNames.load("items/name, items/formula");
  // The names say which header cells to read only after a sync: the model sheet's cells come in
  // the same batch, so that a cell of it needs no second request.
  const modelCells = context.workbook.worksheets
    .getItemOrNullObject(MODEL_SHEET_NAME)
    .getUsedRangeOrNullObject();
  modelCells.load("address, values");
  await context.sync();
  const formula = cell.formulas[0][0];
  if (typeof formula === "string" && /^=.*IIJ\./i.test(formula))
    return traceFormula(model, formula);
  const active = { sheet: sheetOf(cell.address), ...topLeftOf(cell.address) };
  // Load quarter gives a sheet its own copies of the names only once the workbook's point
  // elsewhere, so on the sheet they point at, the workbook's names are the header's.
  const cells =
    active.sheet === MODEL_SHEET_NAME && !modelCells.isNullObject
      ? headerCells(active.sheet, [], bookNames.items)
      : null;
  if (!cells) return traceOtherSheet(context, model, bookNames.items, active);
  return traceModelCell(
    model,
    {
      quarter: valueAt(modelCells, cells.quarter),
      unit: valueAt(modelCells, cells.unit),
      quarterAt: cells.quarter,
    },
    active.row,
    active.col
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

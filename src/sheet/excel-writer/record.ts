/**
 * The layout record: what the last load wrote, kept on a very hidden sheet for the next load to
 * tell the analyst's cells from the model's. It is found by a hidden workbook name that refers to
 * it, on a sheet that is very hidden: neither is something a user makes by accident (very hidden
 * takes VBA or an add-in), so a sheet of the user's that happens to bear the record's name is
 * never taken for it, and the record then goes on a sheet of another name.
 */
import { type Grid, anchorAtA1, sheetOfAddress } from "../merge";
import { freeSheetName, sameSheetName } from "./sheet-names";
import { fromA1 } from "./write-contents";

/** The name the record's sheet gets when no sheet has it yet. */
export const LAYOUT_SHEET_NAME = "IIJ Model layout";
/** The workbook name that refers to the record: its sheet and the block it fills from A1. */
export const LAYOUT_RECORD_NAME = "IIJ_LAYOUT_RECORD";

const RECORD_COMMENT = "What IIJ Model's Load quarter last wrote; it compares the sheet with it";

/** The proxies the read loads to find the record. */
export interface RecordRead {
  /** The range the record's name refers to (a null object without the name or its sheet). */
  readonly named: Excel.Range;
  /** A record written before the name existed: a very hidden sheet of the record's name. */
  readonly legacy: Excel.Worksheet;
  readonly legacyUsed: Excel.Range;
}

export function queueRecordRead(context: Excel.RequestContext): RecordRead {
  const named = context.workbook.names
    .getItemOrNullObject(LAYOUT_RECORD_NAME)
    .getRangeOrNullObject();
  named.load("address, formulas");
  const legacy = context.workbook.worksheets.getItemOrNullObject(LAYOUT_SHEET_NAME);
  legacy.load("id, name, visibility");
  const legacyUsed = legacy.getUsedRangeOrNullObject();
  legacyUsed.load("address, formulas");
  return { named, legacy, legacyUsed };
}

/** The record the read found: its sheet, and what it holds from A1. */
export interface FoundRecord {
  readonly sheetId: string;
  readonly sheetName: string;
  readonly grid: Grid;
}

/**
 * The record, verified: the sheet its name refers to must be very hidden; without the name, a
 * very hidden sheet of the record's name (written by an earlier version) is adopted. Otherwise
 * there is none, whatever sheets are named like it.
 * @param sheets every sheet at the read, with its name, id and visibility loaded
 */
export function foundRecord(
  read: RecordRead,
  sheets: readonly Excel.Worksheet[]
): FoundRecord | null {
  const veryHidden = (s: Excel.Worksheet | undefined) => s?.visibility === "VeryHidden";
  if (!read.named.isNullObject) {
    const name = sheetOfAddress(read.named.address);
    const sheet = sheets.find((s) => sameSheetName(s.name, name));
    if (sheet && veryHidden(sheet))
      return {
        sheetId: sheet.id,
        sheetName: sheet.name,
        grid: anchorAtA1(read.named.address, read.named.formulas as Grid),
      };
  }
  const { legacy, legacyUsed } = read;
  if (legacy.isNullObject || !veryHidden(legacy)) return null;
  const grid = legacyUsed.isNullObject
    ? []
    : anchorAtA1(legacyUsed.address, legacyUsed.formulas as Grid);
  return { sheetId: legacy.id, sheetName: legacy.name, grid };
}

/**
 * Writes the record of this load: over the record found (cleared first), or on a new very hidden
 * sheet named apart from every sheet there is; the record's name then refers to it, hidden.
 * @param record the plan's layout record (layoutRecordOf): never empty
 * @returns the name of the record's sheet
 */
export function queueLayoutRecord(
  context: Excel.RequestContext,
  sheets: Excel.WorksheetCollection,
  found: FoundRecord | null,
  record: Grid
): string {
  const taken = sheets.items.map((s) => s.name);
  const name = found?.sheetName ?? freeSheetName(taken, LAYOUT_SHEET_NAME);
  const sheet = found ? sheets.getItem(found.sheetId) : sheets.add(name);
  if (found) sheet.getRange().clear("Contents");
  const area = fromA1(sheet, record.length, record[0].length);
  area.formulas = record;
  sheet.visibility = "VeryHidden";
  const names = context.workbook.names;
  if (names.items.some((n) => n.name === LAYOUT_RECORD_NAME))
    names.getItem(LAYOUT_RECORD_NAME).delete();
  names.add(LAYOUT_RECORD_NAME, area, RECORD_COMMENT).visible = false;
  return name;
}

/**
 * How the model sheet prints, queued with the rest of its look (no sync of its own): the plan's
 * orientation, its fit (one page wide, at most `fitToHeight` high), its print area, the label
 * columns and period heads repeated on every page, and the footer the .xlsx writer writes.
 * `Worksheet.pageLayout` is ExcelApi 1.9. The page setup is the sheet's, not a cell's: a reload
 * sets it again, whatever the analyst changed, as it sets the panes and column widths.
 *
 * The plan's wrapped long texts (`PlanCell.wrapTo`) and the row heights made for them are not
 * drawn. The .xlsx writer merges such a text's cell through the model's last column and wraps it
 * there; this writer merges nothing: a reload refuses a sheet with merged cells over the model
 * (obstacles.ts), and could not tell its own merges from the analyst's. Without the merge, Excel
 * wraps a text inside its own column only: a header text in column C would become a dozen lines
 * that no planned height shows. Unwrapped, the text runs on across the empty cells to its right,
 * whole on screen (in print it stops at the print area's edge). The planned heights only make
 * room for wrapped lines, so they are not set either: a taller row would add blank space around
 * the analyst's cells in it too. Wrapping these texts in Excel needs a plan that breaks them into
 * rows, not a merge.
 */
import { type PlanPrint, a1, columnLetters } from "../plan-types";

/**
 * Excel's footer codes: the sheet's name at the left, "Page 2 of 5" at the right (as the .xlsx
 * writer's footer; tests/sheet/print-setup.test.ts compares them).
 */
const PRINT_FOOTER = { left: "&A", right: "Page &P of &N" } as const;

const ORIENTATION = { landscape: "Landscape" } as const;

export function queuePrintSetup(sheet: Excel.Worksheet, print: PlanPrint): void {
  const layout = sheet.pageLayout;
  layout.orientation = ORIENTATION[print.orientation];
  // One object, as Office.js requires; no scale, so Excel fits to the pages.
  layout.zoom = {
    horizontalFitToPages: print.fitToWidth,
    verticalFitToPages: print.fitToHeight,
  };
  layout.setPrintArea(`A1:${a1(print.lastRow, print.lastCol)}`);
  // Print titles are whole rows and whole columns.
  const { titleRows: rows, titleColumns: columns } = print;
  layout.setPrintTitleRows(`$${rows.first + 1}:$${rows.last + 1}`);
  layout.setPrintTitleColumns(`$${columnLetters(columns.first)}:$${columnLetters(columns.last)}`);
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = PRINT_FOOTER.left;
  footer.rightFooter = PRINT_FOOTER.right;
}

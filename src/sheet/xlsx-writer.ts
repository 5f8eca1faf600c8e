/**
 * The .xlsx writer: renders a SheetPlan as a workbook with exceljs. Every layout decision (cells,
 * formats, names, widths, panes, check areas) comes from the plan; this file only translates it.
 */
import { type Fill, type Font, Workbook, type Worksheet } from "exceljs";
import {
  type PlanArea,
  type PlanCell,
  type PlanPrint,
  type SheetPlan,
  a1,
  columnLetters,
} from "./plan-types";
import { CHECK_ALERT, STYLES, type StyleSpec } from "./styles";

/** "#RRGGBB" as exceljs's opaque ARGB, "FFRRGGBB". */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function fontOf(spec: StyleSpec): Partial<Font> {
  return {
    color: { argb: argb(spec.color) },
    ...(spec.bold ? { bold: true } : {}),
    ...(spec.italic ? { italic: true } : {}),
    ...(spec.size !== undefined ? { size: spec.size } : {}),
  };
}

/** A cell's solid fill; `bgColor` too, which conditional formats (dxf) read for solid fills. */
function fillOf(hex: string): Fill {
  return {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: argb(hex) },
    bgColor: { argb: argb(hex) },
  };
}

function writeCell(sheet: Worksheet, cell: PlanCell): void {
  const target = sheet.getCell(cell.row + 1, cell.col + 1);
  if (cell.formula !== undefined) {
    // No cached result: the formula is computed when the workbook is opened (fullCalcOnLoad).
    target.value = { formula: cell.formula.replace(/^=/, "") };
  } else if (cell.number !== undefined) {
    target.value = Number(cell.number);
  } else {
    target.value = cell.text ?? "";
  }
  const spec = STYLES[cell.style];
  if (cell.wrapTo !== undefined) {
    sheet.mergeCells(cell.row + 1, cell.col + 1, cell.row + 1, cell.wrapTo + 1);
    // The cells merged into it keep no look of their own (a reader counting blue cells counts one).
    for (let col = cell.col + 1; col <= cell.wrapTo; col++)
      sheet.getCell(cell.row + 1, col + 1).style = {};
    target.alignment = { wrapText: true, vertical: "top" };
  }
  target.font = fontOf(spec);
  if (spec.fill) target.fill = fillOf(spec.fill);
  if (cell.numberFormat) target.numFmt = cell.numberFormat;
}

/** Highlights any cell that is not as expected (or is an error), relative to the area's corner. */
function flagUnexpected(sheet: Worksheet, area: PlanArea, priority: number): void {
  const corner = a1(area.firstRow, area.firstCol);
  sheet.addConditionalFormatting({
    ref: `${corner}:${a1(area.lastRow, area.lastCol)}`,
    rules: [
      {
        type: "expression",
        priority,
        formulae: [`IFERROR(${corner}<>${area.expected},TRUE)`],
        style: {
          font: fontOf(CHECK_ALERT),
          ...(CHECK_ALERT.fill ? { fill: fillOf(CHECK_ALERT.fill) } : {}),
        },
      },
    ],
  });
}

/** Landscape, one page wide, the label columns and period heads on every page. */
function setUpPrinting(sheet: Worksheet, print: PlanPrint): void {
  const [firstCol, lastCol] = [print.titleColumns.first, print.titleColumns.last].map(
    columnLetters
  );
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    printArea: `A1:${a1(print.lastRow, print.lastCol)}`,
    printTitlesRow: `${print.titleRows.first + 1}:${print.titleRows.last + 1}`,
    printTitlesColumn: `${firstCol}:${lastCol}`,
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: "&L&A&RPage &P of &N" };
}

/** The plan as an .xlsx file: one worksheet, values and native formulas only. */
export async function renderPlanToXlsx(plan: SheetPlan): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = "IIJ Model";
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };

  const sheet = workbook.addWorksheet(plan.sheetName, {
    views: [
      {
        state: "frozen",
        xSplit: plan.freeze.columns,
        ySplit: plan.freeze.rows,
        topLeftCell: a1(plan.freeze.rows, plan.freeze.columns),
      },
    ],
  });
  plan.columnWidths.forEach((width, col) => {
    sheet.getColumn(col + 1).width = width;
  });
  for (const { row, points } of plan.rowHeights) sheet.getRow(row + 1).height = points;
  for (const cell of plan.cells) writeCell(sheet, cell);
  setUpPrinting(sheet, plan.print);

  const quotedSheet = `'${plan.sheetName.replace(/'/g, "''")}'`;
  for (const name of plan.names) {
    workbook.definedNames.add(`${quotedSheet}!${a1(name.row, name.col, true)}`, name.name);
  }
  plan.checkAreas.forEach((area, i) => flagUnexpected(sheet, area, i + 1));
  for (const v of plan.validations) {
    sheet.getCell(a1(v.row, v.col)).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.list.join(",")}"`],
    };
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import { type Cell, type ConditionalFormattingOptions, Workbook, type Worksheet } from "exceljs";
import { defaultModel } from "../../src/model";
import { planModelSheet } from "../../src/sheet/plan";
import { type PlanCell, type SheetPlan, a1 } from "../../src/sheet/plan-types";
import { CHECK_ALERT, STYLES } from "../../src/sheet/styles";
import { renderPlanToXlsx } from "../../src/sheet/xlsx-writer";

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** The plan, rendered and read back by exceljs as a separate reader would. */
async function roundTrip(unit: SheetPlan["unit"]) {
  const plan = planModelSheet(defaultModel(), { quarter: "1Q01", unit });
  const workbook = new Workbook();
  // exceljs's own Buffer type differs from Node's; the bytes are the same.
  await workbook.xlsx.load((await renderPlanToXlsx(plan)) as never);
  const sheet = workbook.getWorksheet(plan.sheetName) as Worksheet;
  const at = (c: { row: number; col: number }): Cell => sheet.getCell(c.row + 1, c.col + 1);
  return { plan, workbook, sheet, at };
}

const first = (plan: SheetPlan, pick: (c: PlanCell) => boolean): PlanCell => {
  const cell = plan.cells.find(pick);
  if (!cell) throw new Error("no such cell in the plan");
  return cell;
};

describe.each(["JPY thousands", "JPY millions"] as const)("renderPlanToXlsx (%s)", (unit) => {
  let t: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    t = await roundTrip(unit);
  });

  test("one worksheet named as the plan says; creator IIJ Model", () => {
    expect(t.workbook.worksheets.map((s) => s.name)).toEqual([t.plan.sheetName]);
    expect(t.workbook.creator).toBe("IIJ Model");
  });

  test("every value, text and formula sits at its plan position; formulas carry no cached result", () => {
    for (const cell of t.plan.cells) {
      const value = t.at(cell).value;
      if (cell.formula !== undefined) {
        expect(value).toEqual({ formula: cell.formula.slice(1) });
      } else if (cell.number !== undefined) {
        expect(value).toBe(Number(cell.number));
      } else {
        expect(value).toBe(cell.text);
      }
    }
  });

  test("samples: 1Q01 total revenues is a number in the sheet's unit, a growth cell a formula", () => {
    const revenue = first(
      t.plan,
      (c) => c.source?.itemId === "total_revenues" && c.source.period === "1Q01"
    );
    expect(t.at(revenue).value).toBe(unit === "JPY thousands" ? 8332898 : 8332.898);
    const growth = first(t.plan, (c) => (c.formula ?? "").includes("-1)"));
    expect(t.at(growth).formula).toMatch(/^IF\(/);
  });

  test("number formats and fonts follow the plan's styles; inputs are blue", () => {
    for (const cell of t.plan.cells) {
      const target = t.at(cell);
      if (cell.numberFormat) expect(target.numFmt).toBe(cell.numberFormat);
      expect(target.font?.color?.argb).toBe(argb(STYLES[cell.style].color));
      if (STYLES[cell.style].fill) {
        expect(target.fill).toMatchObject({ fgColor: { argb: argb(STYLES[cell.style].fill!) } });
      }
    }
    const input = first(t.plan, (c) => c.style === "input");
    expect(t.at(input).font?.color?.argb).toBe("FF0000FF");
    expect(t.at(first(t.plan, (c) => c.style === "title")).font?.bold).toBe(true);
  });

  test("column widths", () => {
    t.plan.columnWidths.forEach((w, c) => expect(t.sheet.getColumn(c + 1).width).toBe(w));
  });

  test("defined names point at their cells", () => {
    const names = t.workbook.definedNames.model;
    expect(names).toEqual(
      t.plan.names.map((n) => ({
        name: n.name,
        ranges: [`'${t.plan.sheetName}'!${a1(n.row, n.col, true)}`],
      }))
    );
    expect(names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["IIJ_QUARTER", "IIJ_UNIT", "IIJ_FXRATE"])
    );
    expect(t.at(t.plan.names.find((n) => n.name === "IIJ_UNIT")!).value).toBe(unit);
  });

  test("frozen panes below the column headers and right of label and id", () => {
    expect(t.sheet.views[0]).toMatchObject({
      state: "frozen",
      xSplit: t.plan.freeze.columns,
      ySplit: t.plan.freeze.rows,
    });
  });

  test("prints landscape, one page wide, with the label columns and period heads on every page", () => {
    const { print } = t.plan;
    expect(t.sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: Math.ceil(t.plan.rowCount / 40),
      printTitlesRow: "10:11",
      printTitlesColumn: "A:B",
      printArea: `A1:${a1(print.lastRow, print.lastCol)}`,
    });
    expect(print.lastRow).toBe(t.plan.rowCount - 1);
    expect(t.sheet.headerFooter.oddFooter).toBe("&L&A&RPage &P of &N");
  });

  test("a long text is merged through the last column and wrapped, its row as tall as its lines", () => {
    const wrapped = t.plan.cells.filter((c) => c.wrapTo !== undefined);
    // The release's title, the source, the EBITDA and seed notes, the two worded outlooks.
    expect(wrapped.length).toBe(6);
    const merges = (t.sheet as unknown as { _merges: Record<string, { model: unknown }> })._merges;
    for (const cell of wrapped) {
      expect(t.at(cell).alignment).toMatchObject({ wrapText: true, vertical: "top" });
      const range = `${a1(cell.row, cell.col)}:${a1(cell.row, cell.wrapTo!)}`;
      expect(Object.keys(merges)).toContain(a1(cell.row, cell.col));
      expect(t.sheet.getCell(a1(cell.row, cell.wrapTo!)).isMerged).toBe(true);
      expect(range).toMatch(/:N\d+$/);
      const height = t.plan.rowHeights.find((h) => h.row === cell.row)!.points;
      expect(t.sheet.getRow(cell.row + 1).height).toBe(height);
      // 15 points a line, enough lines for the text at the columns' widths: from A, 56 + 14 +
      // 12 x 13 = 226 characters; from C, 156.
      const room = cell.col === 0 ? 226 : 156;
      expect(height).toBe(15 * Math.ceil(cell.text!.length / room));
    }
  });

  test("JPY millions show one decimal; thousands whole numbers", () => {
    const revenue = first(
      t.plan,
      (c) => c.source?.itemId === "total_revenues" && c.source.period === "1Q01"
    );
    expect(t.at(revenue).numFmt).toBe(
      unit === "JPY millions" ? '#,##0.0_);(#,##0.0);"-"_)' : '#,##0_);(#,##0);"-"_)'
    );
  });

  test("each check area flags a non-zero (or error) difference with CHECK_ALERT", () => {
    const formats = (
      t.sheet as unknown as { conditionalFormattings: ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    expect(t.plan.checkAreas.length).toBeGreaterThan(0);
    expect(formats.map((f) => f.ref)).toEqual(
      t.plan.checkAreas.map((a) => `${a1(a.firstRow, a.firstCol)}:${a1(a.lastRow, a.lastCol)}`)
    );
    for (const [i, f] of formats.entries()) {
      const corner = a1(t.plan.checkAreas[i].firstRow, t.plan.checkAreas[i].firstCol);
      expect(f.rules).toEqual([
        expect.objectContaining({
          type: "expression",
          formulae: [`IFERROR(${corner}<>${t.plan.checkAreas[i].expected},TRUE)`],
          style: expect.objectContaining({
            font: expect.objectContaining({ bold: true, color: { argb: argb(CHECK_ALERT.color) } }),
            fill: expect.objectContaining({ bgColor: { argb: argb(CHECK_ALERT.fill!) } }),
          }),
        }),
      ]);
    }
  });
});

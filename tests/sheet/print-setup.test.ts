/**
 * A workbook that prints: Load quarter sets the model sheet's print setup as the .xlsx writer
 * writes it for the same plan (landscape, one page wide, the period heads and the label columns on
 * every page, the model's area, the footer), in its two syncs; it neither merges nor wraps the
 * plan's long texts, and never reformats the analyst's cells in their rows (write-print.ts).
 */
import { type PageSetup, Workbook, type Worksheet } from "exceljs";
import { defaultModel } from "../../src/model";
import { loadPlan } from "../../src/sheet/excel-writer";
import { planModelSheet } from "../../src/sheet/plan";
import { type SheetPlan, a1 } from "../../src/sheet/plan-types";
import { renderPlanToXlsx } from "../../src/sheet/xlsx-writer";
import { FakeRequestContext, FakeWorkbookState, SheetState } from "../../dev/excel-host/fake-excel";
import { pageLayoutState, rowHeightsOf } from "../../dev/excel-host/fake-page-layout";

const model = defaultModel();
const planOf = (unit: SheetPlan["unit"]) => planModelSheet(model, { quarter: "1Q01", unit });

async function load(book: FakeWorkbookState, plan: SheetPlan) {
  const context = new FakeRequestContext(book);
  const outcome = await loadPlan(context as unknown as Excel.RequestContext, plan);
  return { outcome, syncs: context.queue.syncs, batches: context.queue.batches };
}

const modelSheet = (book: FakeWorkbookState, plan: SheetPlan) =>
  book.sheet(plan.sheetName) as SheetState;

/** What the .xlsx writer writes for the plan, read back by exceljs. */
async function xlsxOf(plan: SheetPlan) {
  const workbook = new Workbook();
  await workbook.xlsx.load((await renderPlanToXlsx(plan)) as never);
  const sheet = workbook.getWorksheet(plan.sheetName) as Worksheet;
  return { setup: sheet.pageSetup as Partial<PageSetup>, footer: sheet.headerFooter.oddFooter };
}

describe.each(["JPY millions", "JPY thousands"] as const)("print setup (%s)", (unit) => {
  const plan = planOf(unit);

  test("the Office.js writer sets what the .xlsx writer writes, in its two syncs", async () => {
    const book = new FakeWorkbookState();
    const { outcome, syncs } = await load(book, plan);
    expect(outcome.ok).toBe(true);
    expect(syncs).toBe(2);
    const sheet = modelSheet(book, plan);
    const layout = pageLayoutState(sheet);
    const { setup, footer } = await xlsxOf(plan);

    // The period heads are row 10 ("Fiscal quarter", then the quarters), the label and id A:B.
    expect([sheet.get("A10"), sheet.get("B10"), sheet.get("C10")]).toEqual([
      "Fiscal quarter",
      "id",
      "1Q00",
    ]);
    expect(layout.orientation).toBe("Landscape");
    expect(setup.orientation).toBe("landscape");
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: setup.fitToHeight });
    expect([setup.fitToPage, setup.fitToWidth]).toEqual([true, 1]);
    expect(layout.printTitleRows).toBe("$10:$11");
    expect(setup.printTitlesRow).toBe("10:11");
    expect(layout.printTitleColumns).toBe("$A:$B");
    expect(setup.printTitlesColumn).toBe("A:B");
    // The model's whole area, from A1.
    const area = `A1:${a1(plan.rowCount - 1, plan.columnCount - 1)}`;
    expect(layout.printArea).toBe(area);
    expect(setup.printArea).toBe(area);
    // The sheet's name at the left of every page's footer, "Page 2 of 5" at the right.
    expect(layout.footer).toEqual({ left: "&A", center: "", right: "Page &P of &N" });
    expect(footer).toBe(`&L${layout.footer.left}&R${layout.footer.right}`);
  });
});

test("a reload sets the print setup again, in two syncs; the long texts stay whole and unmerged", async () => {
  const plan = planOf("JPY millions");
  const book = new FakeWorkbookState();
  await load(book, plan);
  const sheet = modelSheet(book, plan);
  Object.assign(pageLayoutState(sheet), { orientation: "Portrait", zoom: { scale: 100 } });
  const { outcome, syncs } = await load(book, planOf("JPY thousands"));
  expect(outcome.ok).toBe(true);
  expect(syncs).toBe(2);
  expect(pageLayoutState(sheet).orientation).toBe("Landscape");
  expect(pageLayoutState(sheet).zoom.horizontalFitToPages).toBe(1);
  const long = plan.cells.filter((c) => c.wrapTo !== undefined);
  expect(long.length).toBeGreaterThan(0);
  for (const cell of long) expect(sheet.get(a1(cell.row, cell.col))).toBe(cell.text);
  // Merged cells would make the next reload refuse the sheet (obstacles.ts).
  expect(sheet.merged).toEqual([]);
});

test("an analyst's cell in a row of a wrapped text keeps its look, and the row its height", async () => {
  const plan = planOf("JPY millions");
  const long = plan.cells.find((c) => c.wrapTo !== undefined && c.col > 0);
  if (!long?.wrapTo) throw new Error("the plan has no wrapped text beside a label");
  expect(plan.rowHeights.map((h) => h.row)).toContain(long.row);
  // The last column the text is merged through in the .xlsx file, blank in the plan.
  const mine = a1(long.row, long.wrapTo);
  expect(plan.cells.some((c) => c.row === long.row && c.col === long.wrapTo)).toBe(false);
  const book = new FakeWorkbookState();
  await load(book, plan);
  const sheet = modelSheet(book, plan);
  const cell = sheet.cell(long.row, long.wrapTo);
  Object.assign(cell, { formula: "my note", numberFormat: "@", fill: "#FFFF00" });
  cell.font.bold = true;
  rowHeightsOf(sheet).set(long.row, 50);

  const { outcome, syncs, batches } = await load(book, plan);
  expect(outcome.ok).toBe(true);
  expect(outcome.message).toMatch(/Kept 1 of your cells/);
  expect(syncs).toBe(2);
  const after = sheet.peek(long.row, long.wrapTo);
  expect(after).toMatchObject({ formula: "my note", numberFormat: "@", fill: "#FFFF00" });
  expect(after?.font.bold).toBe(true);
  expect(after?.wrapText).toBeUndefined();
  expect(rowHeightsOf(sheet).get(long.row)).toBe(50);
  expect(sheet.peek(long.row, long.col)?.wrapText).toBeUndefined();
  expect(batches.flat().filter((k) => k === "format.rowHeight" || k === "format.wrapText")).toEqual(
    []
  );
  expect(sheet.get(mine)).toBe("my note");
});

test("the double refuses, as Excel does, print titles that are not whole rows or columns", async () => {
  const setUp = async (queue: (layout: Excel.PageLayout) => void) => {
    const context = new FakeRequestContext(new FakeWorkbookState());
    const sheet = context.workbook.worksheets.add("S") as unknown as Excel.Worksheet;
    queue(sheet.pageLayout);
    return context.sync();
  };
  await expect(setUp((l) => l.setPrintTitleRows("A10:N11"))).rejects.toThrow(/entire rows/);
  await expect(setUp((l) => l.setPrintTitleColumns("A1:B9"))).rejects.toThrow(/entire columns/);
  await expect(setUp((l) => (l.zoom = { scale: 5 }))).rejects.toThrow(/10 to 400/);
  await expect(setUp((l) => l.setPrintTitleRows("$10:$11"))).resolves.toBeUndefined();
});

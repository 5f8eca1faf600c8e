/** Insert, trace and repair through the pane's own code, against the Excel host double. */
import { parseFormula } from "../../src/cli/formula";
import { invoke } from "../../src/functions/library";
import { defaultModel, isIIJError } from "../../src/model";
import { loadPlan } from "../../src/sheet/excel-writer";
import { planModelSheet } from "../../src/sheet/plan";
import { find, insertIntoSelection } from "../../src/taskpane/find-insert";
import { recalculateIijFormulas } from "../../src/taskpane/repair";
import { debounce, traceActiveCell } from "../../src/taskpane/selection-trace";
import { FakeRequestContext, FakeWorkbookState, SheetState } from "../fakes/excel";

const model = defaultModel();
const ctx = (book: FakeWorkbookState) => new FakeRequestContext(book);
const asExcel = (c: FakeRequestContext) => c as unknown as Excel.RequestContext;

function bookWithSheet(): { book: FakeWorkbookState; sheet: SheetState } {
  const book = new FakeWorkbookState();
  const sheet = new SheetState("Analysis");
  book.sheets.push(sheet);
  book.activeSheet = "Analysis";
  return { book, sheet };
}

test("Insert writes the chosen formula into the selected cell, in one read and one write", async () => {
  const { book, sheet } = bookWithSheet();
  book.selection = { sheet: "Analysis", address: "B2" };
  const c = ctx(book);
  const message = await insertIntoSelection(asExcel(c), model, find(model, "dedicated"), 0);
  expect(sheet.get("B2")).toBe('=IIJ.INCOME("1Q01","Dedicated access services")');
  expect(message).toBe("Inserted 1 formula into Analysis!B2.");
  expect(c.queue.syncs).toBe(2);
});

test("Insert into a selected block: periods across, items down", async () => {
  const { book, sheet } = bookWithSheet();
  book.selection = { sheet: "Analysis", address: "C3:E4" };
  const c = ctx(book);
  await insertIntoSelection(asExcel(c), model, find(model, "cash"), 0);
  expect(["C3", "D3", "E3"].map((a) => sheet.get(a))).toEqual(
    ["1Q00", "4Q00", "1Q01"].map((p) => `=IIJ.BALANCE("${p}","Cash")`)
  );
  expect(sheet.get("E4")).toBe('=IIJ.CASHFLOW("1Q01","Cash, Beginning of Period")');
  expect(c.queue.syncs).toBe(2);
});

test("Trace of an =IIJ formula cell cites the printed page, in one sync", async () => {
  const { book, sheet } = bookWithSheet();
  sheet.cell(0, 0).formula = '=IIJ.INCOME("1Q01","Dedicated access services")';
  book.selection = { sheet: "Analysis", address: "A1" };
  const c = ctx(book);
  const p = await traceActiveCell(asExcel(c), model);
  expect(c.queue.syncs).toBe(1);
  expect(p?.title).toBe("Dedicated access services, 1Q01");
  expect(new Map(p?.lines).get("Printed")).toBe("3,386,912");
});

test("Trace of a value written by Load quarter cites its printed figure", async () => {
  const book = new FakeWorkbookState();
  const plan = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
  await loadPlan(asExcel(ctx(book)), plan);
  const cell = plan.cells.find((x) => x.source?.itemId === "cash" && x.source.period === "4Q00")!;
  const col = String.fromCharCode(65 + cell.col);
  book.selection = { sheet: "IIJ Model", address: `${col}${cell.row + 1}` };
  const c = ctx(book);
  const p = await traceActiveCell(asExcel(c), model);
  expect(c.queue.syncs).toBe(1);
  expect(p?.title).toBe("Loaded by IIJ Model: Cash, 4Q00");
  expect(new Map(p?.lines).get("OCR repair")).toMatch(/13,370,707/);
  book.selection = { sheet: "IIJ Model", address: "A1" };
  expect(await traceActiveCell(asExcel(ctx(book)), model)).toBeNull();
});

test("Recalculate repairs the =IIJ formulas that showed #NAME? and says how many", async () => {
  const { book, sheet } = bookWithSheet();
  const formulas = [
    '=IIJ.INCOME("1Q01","Total revenues")',
    '=IIJ.KPI("1Q01","EBITDA")*2',
    "=iij.fxrate()",
    "=SUM(1,2)",
  ];
  formulas.forEach((f, i) => {
    sheet.cell(i, 0).formula = f;
    sheet.cell(i, 0).value = i < 2 ? "#NAME?" : i === 2 ? 124.73 : 3;
  });
  // Excel recalculates custom functions now that they are registered; the double evaluates the
  // plain IIJ calls through the library, as the add-in's runtime would.
  book.calculate = () => {
    for (const s of book.sheets)
      for (const d of s.cells.values()) {
        const m =
          typeof d.formula === "string" ? /^=(IIJ\.[A-Z]+\([^)]*\))(\*2)?$/i.exec(d.formula) : null;
        if (!m) continue;
        const call = parseFormula(m[1]);
        const r = invoke(call.name, call.args, model);
        d.value = isIIJError(r) ? r.kind : (r as number) * (m[2] ? 2 : 1);
      }
  };
  const c = ctx(book);
  const outcome = await recalculateIijFormulas(asExcel(c));
  expect(outcome).toMatchObject({ formulas: 3, broken: 2, repaired: 2 });
  expect(outcome.message).toBe("Recalculated 3 =IIJ. formulas: 2 of 2 showing #NAME? repaired.");
  expect(c.queue.syncs).toBe(3);
  expect(sheet.peek(1, 0)?.value).toBe(752);
});

test("selection changes are debounced: moving across cells reads Excel once, after the pause", () => {
  jest.useFakeTimers();
  try {
    let reads = 0;
    const changed = debounce(() => reads++, 250);
    changed();
    jest.advanceTimersByTime(100);
    changed();
    jest.advanceTimersByTime(100);
    changed();
    expect(reads).toBe(0);
    jest.advanceTimersByTime(250);
    expect(reads).toBe(1);
  } finally {
    jest.useRealTimers();
  }
});

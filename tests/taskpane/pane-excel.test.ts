/** Insert, trace and repair through the pane's own code, against the Excel host double. */
import { findWithValues, parseFormula } from "../../src/functions/formula-text";
import { invoke } from "../../src/functions/library";
import { defaultModel, isIIJError } from "../../src/model";
import { loadPlan } from "../../src/sheet/excel-writer";
import { planModelSheet } from "../../src/sheet/plan";
import { insertIntoSelection } from "../../src/taskpane/find-insert";
import { recalculateIijFormulas } from "../../src/taskpane/repair";
import { debounce, traceActiveCell } from "../../src/taskpane/selection-trace";
import { FakeRequestContext, FakeWorkbookState, SheetState } from "../../dev/excel-host/fake-excel";

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
  const message = await insertIntoSelection(
    asExcel(c),
    model,
    findWithValues(model, "dedicated"),
    0
  );
  expect(sheet.get("B2")).toBe('=IIJ.INCOME("1Q01","Dedicated access services")');
  expect(message).toBe("Inserted 1 formula into Analysis!B2.");
  expect(c.queue.syncs).toBe(2);
});

test("Insert is refused while a quarter is loading into the workbook (from any pane), and writes nothing", async () => {
  const { book, sheet } = bookWithSheet();
  book.selection = { sheet: "Analysis", address: "B2" };
  const load = ctx(book);
  let inserted: Promise<string> | undefined;
  // Between the load's read and its write, as a click in another pane would come.
  load.faults.between(1, () => {
    inserted = insertIntoSelection(
      asExcel(ctx(book)),
      model,
      findWithValues(model, "dedicated"),
      0
    );
  });
  const plan = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
  expect((await loadPlan(asExcel(load), plan)).ok).toBe(true);
  expect(await inserted).toBe(
    "A quarter is loading into this workbook: insert when it has finished."
  );
  expect(sheet.get("B2")).toBe("");
  // Once the load is done, Insert works again.
  const after = await insertIntoSelection(
    asExcel(ctx(book)),
    model,
    findWithValues(model, "dedicated"),
    0
  );
  expect(after).toBe("Inserted 1 formula into Analysis!B2.");
});

test("Insert into a selected block: periods across, items down", async () => {
  const { book, sheet } = bookWithSheet();
  book.selection = { sheet: "Analysis", address: "C3:E4" };
  const c = ctx(book);
  await insertIntoSelection(asExcel(c), model, findWithValues(model, "cash"), 0);
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

/** Excel's "insert a row above row 1" on a sheet: every cell, and every name on it, one row lower. */
function insertRowAtTop(book: FakeWorkbookState, sheet: SheetState): void {
  sheet.cells = new Map(
    [...sheet.cells].map(([key, d]) => {
      const [r, c] = key.split(",").map(Number);
      return [`${r + 1},${c}`, d];
    })
  );
  for (const names of [book.names, ...book.sheets.map((s) => s.names)])
    for (const n of names.values())
      if (n.sheetId === sheet.id)
        n.address = n.address.replace(/\$?(\d+)/g, (_, row) => `$${Number(row) + 1}`);
}

/** The address of a planned cell, `down` rows lower than the plan put it. */
const addressOf = (cell: { row: number; col: number }, down = 0) =>
  `${String.fromCharCode(65 + cell.col)}${cell.row + 1 + down}`;

test("Trace reads the header by its names: a model sheet whose header moved down a row still traces, in one sync", async () => {
  const book = new FakeWorkbookState();
  const plan = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
  await loadPlan(asExcel(ctx(book)), plan);
  insertRowAtTop(book, book.sheet("IIJ Model")!);
  const cash = plan.cells.find((x) => x.source?.itemId === "cash" && x.source.period === "4Q00")!;
  book.selection = { sheet: "IIJ Model", address: addressOf(cash, 1) };
  const c = ctx(book);
  const p = await traceActiveCell(asExcel(c), model);
  expect(c.queue.syncs).toBe(1);
  expect(p?.title).toBe("Loaded by IIJ Model: Cash, 4Q00");
  expect(new Map(p?.lines).get("Written as")).toBe("JPY millions (printed JPY thousands / 1,000)");
  // Row 1, inserted above the model, holds nothing to trace.
  book.selection = { sheet: "IIJ Model", address: "A1" };
  expect(await traceActiveCell(asExcel(ctx(book)), model)).toBeNull();
});

test("Trace on a model sheet left behind by a reload reads its own (sheet-scoped) header names, in one sync", async () => {
  const book = new FakeWorkbookState();
  const plan = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
  await loadPlan(asExcel(ctx(book)), plan);
  book.sheet("IIJ Model")!.name = "Q1 model (mine)";
  // The reload writes a fresh IIJ Model in JPY thousands; the workbook's names move to it.
  await loadPlan(
    asExcel(ctx(book)),
    planModelSheet(model, { quarter: "1Q01", unit: "JPY thousands" })
  );
  const revenue = plan.cells.find(
    (x) => x.source?.itemId === "total_revenues" && x.source.period === "1Q01"
  )!;
  book.selection = { sheet: "Q1 model (mine)", address: addressOf(revenue) };
  const kept = ctx(book);
  const mine = await traceActiveCell(asExcel(kept), model);
  expect(kept.queue.syncs).toBe(1);
  expect(mine?.title).toBe("Loaded by IIJ Model: Total revenues, 1Q01");
  expect(new Map(mine?.lines).get("Written as")).toBe(
    "JPY millions (printed JPY thousands / 1,000)"
  );
  book.selection = { sheet: "IIJ Model", address: addressOf(revenue) };
  expect(new Map((await traceActiveCell(asExcel(ctx(book)), model))?.lines).get("Written as")).toBe(
    "JPY thousands"
  );
});

test("Trace of a plain value on the analyst's own sheet shows nothing, after one sync", async () => {
  const { book, sheet } = bookWithSheet();
  sheet.cell(0, 0).formula = 42;
  book.selection = { sheet: "Analysis", address: "A1" };
  const c = ctx(book);
  expect(await traceActiveCell(asExcel(c), model)).toBeNull();
  expect(c.queue.syncs).toBe(1);
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

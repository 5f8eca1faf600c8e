/**
 * The fake Excel's fault injection (dev/excel-host/faults.ts) does what it says: a command of a
 * sync fails, every command of a kind fails, a persistent fault fails again on later syncs, an
 * edit runs between two syncs; each sync's command kinds are recorded; the browser double's
 * failNextRun fails the run it names.
 */
import { createExcelHost } from "../../dev/excel-host/double";
import { FakeRequestContext, FakeWorkbookState, SheetState } from "../../dev/excel-host/fake-excel";

const INJECTED = /An internal error has occurred \(injected\)/;

function bookWithSheet(): { book: FakeWorkbookState; sheet: SheetState } {
  const book = new FakeWorkbookState();
  const sheet = new SheetState("Data");
  book.sheets.push(sheet);
  return { book, sheet };
}

/** Queues one write per address, each its own command of kind "range.formulas". */
function write(context: FakeRequestContext, values: Record<string, string | number>): void {
  const sheet = context.workbook.worksheets.getItem("Data");
  for (const [address, value] of Object.entries(values))
    sheet.getRange(address).formulas = [[value]];
}

/** Queues a fill and a font colour on A1, then a write to B1. */
function style(context: FakeRequestContext): void {
  const a1 = context.workbook.worksheets.getItem("Data").getRange("A1");
  a1.format.fill.color = "#FFFF00";
  a1.format.font.color = "#0000FF";
  write(context, { B1: "after the styles" });
}

/** What a sync rejected with, or "ok". */
async function outcome(context: FakeRequestContext): Promise<unknown> {
  return context.sync().then(
    () => "ok",
    (error: { code: string; message: string; debugInfo: unknown }) => ({
      code: error.code,
      message: error.message,
      debugInfo: error.debugInfo,
    })
  );
}

describe("failCommand", () => {
  test("fails the command at that index of that sync: the ones before it stay applied, the rest are dropped", async () => {
    const { book, sheet } = bookWithSheet();
    const context = new FakeRequestContext(book);
    context.faults.failCommand({ sync: 2, index: 3 });
    write(context, { A1: 1, A2: 2, A3: 3 });
    expect(await outcome(context)).toBe("ok");
    write(context, { B1: 1, B2: 2, B3: 3, B4: 4 });
    expect(await outcome(context)).toEqual({
      code: "GeneralException",
      message: expect.stringMatching(INJECTED),
      debugInfo: expect.objectContaining({ errorLocation: "range.formulas" }),
    });
    expect(["A1", "A2", "A3"].map((a) => sheet.get(a))).toEqual([1, 2, 3]);
    expect(["B1", "B2", "B3", "B4"].map((a) => sheet.get(a))).toEqual([1, 2, "", ""]);
    expect(context.faults.fired).toEqual([{ sync: 2, index: 3, kind: "range.formulas" }]);
    // Not persistent: the next sync runs whole.
    write(context, { B3: 3, B4: 4 });
    expect(await outcome(context)).toBe("ok");
    expect(sheet.get("B4")).toBe(4);
  });

  test('"middle" is command ceil(n / 2) of the batch', async () => {
    const { book, sheet } = bookWithSheet();
    const context = new FakeRequestContext(book);
    context.faults.failCommand({ sync: 1, index: "middle" });
    write(context, { A1: 1, A2: 2, A3: 3, A4: 4, A5: 5 });
    expect(await outcome(context)).not.toBe("ok");
    expect(["A1", "A2", "A3"].map((a) => sheet.get(a))).toEqual([1, 2, ""]);
  });

  test("an index beyond the batch fails nothing", async () => {
    const { book, sheet } = bookWithSheet();
    const context = new FakeRequestContext(book);
    context.faults.failCommand({ sync: 1, index: 4 });
    write(context, { A1: 1, A2: 2, A3: 3 });
    expect(await outcome(context)).toBe("ok");
    expect(sheet.get("A3")).toBe(3);
  });
});

describe("failKind", () => {
  test("fails the first command of the kind in every sync; a family by its prefix", async () => {
    const { book, sheet } = bookWithSheet();
    const context = new FakeRequestContext(book);
    context.faults.failKind("format.fill");
    style(context);
    expect(await outcome(context)).toEqual(
      expect.objectContaining({
        debugInfo: expect.objectContaining({ errorLocation: "format.fill.color" }),
      })
    );
    expect(sheet.peek(0, 0)?.fill ?? null).toBeNull();
    expect(sheet.get("B1")).toBe("");
    // A batch without the kind runs whole; the next one with it fails again.
    write(context, { C1: "no fill here" });
    expect(await outcome(context)).toBe("ok");
    context.workbook.worksheets.getItem("Data").getRange("A1").format.fill.clear();
    expect(await outcome(context)).not.toBe("ok");
    expect(context.faults.fired.map((f) => [f.sync, f.kind])).toEqual([
      [1, "format.fill.color"],
      [3, "format.fill.clear"],
    ]);
  });

  test("a prefix is a whole part of the kind: format.font does not fail format.fill", async () => {
    const { book, sheet } = bookWithSheet();
    const context = new FakeRequestContext(book);
    context.faults.failKind("format.font");
    style(context);
    expect(await outcome(context)).not.toBe("ok");
    expect(sheet.peek(0, 0)?.fill).toBe("#FFFF00");
    expect(context.faults.fired.map((f) => f.kind)).toEqual(["format.font.color"]);
  });

  test("with a sync, only that sync", async () => {
    const { book } = bookWithSheet();
    const context = new FakeRequestContext(book);
    context.faults.failKind("format.fill", { sync: 2 });
    const results = [];
    for (let i = 0; i < 3; i++) {
      style(context);
      results.push(await outcome(context));
    }
    expect(results.map((r) => r === "ok")).toEqual([true, false, true]);
  });
});

describe("persistent", () => {
  test("a kind fails at its sync and at every later one (as a restore's own write would)", async () => {
    const { book } = bookWithSheet();
    const context = new FakeRequestContext(book);
    context.faults.failKind("range.formulas", { sync: 2, persistent: true });
    const results = [];
    for (let i = 0; i < 4; i++) {
      write(context, { A1: i });
      results.push(await outcome(context));
    }
    expect(results.map((r) => r === "ok")).toEqual([true, false, false, false]);
  });

  test("a command index fails at its sync and at every later one that reaches it", async () => {
    const { book, sheet } = bookWithSheet();
    const context = new FakeRequestContext(book);
    context.faults.failCommand({ sync: 1, index: 2, persistent: true });
    write(context, { A1: 1, A2: 2 });
    expect(await outcome(context)).not.toBe("ok");
    write(context, { B1: 1, B2: 2 });
    expect(await outcome(context)).not.toBe("ok");
    write(context, { C1: 1 });
    expect(await outcome(context)).toBe("ok");
    expect(["A2", "B1", "B2", "C1"].map((a) => sheet.get(a))).toEqual(["", 1, "", 1]);
    expect(context.faults.fired.map((f) => [f.sync, f.index])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});

describe("between", () => {
  test("the edit lands after what sync 1 read and before what sync 2 runs, once", async () => {
    const { book, sheet } = bookWithSheet();
    sheet.cell(0, 0).formula = "before";
    const context = new FakeRequestContext(book);
    const edits: number[] = [];
    context.faults.between(1, (b) => {
      edits.push(context.queue.syncs);
      (b.sheet("Data") as SheetState).cell(0, 0).formula = "typed by the user";
    });
    const range = context.workbook.worksheets.getItem("Data").getRange("A1");
    range.load("formulas");
    await context.sync();
    expect(range.formulas).toEqual([["before"]]);
    range.load("formulas");
    await context.sync();
    expect(range.formulas).toEqual([["typed by the user"]]);
    await context.sync();
    expect(edits).toEqual([1]);
  });

  test("after a sync that failed, too", async () => {
    const { book, sheet } = bookWithSheet();
    const context = new FakeRequestContext(book);
    context.faults
      .failCommand({ sync: 1, index: 1 })
      .between(1, () => (sheet.protectedSheet = true));
    write(context, { A1: 1 });
    expect(await outcome(context)).not.toBe("ok");
    expect(sheet.protectedSheet).toBe(true);
  });
});

test("the kinds of each sync's commands are recorded, failed or not", async () => {
  const { book } = bookWithSheet();
  const context = new FakeRequestContext(book);
  context.faults.failCommand({ sync: 2, index: 1 });
  write(context, { A1: 1 });
  await context.sync();
  style(context);
  await context.sync().catch(() => undefined);
  expect(context.queue.batches).toEqual([
    ["range.formulas"],
    ["format.fill.color", "format.font.color", "range.formulas"],
  ]);
});

test("the browser double's failNextRun fails that sync of the next Excel.run only", async () => {
  const host = createExcelHost();
  const run = () =>
    host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (const address of ["A1", "A2", "A3", "A4"]) sheet.getRange(address).formulas = [["x"]];
      await context.sync();
    });
  host.failNextRun(1, "middle");
  await expect(run()).rejects.toThrow(INJECTED);
  expect(Object.keys(host.view().sheets[0].cells)).toEqual(["A1"]);
  await expect(run()).resolves.toBeUndefined();
  expect(Object.keys(host.view().sheets[0].cells)).toEqual(["A1", "A2", "A3", "A4"]);
});

/**
 * Load quarter keeps the workbook the analyst's (issue 13, items 1-7), against the Excel double:
 * the layout record is found by what a user cannot make by accident; edits made between the read
 * and the write are kept; two loads at once do not undo each other; a write that keeps failing
 * never strips the model silently; formats on the analyst's blank cells stay; a missing record
 * never makes a false count; merged cells, tables and arrays over the model are refused; sheet
 * names compare as Excel compares them.
 */
import { defaultModel } from "../../src/model";
import {
  LOAD_GUARD_PREFIX,
  type LoadOutcome,
  type PlanFor,
  loadPlan,
} from "../../src/sheet/excel-writer";
import { planFromHeader, planModelSheet } from "../../src/sheet/plan";
import { type SheetPlan, a1 } from "../../src/sheet/plan-types";
import { FakeRequestContext, FakeWorkbookState, SheetState } from "../../dev/excel-host/fake-excel";

const model = defaultModel();
const millions = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
const thousands = planModelSheet(model, { quarter: "1Q01", unit: "JPY thousands" });
const rebuild: PlanFor = (header) => planFromHeader(model, header);
const MODEL = "IIJ Model";
const asExcel = (c: FakeRequestContext) => c as unknown as Excel.RequestContext;

interface Load {
  planFor?: PlanFor | null;
  between?: (book: FakeWorkbookState) => void;
  now?: () => number;
  prepare?: (context: FakeRequestContext) => void;
}

async function load(book: FakeWorkbookState, plan: SheetPlan, options: Load = {}) {
  const context = new FakeRequestContext(book);
  if (options.between) context.faults.between(1, options.between);
  options.prepare?.(context);
  const planFor = options.planFor === null ? undefined : (options.planFor ?? rebuild);
  const outcome = await loadPlan(asExcel(context), plan, planFor, { now: options.now });
  return { outcome, context };
}

const modelSheet = (book: FakeWorkbookState) => book.sheet(MODEL) as SheetState;

/** The row (1-based) of a printed label in column A. */
function rowOf(sheet: SheetState, label: string): number {
  for (let r = 0; r < 400; r++) if (sheet.peek(r, 0)?.formula === label) return r + 1;
  throw new Error(`no row "${label}"`);
}

/** A cell inside the model's area that the plan leaves blank, with `below` blank cells under it. */
function blankInArea(plan: SheetPlan, below = 0, from = { row: 1, col: 1 }) {
  const planned = new Set(plan.cells.map((c) => `${c.row},${c.col}`));
  for (let col = from.col; col < plan.columnCount; col++)
    for (let row = from.row; row + below < plan.rowCount; row++)
      if (Array.from({ length: below + 1 }, (_, i) => `${row + i},${col}`).every((k) => !planned.has(k)))
        return { row, col };
  throw new Error("no blank cells in the plan");
} // prettier-ignore

/** Every cell's contents, number format, font and fill, sheet by sheet, and the names. */
function snapshot(book: FakeWorkbookState) {
  return {
    sheets: book.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells]
        .map(([k, d]) => `${k}=${JSON.stringify(d.formula)}|${d.numberFormat}|${JSON.stringify(d.font)}|${d.fill}`)
        .sort(),
      validations: [...s.validations.keys()].sort(),
      conditionalFormats: s.conditionalFormats.length,
      charts: s.charts.map((c) => c.name),
    })),
    names: [...book.names.keys()].sort(),
    properties: [...book.customProperties.keys()].sort(),
  };
} // prettier-ignore

async function previousModelBook(note = true): Promise<FakeWorkbookState> {
  const book = new FakeWorkbookState();
  await load(book, millions);
  if (note) modelSheet(book).cell(2, millions.columnCount + 3).formula = "check with IR";
  return book;
}

describe("1. the layout record is the add-in's, never a user's sheet of the same name", () => {
  test.each(["IIJ Model layout", "iij model LAYOUT"])(
    "a user's own sheet named %j is left alone: visible, its cells intact, through a load and a reload",
    async (name) => {
      const book = new FakeWorkbookState();
      const theirs = new SheetState(name);
      book.sheets.push(theirs);
      theirs.cell(0, 0).formula = "my layout notes";
      theirs.cell(4, 2).formula = 42;
      await load(book, millions);
      modelSheet(book).cell(2, millions.columnCount + 3).formula = "check with IR";
      const { outcome } = await load(book, thousands);
      expect(outcome.ok).toBe(true);
      expect(outcome.message).toMatch(/Kept 1 of your cells\.$/);
      expect([theirs.visibility, theirs.get("A1"), theirs.get("C5")]).toEqual(["Visible", "my layout notes", 42]);
      expect(book.sheets.includes(theirs)).toBe(true);
      const records = book.sheets.filter((s) => s.visibility === "VeryHidden");
      expect(records).toHaveLength(1);
      expect(records[0].name.toUpperCase()).not.toBe(name.toUpperCase());
    }
  ); // prettier-ignore

  test("a sheet of the record's name that is not very hidden is not taken for the record", async () => {
    const book = await previousModelBook();
    // The user unhides the record (only possible through VBA) and turns it into their own sheet.
    const record = book.sheets.find((s) => s.visibility === "VeryHidden")!;
    record.visibility = "Visible";
    record.cells.clear();
    record.cell(0, 0).formula = "mine now";
    const { outcome } = await load(book, thousands);
    expect(outcome.ok).toBe(true);
    expect([record.visibility, record.get("A1")]).toEqual(["Visible", "mine now"]);
    // Without a record, the model's cells were told apart by the plan its header names.
    expect(outcome.keptSheet).toBeUndefined();
    expect(outcome.message).not.toMatch(/typed/);
  });
});

describe("2. edits made between the read and the write", () => {
  test("a value typed into a blank cell and an edit to the analyst's own note, between the syncs, are kept and counted", async () => {
    const book = await previousModelBook();
    const blank = blankInArea(thousands);
    const { outcome } = await load(book, thousands, {
      between: () => {
        modelSheet(book).cell(2, millions.columnCount + 3).formula = "check with IR: done";
        modelSheet(book).cell(blank.row, blank.col).formula = 123;
      },
    });
    expect(outcome.ok).toBe(true);
    const sheet = modelSheet(book);
    expect(sheet.peek(2, millions.columnCount + 3)?.formula).toBe("check with IR: done");
    expect(sheet.peek(blank.row, blank.col)?.formula).toBe(123);
    expect(outcome.message).toMatch(/Kept 2 of your cells\.$/);
    expect(sheet.get("C4")).toBe("JPY thousands");
  }); // prettier-ignore

  test("a figure typed over a printed one between the syncs is never lost: the load is undone and made again, keeping the old sheet whole", async () => {
    const book = await previousModelBook();
    const revenue = rowOf(modelSheet(book), "Total revenues");
    const { outcome } = await load(book, thousands, {
      between: () => (modelSheet(book).cell(revenue - 1, 4).formula = 9999),
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.keptSheet).toBe("IIJ Model (kept 1)");
    const kept = book.sheet("IIJ Model (kept 1)") as SheetState;
    expect(kept.get(`E${revenue}`)).toBe(9999);
    expect(kept.get(`${a1(2, millions.columnCount + 3)}`)).toBe("check with IR");
    expect(modelSheet(book).get(`E${revenue}`)).toBe(8332898);
  }); // prettier-ignore
});

describe("3. two loads at once", () => {
  test("a second load started while the first runs is refused and changes nothing; the first completes", async () => {
    const book = await previousModelBook();
    let second: Promise<LoadOutcome> | undefined;
    const { outcome } = await load(book, thousands, {
      between: () => {
        second = loadPlan(asExcel(new FakeRequestContext(book)), millions, rebuild);
      },
    });
    const refused = await second!;
    expect(outcome.ok).toBe(true);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^Another Load quarter is running in this workbook \(started at .+\)\. Load again when it has finished.*Nothing was changed\.$/);
    expect(modelSheet(book).get("C4")).toBe("JPY thousands");
    expect(book.customProperties.size).toBe(0);
  }); // prettier-ignore

  test("a load another window started a moment ago blocks this one, which changes nothing", async () => {
    const book = await previousModelBook();
    const now = Date.parse("2001-08-14T09:00:00Z");
    book.customProperties.set(`${LOAD_GUARD_PREFIX}other-window`, new Date(now - 5_000).toISOString());
    const before = snapshot(book);
    const { outcome } = await load(book, thousands, { now: () => now });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/Another Load quarter is running in this workbook/);
    expect(snapshot(book)).toEqual(before);
  }); // prettier-ignore

  test("a load that stopped half way (its pane closed) blocks no one after it expires, and its guard is cleared", async () => {
    const book = await previousModelBook();
    const now = Date.parse("2001-08-14T09:00:00Z");
    book.customProperties.set(`${LOAD_GUARD_PREFIX}crashed`, new Date(now - 10 * 60_000).toISOString());
    const { outcome } = await load(book, thousands, { now: () => now });
    expect(outcome.ok).toBe(true);
    expect([...book.customProperties.keys()]).toEqual([]);
  }); // prettier-ignore
});

describe("4. a write that keeps failing never strips the model silently", () => {
  test("its contents refused again by the restore: the previous model keeps its formatting, lists, checks and chart, and the message says the sheet still holds its contents", async () => {
    const book = await previousModelBook();
    const sheet = modelSheet(book);
    const revenue = rowOf(sheet, "Total revenues");
    const look = () => ({
      font: sheet.peek(revenue - 1, 4)?.font.color,
      numberFormat: sheet.peek(revenue - 1, 4)?.numberFormat,
      lists: sheet.validations.size,
      checks: sheet.conditionalFormats.length,
      charts: sheet.charts.length,
    });
    const before = look();
    const { outcome } = await load(book, thousands, {
      prepare: (c) => c.faults.failKind("range.formulas", { sync: 2, persistent: true }),
    });
    expect(outcome.ok).toBe(false);
    expect(look()).toEqual(before);
    expect(sheet.get(`E${revenue}`)).toBe(8332.898);
    expect(outcome.message).toMatch(/Putting the previous sheet back failed too \(.+\)\. "IIJ Model" still holds the previous model's contents, unchanged, and its formatting was redrawn\./);
  }); // prettier-ignore

  test("its formatting refused again by the restore: the contents come back and the message says the formatting is not", async () => {
    const book = await previousModelBook();
    const revenue = rowOf(modelSheet(book), "Total revenues");
    const { outcome } = await load(book, thousands, {
      prepare: (c) => c.faults.failKind("format.font.color", { sync: 2, persistent: true }),
    });
    expect(outcome.ok).toBe(false);
    expect(modelSheet(book).get(`E${revenue}`)).toBe(8332.898);
    expect(outcome.message).toMatch(/The previous sheet's contents were restored, but redrawing its formatting failed too \(.+\): /);
  }); // prettier-ignore
});

test("5. number formats, fills and lists the analyst put on blank cells inside the model's area survive a reload", async () => {
  const book = await previousModelBook();
  const blank = blankInArea(thousands);
  const cell = modelSheet(book).cell(blank.row, blank.col);
  cell.numberFormat = "0.00%";
  cell.fill = "#FFFF00";
  const at = a1(blank.row, blank.col);
  modelSheet(book).validations.set(at, { list: { inCellDropDown: true, source: "yes,no" } });
  await load(book, thousands);
  const after = modelSheet(book).peek(blank.row, blank.col);
  expect([after?.numberFormat, after?.fill]).toEqual(["0.00%", "#FFFF00"]);
  expect(modelSheet(book).validations.get(at)).toEqual({
    list: { inCellDropDown: true, source: "yes,no" },
  });
});

describe("6. without the layout record", () => {
  function dropRecord(book: FakeWorkbookState) {
    book.sheets = book.sheets.filter((s) => s.visibility !== "VeryHidden");
    for (const [name, n] of book.names)
      if (!book.sheets.some((s) => s.id === n.sheetId)) book.names.delete(name);
  }

  test("the model's cells are told apart by the plan its header names: only the analyst's note is counted", async () => {
    const book = await previousModelBook();
    dropRecord(book);
    const { outcome } = await load(book, thousands);
    expect(outcome.ok).toBe(true);
    expect(outcome.keptSheet).toBeUndefined();
    expect(outcome.message).toMatch(/Kept 1 of your cells/);
    expect(modelSheet(book).get("C4")).toBe("JPY thousands");
  });

  test("and no way to rebuild that plan: the message says it cannot tell, and claims no typing", async () => {
    const book = await previousModelBook();
    dropRecord(book);
    const { outcome } = await load(book, thousands, { planFor: null });
    expect(outcome.ok).toBe(true);
    expect(outcome.message).not.toMatch(/typed|Kept \d+ of your cells/);
    expect(outcome.message).toMatch(/cannot tell your cells from the model's/);
    expect(outcome.keptSheet).toBe("IIJ Model (kept 1)");
  });
});

describe("7. what Excel cannot write over, and sheet names as Excel compares them", () => {
  const obstacles: [string, (sheet: SheetState) => void, RegExp][] = [
    [
      "merged cells",
      (sheet) => {
        const { row, col } = blankInArea(thousands, 0, { row: 1, col: 6 });
        sheet.merged.push(`${a1(row, col)}:${a1(row, col + 1)}`);
      },
      /merged cells at [A-Z]+\d+:[A-Z]+\d+/,
    ],
    [
      "a table",
      (sheet) => {
        const { row, col } = blankInArea(thousands, 2);
        sheet.cell(row, col).formula = "Header";
        sheet.tables.push({ name: "MyTable", address: `${a1(row, col)}:${a1(row + 2, col)}` });
      },
      /the table "MyTable"/,
    ],
    [
      "a legacy array formula",
      (sheet) => {
        const { row, col } = blankInArea(thousands, 2);
        for (let i = 0; i < 3; i++) sheet.cell(row + i, col).formula = "=ROW(A1:A3)";
        sheet.arrays.push({ address: `${a1(row, col)}:${a1(row + 2, col)}`, kind: "legacy" });
      },
      /array formulas or spilled ranges at [A-Z]+\d+, [A-Z]+\d+, [A-Z]+\d+/,
    ],
    [
      "a spilled range",
      (sheet) => {
        const { row, col } = blankInArea(thousands, 2);
        sheet.cell(row, col).formula = "=SEQUENCE(3)";
        for (let i = 1; i < 3; i++) sheet.cell(row + i, col).formula = i + 1;
        sheet.arrays.push({ address: `${a1(row, col)}:${a1(row + 2, col)}`, kind: "spill" });
      },
      /array formulas or spilled ranges at [A-Z]+\d+/,
    ],
  ];
  test.each(obstacles)("%s over the model's area: the load is refused, naming them, and nothing changes", async (_, put, named) => {
    const book = await previousModelBook();
    put(modelSheet(book));
    const before = snapshot(book);
    const { outcome } = await load(book, thousands);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(named);
    expect(outcome.message).toMatch(/nothing was changed/i);
    expect(snapshot(book)).toEqual(before);
  }); // prettier-ignore

  test("a model sheet the analyst renamed only in case is still the model sheet: reloaded in place, no copies of the names", async () => {
    const book = await previousModelBook();
    modelSheet(book).name = "iij model";
    const { outcome } = await load(book, thousands);
    expect(outcome.ok).toBe(true);
    expect(book.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(["iij model"]);
    expect(book.sheets.map((s) => s.names.size)).toEqual(book.sheets.map(() => 0));
    expect(book.sheet("iij model")?.get("C4")).toBe("JPY thousands");
  }); // prettier-ignore

  test("the kept sheet's name never collides, case aside, with a sheet the analyst has", async () => {
    const book = await previousModelBook();
    book.sheets.push(new SheetState("IIJ MODEL (KEPT 1)"));
    const revenue = rowOf(modelSheet(book), "Total revenues");
    modelSheet(book).cell(revenue - 1, 4).formula = 9999;
    const { outcome } = await load(book, thousands);
    expect(outcome.ok).toBe(true);
    expect(outcome.keptSheet).toBe("IIJ Model (kept 2)");
    expect(book.sheet("IIJ Model (kept 2)")?.get(`E${revenue}`)).toBe(9999);
  });
});

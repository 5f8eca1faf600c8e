/**
 * The Excel double calculates (dev/excel-host/calc.ts): what the Office.js writer writes evaluates,
 * read back through `range.values` as the pane would, to the printed figures and the forecast on
 * guidance, and follows edits. Expected figures are typed from the printed release and the 2Q01
 * guidance (README, Forecast), never read from the plan or the code under test.
 */
import { defaultModel } from "../../src/model";
import { loadPlan } from "../../src/sheet/excel-writer";
import { planModelSheet } from "../../src/sheet/plan";
import { a1 } from "../../src/sheet/plan-types";
import {
  associateAddinFunctions,
  dissociateAddinFunctions,
} from "../../dev/excel-host/associate-functions";
import { calculationOf, toEngineFormula } from "../../dev/excel-host/calc";
import { createExcelHost } from "../../dev/excel-host/double";
import { FakeRequestContext, FakeWorkbookState, SheetState } from "../../dev/excel-host/fake-excel";

const SHEET = "IIJ Model";
const model = defaultModel();
const millions = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });

type Value = string | number | boolean;

/** Load quarter 1Q01 through the shipped Office.js writer into `book`. */
async function loadQuarter(book: FakeWorkbookState, plan = millions): Promise<void> {
  const outcome = await loadPlan(
    new FakeRequestContext(book) as unknown as Excel.RequestContext,
    plan
  );
  expect(outcome.ok).toBe(true);
}

/** The model sheet's used range as Office.js reads it: values and formulas, in one sync. */
async function readSheet(book: FakeWorkbookState, sheet = SHEET) {
  const context = new FakeRequestContext(book);
  const range = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject();
  range.load("values, formulas");
  await context.sync();
  return { values: range.values as Value[][], formulas: range.formulas as Value[][] };
}

/** Types into cells through Office.js (`range.formulas`, as Excel takes what a user types). */
async function type(book: FakeWorkbookState, entries: Record<string, Value>, sheet = SHEET) {
  const context = new FakeRequestContext(book);
  for (const [address, value] of Object.entries(entries))
    context.workbook.worksheets.getItem(sheet).getRange(address).formulas = [[value]];
  await context.sync();
}

/** The value in the row labelled `label` (column A) or with id `label` (column B), under `period`. */
function figure(values: Value[][], label: string, period: string): Value {
  const header = values.findIndex((row) => row[0] === "Fiscal quarter");
  const row = values.find((r, i) => i > header && (r[0] === label || r[1] === label));
  const col = values[header].indexOf(period);
  if (!row || col < 0) throw new Error(`No ${label} / ${period}`);
  return row[col];
}

/** The A1 address of `figure`'s cell, in a read of the model sheet from A1. */
function addressOf(values: Value[][], id: string, period: string): string {
  const header = values.findIndex((row) => row[0] === "Fiscal quarter");
  const row = values.findIndex((r, i) => i > header && r[1] === id);
  return a1(row, values[header].indexOf(period));
}

/**
 * The "Your value" cell of a driver or of the scenario: the cell its "In use" formula (the named
 * cell) reads first, `=IF(<your value>="", <seed>, <your value>)`, as the README describes.
 */
function yourValue(name: string): string {
  const n = millions.names.find((x) => x.name === name);
  const inUse = millions.cells.find((c) => c.row === n?.row && c.col === n?.col);
  const m = /^=IF\(\$?([A-Z]+)\$?(\d+)=""/.exec(String((inUse as { formula?: string })?.formula));
  if (!m) throw new Error(`No "Your value" cell for ${name}`);
  return `${m[1]}${m[2]}`;
}

/** A driver of the first estimated quarter: per quarter (`_2Q01`) where the model has them. */
function firstQuarterDriver(base: string): string {
  const names = millions.names.map((n) => n.name);
  const name = [`${base}_2Q01`, base].find((x) => names.includes(x));
  if (!name) throw new Error(`No driver ${base}`);
  return name;
}

/** Equal to the figure typed, to well within the printed precision (doubles, as in Excel). */
const near = (actual: Value, expected: number) => {
  expect(typeof actual).toBe("number");
  expect(actual as number).toBeCloseTo(expected, 9);
};

// 1Q01 as printed (JPY thousands in the statements, shown in JPY millions).
const TOTAL_REVENUES_1Q01 = 8332.898; // 8,332,898
const OPERATING_LOSS_1Q01 = -299.814; // (299,814)
const DEDICATED_1Q01 = 3386.912; // 3,386,912
// 2Q01 guidance (JPY millions): revenues, operating income (loss), EBITDA.
const GUIDANCE = {
  Low: [9000, -100, 580],
  Mid: [9250, -25, 655],
  High: [9500, 50, 730],
} as const;

beforeAll(associateAddinFunctions);

describe("after Load quarter 1Q01, range.values reads what Excel would compute", () => {
  let book: FakeWorkbookState;
  beforeAll(async () => {
    book = new FakeWorkbookState();
    await loadQuarter(book);
  });

  test("1Q01 total revenues and operating income are the printed figures", async () => {
    const { values } = await readSheet(book);
    expect(figure(values, "total_revenues", "1Q01")).toBe(TOTAL_REVENUES_1Q01);
    expect(figure(values, "operating_income", "1Q01")).toBe(OPERATING_LOSS_1Q01);
  });

  test("2Q01E total revenues, operating income and EBITDA are on the guidance mid", async () => {
    const { values, formulas } = await readSheet(book);
    // They are formulas, and read as numbers, not as their text.
    expect(String(figure(formulas, "total_revenues", "2Q01E"))).toMatch(/^=/);
    const [revenues, operating, ebitda] = GUIDANCE.Mid;
    near(figure(values, "total_revenues", "2Q01E"), revenues);
    near(figure(values, "operating_income", "2Q01E"), operating);
    near(figure(values, "EBITDA (Table 5 basis)", "2Q01E"), ebitda);
  });

  test("no cell of the model sheet evaluates to an error", async () => {
    const { values } = await readSheet(book);
    const errors = values.flat().filter((v) => typeof v === "string" && /^#[A-Z/0!?]+/.test(v));
    expect(errors).toEqual([]);
  });

  test("the guidance mid is a formula over the printed low and high, read as 9,250", async () => {
    const context = new FakeRequestContext(book);
    const mid = context.workbook.worksheets
      .getItem(SHEET)
      .getRange(nameAddress(book, "IIJ_GUIDANCE_2Q01_REVENUES_MID"))
      .load("values, formulas");
    await context.sync();
    expect(String(mid.formulas[0][0])).toMatch(/^=AVERAGE\(/);
    expect(mid.values[0][0]).toBe(9250);
  });
});

/** The value of the cell a workbook name points at, in a read of the model sheet from A1. */
function valueOfName(book: FakeWorkbookState, values: Value[][], name: string): Value {
  const at = nameAddress(book, name);
  const col = at
    .match(/^[A-Z]+/)![0]
    .split("")
    .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return values[Number(at.slice(at.search(/\d/))) - 1][col - 1];
}

/** The A1 address a workbook name points at ("$D$153" as "D153"). */
function nameAddress(book: FakeWorkbookState, name: string): string {
  return (book.names.get(name)?.address ?? "").replace(/\$/g, "");
}

describe("recalculation follows edits", () => {
  test.each(["Low", "High", "Mid"] as const)(
    "scenario %s puts 2Q01E revenues, operating income and EBITDA on that guidance",
    async (scenario) => {
      const book = new FakeWorkbookState();
      await loadQuarter(book);
      await readSheet(book); // computed once before the edit: the edit must recalculate
      await type(book, { [yourValue("IIJ_SCENARIO")]: scenario });
      const { values } = await readSheet(book);
      const [revenues, operating, ebitda] = GUIDANCE[scenario];
      near(figure(values, "total_revenues", "2Q01E"), revenues);
      near(figure(values, "operating_income", "2Q01E"), operating);
      near(figure(values, "EBITDA (Table 5 basis)", "2Q01E"), ebitda);
    }
  );

  test("typed drivers move the estimates as the formulas say, and clearing them restores the seeds", async () => {
    const book = new FakeWorkbookState();
    await loadQuarter(book);
    const before = (await readSheet(book)).values;
    const growth = firstQuarterDriver("IIJ_DRV_GROWTH_DEDICATED");
    await type(book, { [yourValue(growth)]: 0.05 });
    let { values } = await readSheet(book);
    // The named driver reads the value typed; dedicated access grows 5% on 1Q01 as printed.
    expect(valueOfName(book, values, growth)).toBe(0.05);
    near(figure(values, "dedicated_access_services", "2Q01E"), DEDICATED_1Q01 * 1.05);
    // Total revenues move by what dedicated access moved: nothing else changed.
    const moved = (v: Value[][], id: string) =>
      (figure(v, id, "2Q01E") as number) - (figure(before, id, "2Q01E") as number);
    near(moved(values, "total_revenues"), moved(values, "dedicated_access_services"));
    // EBITDA = operating income + D&A - the Table 5 gap (README, Forecast).
    const [da, gap] = ["IIJ_DRV_DA", "IIJ_DRV_EBITDA_GAP"].map(firstQuarterDriver);
    await type(book, { [yourValue(da)]: 800, [yourValue(gap)]: 20 });
    ({ values } = await readSheet(book));
    const operating = figure(values, "operating_income", "2Q01E") as number;
    near(figure(values, "EBITDA (Table 5 basis)", "2Q01E"), operating + 800 - 20);
    await type(book, { [yourValue(growth)]: "", [yourValue(da)]: "", [yourValue(gap)]: "" });
    ({ values } = await readSheet(book));
    const [revenues, , ebitda] = GUIDANCE.Mid;
    near(figure(values, "total_revenues", "2Q01E"), revenues);
    near(figure(values, "EBITDA (Table 5 basis)", "2Q01E"), ebitda);
  });

  test("a reload over a typed driver keeps it, and the forecast still follows it", async () => {
    const book = new FakeWorkbookState();
    await loadQuarter(book);
    await type(book, { [yourValue("IIJ_SCENARIO")]: "High" });
    await loadQuarter(book);
    const { values } = await readSheet(book);
    near(figure(values, "total_revenues", "2Q01E"), GUIDANCE.High[0]);
  });
});

describe("a kept sheet's forecast reads its own drivers (sheet-scoped names)", () => {
  test("typing over a printed figure keeps the old sheet on High; the fresh model is on Mid", async () => {
    const book = new FakeWorkbookState();
    await loadQuarter(book);
    let { values } = await readSheet(book);
    const printed = addressOf(values, "total_revenues", "1Q01");
    await type(book, { [printed]: 1, [yourValue("IIJ_SCENARIO")]: "High" });
    await loadQuarter(book);
    const kept = book.sheets.find((s) => s.name !== SHEET && s.visibility === "Visible");
    expect(kept?.name).toMatch(/kept/);
    ({ values } = await readSheet(book, kept!.name));
    near(figure(values, "total_revenues", "2Q01E"), GUIDANCE.High[0]);
    ({ values } = await readSheet(book));
    near(figure(values, "total_revenues", "2Q01E"), GUIDANCE.Mid[0]);
  });
});

describe("the engine is lazy", () => {
  test("loads build no engine; a read builds one; an edit updates it in place", async () => {
    const book = new FakeWorkbookState();
    for (let i = 0; i < 5; i++) await loadQuarter(book);
    const calculation = calculationOf(book);
    expect(calculation.stats).toEqual({ builds: 0, updates: 0 });
    await readSheet(book);
    await readSheet(book);
    expect(calculation.stats).toEqual({ builds: 1, updates: 0 });
    await type(book, { [yourValue("IIJ_SCENARIO")]: "Low" });
    await readSheet(book);
    expect(calculation.stats).toEqual({ builds: 1, updates: 1 });
  });

  test("a sheet without formulas reads as written, without an engine", async () => {
    const book = new FakeWorkbookState();
    book.sheets.push(new SheetState("Data"));
    await type(book, { A1: "1Q01", B1: 42, C1: "0.05" }, "Data");
    const { values } = await readSheet(book, "Data");
    expect(values).toEqual([["1Q01", 42, "0.05"]]);
    expect(calculationOf(book).stats.builds).toBe(0);
  });
});

describe("formulas as Excel evaluates them", () => {
  async function evaluate(entries: Record<string, Value>, book = new FakeWorkbookState()) {
    if (!book.sheet("Data")) book.sheets.push(new SheetState("Data"));
    await type(book, entries, "Data");
    return (await readSheet(book, "Data")).values;
  }

  test("errors read as their codes; empty cells as 0 in arithmetic; text as text", async () => {
    const values = await evaluate({
      A1: "=NA()",
      B1: "=1/0",
      C1: "=D1*2",
      E1: '=IF(D1="","blank","not")',
      F1: "=TRUE",
      G1: '="TRUE"',
      H1: "=NOSUCHFUNCTION(1)",
    });
    expect(values).toEqual([["#N/A", "#DIV/0!", 0, "", "blank", true, "TRUE", "#NAME?"]]);
  });

  test("TRUE and FALSE are Excel's literals, left alone inside strings and sheet names", () => {
    expect(toEngineFormula("=IF(TRUE,FALSE,A1)")).toBe("=IF(TRUE(),FALSE(),A1)");
    for (const kept of [`="TRUE"&'TRUE sheet'!A1&TRUE()`, "=MY.TRUE+IS_TRUE+TRUE_SHEET!A1"])
      expect(toEngineFormula(kept)).toBe(kept);
  });

  test("sheet-scoped names are seen first by their own sheet, the workbook's elsewhere", async () => {
    const book = new FakeWorkbookState();
    const other = new SheetState("Other sheet");
    book.sheets.push(new SheetState("Data"), other);
    const context = new FakeRequestContext(book);
    const data = context.workbook.worksheets.getItem("Data");
    data.getRange("A1").formulas = [[10]];
    context.workbook.worksheets.getItem("Other sheet").getRange("A1").formulas = [[20]];
    context.workbook.names.add("RATE", "=Data!$A$1");
    context.workbook.worksheets.getItem("Other sheet").names.add("RATE", "='Other sheet'!$A$1");
    data.getRange("B1").formulas = [["=RATE*2"]];
    context.workbook.worksheets.getItem("Other sheet").getRange("B1").formulas = [
      ["=RATE*2+Data!A1"],
    ];
    await context.sync();
    expect((await readSheet(book, "Data")).values).toEqual([[10, 20]]);
    expect((await readSheet(book, "Other sheet")).values).toEqual([[20, 50]]);
  });
});

describe("=IIJ.* cells call the registered custom functions", () => {
  afterEach(associateAddinFunctions);

  test("a scalar, a result in arithmetic, a reference argument and an error", async () => {
    const book = new FakeWorkbookState();
    await loadQuarter(book);
    const printed = addressOf((await readSheet(book)).values, "total_revenues", "1Q01");
    book.sheets.push(new SheetState("Data"));
    await type(
      book,
      {
        A1: '=IIJ.INCOME("1Q01","Total revenues")',
        B1: '=IIJ.KPI("1Q01","EBITDA")*2',
        C1: '=iij.guidance("2Q01","Revenues","mid")',
        D1: "1Q01",
        E1: '=IIJ.INCOME(D1,"Operating loss")',
        F1: '=IIJ.INCOME("2Q01","Total revenues")', // not reported yet: #N/A
        // The sheet's printed figure (JPY millions) against the function's (JPY thousands).
        G1: `=ROUND('IIJ Model'!${printed}*1000-IIJ.INCOME("1Q01","Total revenues"),6)`,
      },
      "Data"
    );
    const { values } = await readSheet(book, "Data");
    expect(values).toEqual([[8332898, 752, 9250, "1Q01", -299814, "#N/A", 0]]);
  });

  test("a grid result spills into the cells below and right", async () => {
    const book = new FakeWorkbookState();
    book.sheets.push(new SheetState("Data"));
    await type(book, { A1: "=IIJ.PERIODS()" }, "Data");
    const context = new FakeRequestContext(book);
    const range = context.workbook.worksheets.getItem("Data").getRange("A1:B3").load("values");
    await context.sync();
    expect(range.values).toEqual([
      ["1Q00", "2000-06-30"],
      ["4Q00", "2001-03-31"],
      ["1Q01", "2001-06-30"],
    ]);
  });

  test("where office.js has no runtime error API (outside Excel), a function's error still reaches its cell", async () => {
    const registry = (globalThis as { CustomFunctions: Record<string, unknown> }).CustomFunctions;
    const saved = { Error: registry.Error, ErrorCode: registry.ErrorCode };
    delete registry.Error;
    delete registry.ErrorCode;
    try {
      const book = new FakeWorkbookState();
      book.sheets.push(new SheetState("Data"));
      await type(book, { A1: '=IIJ.INCOME("2Q01","Total revenues")' }, "Data");
      expect((await readSheet(book, "Data")).values).toEqual([["#N/A"]]);
    } finally {
      Object.assign(registry, saved);
    }
  });

  test("before the add-in registers its functions they are #NAME?, and compute once it has", async () => {
    dissociateAddinFunctions();
    const book = new FakeWorkbookState();
    book.sheets.push(new SheetState("Data"));
    await type(book, { A1: "=IIJ.FXRATE()" }, "Data");
    expect((await readSheet(book, "Data")).values).toEqual([["#NAME?"]]);
    associateAddinFunctions();
    expect((await readSheet(book, "Data")).values).toEqual([[124.73]]);
  });
});

describe("the browser double (preview, e2e) shows computed values and follows edits", () => {
  test("its view holds each cell's value: the forecast on guidance, then on a typed scenario", async () => {
    const host = createExcelHost();
    await host.run((context) => loadPlan(context as unknown as Excel.RequestContext, millions));
    const at = (address: string) =>
      host.view().sheets.find((s) => s.name === SHEET)?.cells[address];
    const revenue2Q01E = cellAddress(host.view().sheets.find((s) => s.name === SHEET)!.cells);
    expect(String(at(revenue2Q01E)?.formula)).toMatch(/^=/);
    near(at(revenue2Q01E)!.value, GUIDANCE.Mid[0]);
    host.setCell(SHEET, yourValue("IIJ_SCENARIO"), "Low");
    near(at(revenue2Q01E)!.value, GUIDANCE.Low[0]);
  });

  test("an error's message and a spilled grid are in the view", () => {
    const host = createExcelHost();
    host.setCell("Sheet1", "A1", '=IIJ.INCOME("2Q01","Total revenues")');
    host.setCell("Sheet1", "B1", '=IIJ.INCOME("9Q99","Total revenues")');
    host.setCell("Sheet1", "C1", "=IIJ.PERIODS()");
    const cells = host.view().sheets[0].cells;
    expect(cells.A1).toMatchObject({ value: "#N/A", message: expect.stringMatching(/for 2Q01/) });
    expect(cells.B1).toMatchObject({ value: "#VALUE!", message: expect.stringMatching(/"9Q99"/) });
    expect([cells.C1.value, cells.C3.value, cells.D3.value, cells.D3.formula]).toEqual([
      "1Q00",
      "1Q01",
      "2001-06-30",
      "",
    ]);
  });
});

/** The address of 2Q01E total revenues in a view's cells. */
function cellAddress(cells: Record<string, { address: string; formula: Value }>): string {
  const all = Object.values(cells);
  const header = all.find((c) => c.formula === "Fiscal quarter")!.address.replace(/^[A-Z]+/, "");
  const column = all
    .find((c) => c.formula === "2Q01E" && c.address.endsWith(header))!
    .address.replace(/\d+$/, "");
  const row = all
    .find((c) => c.formula === "total_revenues" && c.address.startsWith("B"))!
    .address.replace(/^[A-Z]+/, "");
  return `${column}${row}`;
}

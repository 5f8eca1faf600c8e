import { defaultModel } from "../../src/model";
import {
  LAYOUT_RECORD_NAME,
  LAYOUT_SHEET_NAME,
  loadPlan,
  parseReference,
} from "../../src/sheet/excel-writer";
import { planModelSheet } from "../../src/sheet/plan";
import { topLeftOf } from "../../src/sheet/merge";
import { type SheetPlan, a1, cellFormula } from "../../src/sheet/plan-types";
import {
  FakeRequestContext,
  FakeWorkbookState,
  type NameState,
  type SheetState,
} from "../../dev/excel-host/fake-excel";

const model = defaultModel();
const millions = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
const thousands = planModelSheet(model, { quarter: "1Q01", unit: "JPY thousands" });

async function load(book: FakeWorkbookState, plan: SheetPlan, failAtCommand?: number) {
  const context = new FakeRequestContext(book);
  // Fail inside the write batch: the read batch is the first sync.
  if (failAtCommand !== undefined) context.faults.failCommand({ sync: 2, index: failAtCommand });
  const run = loadPlan(context as unknown as Excel.RequestContext, plan);
  const outcome = await run;
  return { outcome, syncs: context.queue.syncs };
}

/** The row of a printed label in column A. */
function rowOf(sheet: SheetState, label: string): number {
  for (let r = 0; r < 400; r++) if (sheet.peek(r, 0)?.formula === label) return r + 1;
  throw new Error(`no row "${label}"`);
}

const modelSheet = (book: FakeWorkbookState) => book.sheet("IIJ Model") as SheetState;

test("a first load writes the whole plan in two syncs", async () => {
  const book = new FakeWorkbookState();
  const { outcome, syncs } = await load(book, millions);
  expect(syncs).toBe(2);
  expect(outcome.ok).toBe(true);
  expect(outcome.message).toMatch(
    /^Loaded 1Q01 \(JPY millions\): \d+ values, \d+ formulas, \d+ checks\.$/
  );
  const sheet = modelSheet(book);
  const revenue = rowOf(sheet, "Total revenues");
  expect([sheet.get(`C${revenue}`), sheet.get(`D${revenue}`), sheet.get(`E${revenue}`)]).toEqual([
    7245.795, 9199.575, 8332.898,
  ]);
  expect(sheet.get("C10")).toBe("1Q00");
  expect(sheet.peek(revenue - 1, 4)?.font.color).toBe("#0000FF");
  expect(book.names.has("IIJ_FXRATE")).toBe(true);
  expect(book.sheet(LAYOUT_SHEET_NAME)?.visibility).toBe("VeryHidden");
  expect(sheet.conditionalFormats.length).toBe(millions.checkAreas.length);
  expect(book.calculationSuspended).toBe(1);
});

test("the number of syncs does not grow with the sheet: a plan ten times larger still takes two", async () => {
  const rows = millions.rowCount * 10;
  const big: SheetPlan = {
    ...millions,
    rowCount: rows,
    cells: [
      ...millions.cells,
      ...Array.from({ length: rows - millions.rowCount }, (_, i) => ({
        row: millions.rowCount + i,
        col: 2,
        number: String(i),
        style: "input" as const,
      })),
    ],
  };
  const book = new FakeWorkbookState();
  expect((await load(book, big)).syncs).toBe(2);
  expect((await load(book, big)).syncs).toBe(2);
});

test("a reload in another unit keeps every cell the analyst typed", async () => {
  const book = new FakeWorkbookState();
  await load(book, millions);
  const sheet = modelSheet(book);
  const revenue = rowOf(sheet, "Total revenues");
  // A note beside the model, a row of their own below it, and a value in a blank model-area cell.
  const beside = millions.columnCount + 2;
  sheet.cell(revenue - 1, beside).formula = "check with IR";
  sheet.cell(millions.rowCount + 5, 0).formula = "My EBITDA bridge";
  sheet.cell(millions.rowCount + 5, 4).formula = `=E${revenue}*1.1`;
  sheet.cell(0, 6).formula = 123; // a blank cell inside the model area
  sheet.cell(0, 4).formula = "analyst: v2";
  const { outcome, syncs } = await load(book, thousands);
  expect(syncs).toBe(2);
  expect(outcome.ok).toBe(true);
  expect(outcome.message).toMatch(/Kept 5 of your cells/);
  const after = modelSheet(book);
  expect(after.get(a1(revenue - 1, beside))).toBe("check with IR");
  expect(after.get(`A${millions.rowCount + 6}`)).toBe("My EBITDA bridge");
  expect(after.get(`E${millions.rowCount + 6}`)).toBe(`=E${revenue}*1.1`);
  expect(after.get("G1")).toBe(123);
  expect(after.get("E1")).toBe("analyst: v2");
  expect(after.get(`E${revenue}`)).toBe(8332898);
  expect(after.get("C4")).toBe("JPY thousands");
  expect(book.sheets.map((s) => s.name)).toEqual(["IIJ Model", LAYOUT_SHEET_NAME]);
});

test("reloading twice changes nothing the analyst typed and writes the same model", async () => {
  const book = new FakeWorkbookState();
  await load(book, millions);
  const below = millions.rowCount + 40;
  modelSheet(book).cell(below, 10).formula = "keep me";
  await load(book, millions);
  await load(book, millions);
  expect(modelSheet(book).get(a1(below, 10))).toBe("keep me");
});

test("typing over a printed figure is never lost: the old sheet is kept whole under another name", async () => {
  const book = new FakeWorkbookState();
  await load(book, millions);
  const revenue = rowOf(modelSheet(book), "Total revenues");
  modelSheet(book).cell(revenue - 1, 4).formula = 9999;
  const { outcome, syncs } = await load(book, millions);
  expect(syncs).toBe(2);
  expect(outcome.keptSheet).toBe("IIJ Model (kept 1)");
  expect(outcome.message).toMatch(
    new RegExp(
      `You had typed in cells the new model needs \\(E${revenue}\\).*"IIJ Model \\(kept 1\\)"`
    )
  );
  expect(book.sheet("IIJ Model (kept 1)")?.get(`E${revenue}`)).toBe(9999);
  expect(modelSheet(book).get(`E${revenue}`)).toBe(8332.898);
});

test.each([
  ["='IIJ Model'!$C$2", { sheet: "IIJ Model", address: "$C$2" }],
  ["=Sheet1!$A$1:$B$3", { sheet: "Sheet1", address: "$A$1:$B$3" }],
  ["='Bob''s model'!$G$168", { sheet: "Bob's model", address: "$G$168" }],
  ["=#REF!", null],
  ["=0.05", null],
  ["=Sheet1!$A$1+1", null],
])("a name's reference %s reads as %j", (formula, expected) => {
  expect(parseReference(formula)).toEqual(expected);
});

/** Each of the plan's names as [name, the sheet it points at, address], sorted, for one names map. */
function namesOn(book: FakeWorkbookState, names: Map<string, NameState>) {
  const sheetName = (id: string) => book.sheets.find((x) => x.id === id)?.name;
  return [...names]
    .filter(([name]) => name !== LAYOUT_RECORD_NAME)
    .map(([name, n]) => [name, sheetName(n.sheetId), n.address])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
}

describe("the names a sheet's formulas use stay that sheet's when the model moves to a new sheet", () => {
  const leftBehind: [string, (book: FakeWorkbookState) => string][] = [
    [
      "the previous sheet kept whole (the analyst typed over a printed figure)",
      (book) => {
        modelSheet(book).cell(rowOf(modelSheet(book), "Total revenues") - 1, 4).formula = 9999;
        return "IIJ Model (kept 1)";
      },
    ],
    [
      "a model sheet the analyst renamed",
      (book) => {
        modelSheet(book).name = "Q1 model (mine)";
        return "Q1 model (mine)";
      },
    ],
  ];
  test.each(leftBehind)("%s: it gets a copy of every name, scoped to it, on its own cells", async (_, leave) => {
    const book = new FakeWorkbookState();
    await load(book, millions);
    const before = namesOn(book, book.names);
    const behind = leave(book);
    const { outcome } = await load(book, millions);
    expect(outcome.ok).toBe(true);
    const old = book.sheet(behind) as SheetState;
    // The same names and cells as the workbook's names had, now on the sheet left behind.
    expect(namesOn(book, old.names)).toEqual(before.map(([n, , address]) => [n, behind, address]));
    // The workbook's names point at the new model sheet, which has no copies of its own.
    expect(namesOn(book, book.names)).toEqual(before.map(([n, , address]) => [n, "IIJ Model", address]));
    expect(modelSheet(book).names.size).toBe(0);
  });

  test("a reload in place copies no name", async () => {
    const book = new FakeWorkbookState();
    await load(book, millions);
    await load(book, thousands);
    expect(book.sheets.map((x) => x.names.size)).toEqual([0, 0]);
  });
}); // prettier-ignore

test.each([1, 5, 40, 200])(
  "a write that fails at command %i, with no plan rebuilder, puts the previous model's contents back",
  async (failAt) => {
    const book = new FakeWorkbookState();
    await load(book, millions);
    modelSheet(book).cell(millions.rowCount + 40, 0).formula = "analyst row";
    const before = JSON.stringify(
      [...modelSheet(book).cells]
        .filter(([, d]) => d.formula !== "")
        .map(([k, d]) => [k, d.formula])
        .sort()
    );
    const { outcome } = await load(book, thousands, failAt);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(
      /^Load failed: An internal error has occurred \(injected\)\. The previous sheet's contents were restored; loading again redraws its formatting\. Load the quarter again/
    );
    const after = JSON.stringify(
      [...modelSheet(book).cells]
        .filter(([, d]) => d.formula !== "")
        .map(([k, d]) => [k, d.formula])
        .sort()
    );
    expect(after).toBe(before);
  }
);

test("a failed first load leaves no half-written sheet", async () => {
  const book = new FakeWorkbookState();
  const { outcome } = await load(book, millions, 30);
  expect(outcome.ok).toBe(false);
  expect(outcome.message).toMatch(/Nothing was changed\. Load the quarter again/);
  expect(book.sheet("IIJ Model")).toBeUndefined();
});

test("a protected sheet is not touched and the message says how to proceed", async () => {
  const book = new FakeWorkbookState();
  await load(book, millions);
  modelSheet(book).protectedSheet = true;
  const { outcome, syncs } = await load(book, thousands);
  // The read, and the batch that gives back the workbook's guard the read took.
  expect(syncs).toBe(2);
  expect(book.customProperties.size).toBe(0);
  expect(outcome.ok).toBe(false);
  expect(outcome.message).toMatch(/protected.*Unprotect/);
  expect(modelSheet(book).get("C4")).toBe("JPY millions");
});

test("a reload keeps every driver the analyst typed and re-seeds only the untouched ones", async () => {
  const book = new FakeWorkbookState();
  await load(book, millions);
  // A value in use is named (IIJ_SCENARIO, IIJ_DRV_...) and reads the analyst's cell first:
  // =IF(<your value>="",<seed>,<your value>).
  const yoursOf = (name: string) => {
    const n = millions.names.find((x) => x.name === name)!;
    const used = millions.cells.find((c) => c.row === n.row && c.col === n.col)!;
    const m = /^=IF\(\$?([A-Z]+)\$?(\d+)=""/.exec(String(cellFormula(used)))!;
    return topLeftOf(`${m[1]}${m[2]}`);
  };
  const [typed, untouched] = millions.names.filter((n) => n.name.startsWith("IIJ_DRV_")).map((n) => yoursOf(n.name));
  const scenario = yoursOf("IIJ_SCENARIO");
  modelSheet(book).cell(typed.row, typed.col).formula = 0.25;
  modelSheet(book).cell(scenario.row, scenario.col).formula = "High";
  const { outcome } = await load(book, thousands);
  expect(outcome.ok).toBe(true);
  expect(outcome.keptSheet).toBeUndefined();
  const after = modelSheet(book);
  expect(after.peek(typed.row, typed.col)?.formula).toBe(0.25);
  expect(after.peek(scenario.row, scenario.col)?.formula).toBe("High");
  // Untouched: the analyst's slot stays empty, and every cell the plan fills (the seeds too) is
  // the new plan's.
  expect(after.peek(untouched.row, untouched.col)?.formula ?? "").toBe("");
  const differing = thousands.cells.filter((c) => cellFormula(c) !== "" && after.peek(c.row, c.col)?.formula !== cellFormula(c));
  expect(differing.map((c) => a1(c.row, c.col))).toEqual([]);
}); // prettier-ignore

test("Load quarter draws one native chart of revenues and operating income with the guidance, and a reload replaces it", async () => {
  const book = new FakeWorkbookState();
  await load(book, millions);
  await load(book, thousands);
  const charts = modelSheet(book).charts;
  expect(charts).toHaveLength(1);
  const [chart] = charts;
  expect(chart).toMatchObject({ name: "IIJ Model chart", type: "LineMarkers", seriesBy: "Rows" });
  expect(chart.title).toMatch(
    /total revenues and operating income \(JPY thousands\), with 2Q01 guidance/
  );
  expect(chart.series.get(1)).toEqual({ axisGroup: "Secondary" });
  expect(chart.series.get(2)).toEqual({ lineStyle: "None" });
  const scenario = thousands.names.find((n) => n.name === "IIJ_SCENARIO")!;
  expect([...modelSheet(book).validations.values()]).toEqual([
    { list: { inCellDropDown: true, source: "Low,Mid,High" } },
  ]);
  expect(
    modelSheet(book).validations.has(
      `${String.fromCharCode(65 + scenario.col - 1)}${scenario.row + 1}`
    )
  ).toBe(true);
});

test("a reload of another quarter leaves no list where the new layout has none", async () => {
  const book = new FakeWorkbookState();
  const earlier = planModelSheet(model, { quarter: "4Q00", unit: "JPY millions" });
  const at = (plan: SheetPlan) => plan.validations.map((v) => a1(v.row, v.col));
  // The scenario list moves with the layout: its cell differs between the two quarters.
  expect(at(earlier)).not.toEqual(at(millions));
  await load(book, millions);
  await load(book, earlier);
  expect([...modelSheet(book).validations.keys()]).toEqual(at(earlier));
  await load(book, millions);
  expect([...modelSheet(book).validations.keys()]).toEqual(at(millions));
});

test("a reload keeps the conditional formats the analyst put on their own cells", async () => {
  const book = new FakeWorkbookState();
  await load(book, millions);
  const sheet = modelSheet(book);
  sheet.cell(millions.rowCount + 3, 0).formula = "my flag";
  sheet.conditionalFormats.push({
    address: `A${millions.rowCount + 4}`,
    rule: "mine",
    font: "#FF0000",
    fill: "#FFFF00",
  });
  await load(book, thousands);
  expect(modelSheet(book).conditionalFormats.filter((cf) => cf.rule === "mine")).toHaveLength(1);
  expect(modelSheet(book).conditionalFormats.length).toBe(thousands.checkAreas.length + 1);
});

/**
 * Load quarter under faults, against the Excel host double: the read sync failing at each of its
 * commands; the write sync failing at the first and the last command of every kind of call (sheets
 * added and renamed, values, number formats, format resets, styles, column widths, freeze panes,
 * conditional formats, names, activation, the layout record), or at every command with
 * FAULT_SWEEP=all; the restore's own write failing too; a protected sheet; the sheet renamed by
 * the user during the load; another sheet renamed to ours during the load; and a workbook whose
 * sheet is already named like ours but is not ours.
 *
 * For every fault: the user's cells are intact, the previous model is either intact (contents,
 * names and look) or fully replaced (never half-written), and the message says what happened and
 * what to do.
 */
import { defaultModel } from "../../src/model";
import {
  LAYOUT_SHEET_NAME,
  type LoadOutcome,
  type PlanFor,
  loadPlan,
} from "../../src/sheet/excel-writer";
import { planFromHeader, planModelSheet } from "../../src/sheet/plan";
import type { SheetPlan } from "../../src/sheet/plan-types";
import {
  type CellData,
  FakeRequestContext,
  FakeWorkbookState,
  SheetState,
} from "../../dev/excel-host/fake-excel";

const model = defaultModel();
const millions = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
const thousands = planModelSheet(model, { quarter: "1Q01", unit: "JPY thousands" });
const MODEL = "IIJ Model";
/** What the pane passes: the plan of an earlier load, from the quarter and unit it recorded. */
const rebuild: PlanFor = (header) => planFromHeader(model, header);

interface Run {
  outcome: LoadOutcome;
  syncs: number;
  /** The kind of each command of each batch ("range.formulas", "names.add"...). */
  kinds: readonly string[][];
}

/**
 * Loads `plan`, optionally failing the `failAt`-th command of sync number `atSync`, and running
 * `between` (the user acting in Excel) after the read sync and before the write is queued.
 */
async function load(
  book: FakeWorkbookState,
  plan: SheetPlan,
  fault?: { atSync: number; failAt: number },
  between?: () => void,
  planFor: PlanFor | null = rebuild
): Promise<Run> {
  const context = new FakeRequestContext(book);
  if (fault) context.faults.failCommand({ sync: fault.atSync, index: fault.failAt });
  if (between) context.faults.between(1, between);
  const outcome = await loadPlan(
    context as unknown as Excel.RequestContext,
    plan,
    planFor ?? undefined
  );
  return { outcome, syncs: context.queue.syncs, kinds: context.queue.batches };
}

/** A deep copy of a workbook, so each fault starts from the same state without reloading. */
function cloneBook(book: FakeWorkbookState): FakeWorkbookState {
  const copy = new FakeWorkbookState();
  for (const s of book.sheets) {
    const c = new SheetState(s.name, s.id);
    Object.assign(c, {
      visibility: s.visibility,
      protectedSheet: s.protectedSheet,
      frozen: s.frozen,
    });
    for (const [k, d] of s.cells) c.cells.set(k, { ...d, font: { ...d.font } });
    c.names = new Map([...s.names].map(([k, v]) => [k, { ...v }]));
    c.conditionalFormats = s.conditionalFormats.map((cf) => ({ ...cf }));
    c.columnWidths = new Map(s.columnWidths);
    c.validations = new Map(s.validations);
    c.charts = s.charts.map((chart) => ({
      ...chart,
      position: chart.position && [...chart.position],
      series: new Map([...chart.series].map(([i, x]) => [i, { ...x }])),
    }));
    copy.sheets.push(c);
  }
  copy.names = new Map([...book.names].map(([k, v]) => [k, { ...v }]));
  copy.activeSheet = book.activeSheet;
  copy.customProperties = new Map(book.customProperties);
  return copy;
}

/**
 * Which command indexes of the write batch to fail: by default the first and the last command of
 * every kind of call, and the first three, the middle and the last three commands of the batch;
 * with FAULT_SWEEP=all in the environment, every index (about 3,100 per scenario, some minutes).
 */
function faultIndexes(kinds: readonly string[]): number[] {
  if (process.env.FAULT_SWEEP === "all") return kinds.map((_, i) => i + 1);
  const n = kinds.length;
  const picked = new Set([1, 2, 3, Math.ceil(n / 2), n - 2, n - 1, n]);
  for (const kind of new Set(kinds)) {
    picked.add(kinds.indexOf(kind) + 1);
    picked.add(kinds.lastIndexOf(kind) + 1);
  }
  return [...picked].filter((i) => i >= 1 && i <= n).sort((a, b) => a - b);
}

/**
 * Everything a load may touch: sheets (name, visibility, contents, number formats), names, and
 * the look (fonts, fills, column widths, frozen panes, conditional formats, lists, charts).
 */
function snapshot(book: FakeWorkbookState, { cells: withCells } = { cells: true }) {
  const cells = (s: SheetState) =>
    [...(withCells ? s.cells : [])]
      .filter(([, d]) => d.formula !== "" || d.numberFormat !== "General")
      .map(([k, d]) => `${k}=${JSON.stringify(d.formula)}|${d.numberFormat}`)
      .sort();
  const look = (s: SheetState) => ({
    styled: [...(withCells ? s.cells : [])]
      .filter(([, d]) => d.fill !== null || !plainFont(d.font))
      .map(([k, d]) => `${k}:${JSON.stringify(d.font)}|${d.fill}`)
      .sort(),
    widths: [...s.columnWidths].sort(([a], [b]) => a - b),
    frozen: s.frozen,
    conditionalFormats: s.conditionalFormats.map((cf) => JSON.stringify(cf)).sort(),
    validations: [...s.validations].map(([at, rule]) => `${at}:${JSON.stringify(rule)}`).sort(),
    charts: s.charts
      .map((c) => JSON.stringify({ ...c, series: [...c.series].sort(([a], [b]) => a - b) }))
      .sort(),
  });
  return {
    sheets: book.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: cells(s),
      look: look(s),
      names: [...s.names].sort(),
    })),
    names: [...book.names.entries()].sort(),
    // The workbook's load guard: a load that failed or backed off leaves none behind.
    properties: [...book.customProperties].sort(),
  };
}
const plainFont = (f: { color: string; bold: boolean; italic: boolean; size: number }) =>
  f.color === "#000000" && !f.bold && !f.italic && f.size === 11;
type Snapshot = ReturnType<typeof snapshot>;

/** A cell a snapshot shows: with contents, a number format, a fill or a font of its own. */
const shown = (d: CellData) =>
  d.formula !== "" || d.numberFormat !== "General" || d.fill !== null || !plainFont(d.font);

/**
 * Whether two workbooks' cells agree on everything a snapshot shows of them, compared in place:
 * a sweep compares hundreds of workbooks of thousands of cells, and sorting them into snapshots
 * for jest's deep equality is most of its time.
 */
function sameCells(a: FakeWorkbookState, b: FakeWorkbookState): boolean {
  const count = (s: SheetState) => [...s.cells.values()].filter(shown).length;
  const same = (d: CellData, e: CellData | undefined) =>
    e !== undefined &&
    e.formula === d.formula &&
    e.numberFormat === d.numberFormat &&
    e.fill === d.fill &&
    (["color", "bold", "italic", "size"] as const).every((k) => e.font[k] === d.font[k]);
  return (
    a.sheets.length === b.sheets.length &&
    a.sheets.every((s, i) => {
      const t = b.sheets[i];
      if (count(s) !== count(t)) return false;
      for (const [key, d] of s.cells) if (shown(d) && !same(d, t.cells.get(key))) return false;
      return true;
    })
  );
}

/** `book` is as `start` was (`before` is its snapshot); the diff of the snapshots if not. */
function expectUnchanged(
  label: string,
  book: FakeWorkbookState,
  start: FakeWorkbookState,
  before: Snapshot
): void {
  const rest = (x: FakeWorkbookState) => JSON.stringify(snapshot(x, { cells: false }));
  if (sameCells(book, start) && rest(book) === rest(start)) return;
  expect([label, snapshot(book)]).toEqual([label, before]);
}

/** The user's own cells, by sheet and address: they must survive every fault. */
type UserCells = [sheet: string, row: number, col: number, content: string | number][];

function typeUserCells(book: FakeWorkbookState, cells: UserCells): void {
  for (const [name, row, col, content] of cells) {
    let sheet = book.sheet(name);
    if (!sheet) book.sheets.push((sheet = new SheetState(name)));
    sheet.cell(row, col).formula = content;
  }
}

function expectUserCells(book: FakeWorkbookState, cells: UserCells, renamed = new Map()): void {
  for (const [name, row, col, content] of cells) {
    const sheet = book.sheet(renamed.get(name) ?? name);
    expect([name, row, col, sheet?.peek(row, col)?.formula]).toEqual([name, row, col, content]);
  }
}

/** The message says what happened (the load failed, and why) and what to do next. */
function expectPlainFailure(outcome: LoadOutcome): void {
  expect(outcome.ok).toBe(false);
  expect(outcome.message).toMatch(/^Load failed: .+\./);
  expect(outcome.message).toMatch(/An internal error has occurred \(injected\)/);
  expect(outcome.message).toMatch(/Nothing was changed|The previous sheet was restored/);
  expect(outcome.message).toMatch(/Load the quarter again/);
}

/** A workbook with a previous model (JPY millions) and the user's work around it. */
const USER_CELLS: UserCells = [
  [MODEL, 2, millions.columnCount + 2, "check with IR"],
  [MODEL, millions.rowCount + 4, 0, "My EBITDA bridge"],
  [MODEL, millions.rowCount + 4, 4, "=E20*1.1"],
  ["Notes", 0, 0, "my own sheet"],
  ["Notes", 4, 2, "=SUM('IIJ Model'!E10:E12)"],
];

let previousModel: FakeWorkbookState | undefined;

/** A copy of the same workbook each time: one load, then a copy per test. */
async function previousModelBook(): Promise<FakeWorkbookState> {
  if (!previousModel) {
    previousModel = new FakeWorkbookState();
    await load(previousModel, millions);
    typeUserCells(previousModel, USER_CELLS);
  }
  return cloneBook(previousModel);
}

async function emptyBook(): Promise<FakeWorkbookState> {
  const book = new FakeWorkbookState();
  typeUserCells(
    book,
    USER_CELLS.filter(([s]) => s === "Notes")
  );
  return book;
}

const scenarios: [string, () => Promise<FakeWorkbookState>, SheetPlan, (b: FakeWorkbookState) => void][] = [
  ["a reload in the same unit", previousModelBook, millions, () => {}],
  ["a reload in another unit", previousModelBook, thousands, () => {}],
  ["a first load", emptyBook, millions, () => {}],
  [
    "a reload where the user typed over a printed figure (the old sheet is kept)",
    previousModelBook,
    thousands,
    (b) => ((b.sheet(MODEL) as SheetState).cell(19, 4).formula = 9999),
  ],
  [
    "a load after the user renamed the model sheet (it keeps its own copies of the names)",
    previousModelBook,
    millions,
    (b) => ((b.sheet(MODEL) as SheetState).name = "Q1 model (mine)"),
  ],
]; // prettier-ignore

/** Every kind of call the write batches made, across the scenarios (checked at the end). */
const kindsFailed = new Set<string>();
const kindsSeen = new Set<string>();

describe.each(scenarios)("%s: the write sync failing at each kind of call", (_, setup, plan, prepare) => {
  let start: FakeWorkbookState;
  let kinds: string[];
  let before: Snapshot;

  beforeAll(async () => {
    start = await setup();
    prepare(start);
    before = snapshot(start);
    const run = await load(cloneBook(start), plan);
    expect(run.outcome.ok).toBe(true);
    kinds = run.kinds[1];
    kinds.forEach((k) => kindsSeen.add(k));
  });

  test("user cells intact, previous model intact, a message that says what to do", async () => {
    const users = start.sheet(MODEL) ? USER_CELLS : USER_CELLS.filter(([s]) => s !== MODEL);
    for (const failAt of faultIndexes(kinds)) {
      const book = cloneBook(start);
      const { outcome } = await load(book, plan, { atSync: 2, failAt });
      const label = `failing at write command ${failAt} of ${kinds.length} (${kinds[failAt - 1]})`;
      expect([label, outcome.ok]).toEqual([label, false]);
      expectPlainFailure(outcome);
      expectUserCells(book, users);
      expectUnchanged(label, book, start, before);
      kindsFailed.add(kinds[failAt - 1]);
    }
  });
}); // prettier-ignore

describe("a failed reload whose previous plan cannot be rebuilt", () => {
  const cases: [string, PlanFor | null][] = [
    ["no rebuilder", null],
    // A rebuilt plan that differs from the layout record, as after the data changed.
    ["a rebuilt plan unlike the one written", () => thousands],
  ];
  test.each(cases)("%s: contents and number formats come back, and the message says the formatting returns with the next load", async (_, planFor) => {
    for (const failAt of [1, 300, 1200]) {
      const book = await previousModelBook();
      const before = snapshot(book);
      const { outcome } = await load(book, thousands, { atSync: 2, failAt }, undefined, planFor);
      expect(outcome.ok).toBe(false);
      expect(outcome.message).toMatch(/The previous sheet's contents were restored; loading again redraws its formatting\. Load the quarter again/);
      expectUserCells(book, USER_CELLS);
      const contents = (x: Snapshot) => ({ names: x.names, cells: x.sheets.map((y) => [y.name, y.visibility, y.cells]) });
      expect(contents(snapshot(book))).toEqual(contents(before));
    }
  });
}); // prettier-ignore

describe("the restore's own writes failing too: the message says exactly what state the sheet is in", () => {
  const KINDS = ["range.formulas", "range.numberFormat", "range.clear(Formats)", "format.font.color", "conditionalFormats.add", "dataValidation.rule", "charts.add", "names.add", "worksheet.visibility"];
  // Values and formulas only: number formats are formatting.
  const contents = (x: Snapshot) => x.sheets.map((y) => [y.name, y.visibility, y.cells.map((c) => c.split("|")[0]).filter((c) => !c.endsWith('=""'))]);

  test.each(KINDS)("every %s refused from the write on", async (kind) => {
    const book = await previousModelBook();
    const before = snapshot(book);
    const context = new FakeRequestContext(book);
    context.faults.failKind(kind, { sync: 2, persistent: true });
    const outcome = await loadPlan(context as unknown as Excel.RequestContext, thousands, rebuild);
    expect(outcome.ok).toBe(false);
    expectUserCells(book, USER_CELLS);
    const after = snapshot(book);
    const message = outcome.message;
    if (/The previous sheet was restored\./.test(message)) expect(after).toEqual(before);
    else if (/contents were restored, but redrawing its formatting failed too|still holds the previous model's contents, unchanged/.test(message))
      expect(contents(after)).toEqual(contents(before));
    else {
      const differing = /differs from before the load in (\d+) cells/.exec(message);
      expect([kind, message, differing]).toEqual([kind, message, expect.anything()]);
      const model = (x: Snapshot) => new Set(x.sheets.find((y) => y.name === MODEL)?.cells);
      const [was, now] = [model(before), model(after)];
      const changed = new Set([...was].filter((c) => !now.has(c)).concat([...now].filter((c) => !was.has(c))).map((c) => c.split("=")[0]));
      expect(changed.size).toBe(Number(differing![1]));
    }
    // A load that failed leaves no guard behind: the next load is not blocked.
    expect(book.customProperties.size).toBe(0);
  });

  test("the contents refused again: the write (sync 2) and the restore's contents batch (sync 4) failed, its look batch did not", async () => {
    const book = await previousModelBook();
    const context = new FakeRequestContext(book);
    context.faults.failKind("range.formulas", { sync: 2, persistent: true });
    const outcome = await loadPlan(context as unknown as Excel.RequestContext, thousands, rebuild);
    expect(outcome.message).toMatch(/^Load failed: An internal error has occurred \(injected\)\. Putting the previous sheet back failed too \(.+\)\. "IIJ Model" still holds the previous model's contents, unchanged, and its formatting was redrawn\. Check it and the IIJ_ names before using them, then load the quarter again\.$/);
    expect(context.faults.fired.map((f) => f.sync)).toEqual([2, 4]);
  });
}); // prettier-ignore

test("every kind of call of the write was made to fail", () => {
  expect([...kindsFailed].sort()).toEqual([...kindsSeen].sort());
  expect(kindsSeen).toEqual(
    new Set([
      "application.suspendApiCalculation",
      // The write's re-read of the model sheet, before it writes (edits made since the read).
      "load",
      "worksheets.add",
      "chart.delete",
      "worksheet.names.add",
      "worksheet.name",
      "conditionalFormats.clearAll",
      "range.clear(Formats)",
      "range.formulas",
      "range.numberFormat",
      "format.font.color",
      "format.font.bold",
      "format.font.italic",
      "format.font.size",
      "format.fill.color",
      "format.columnWidth",
      "freezePanes.unfreeze",
      "freezePanes.freezeAt",
      "conditionalFormats.add",
      "names.delete",
      "names.add",
      "names.visible",
      "customProperty.delete",
      "worksheet.activate",
      "range.clear(Contents)",
      "worksheet.visibility",
      "dataValidation.clear",
      "dataValidation.rule",
      "charts.add",
      "chart.name",
      "chart.title",
      "chart.setPosition",
      "series.axisGroup",
      "series.lineStyle",
      // The print setup (write-print.ts).
      "pageLayout.orientation",
      "pageLayout.zoom",
      "pageLayout.printArea",
      "pageLayout.printTitleRows",
      "pageLayout.printTitleColumns",
      "pageLayout.footer",
    ])
  );
});

describe("the read sync failing", () => {
  test("at each of its commands: nothing changed, a plain message", async () => {
    const clean = await load(await previousModelBook(), thousands);
    const commands = clean.kinds[0].length;
    expect(commands).toBeGreaterThan(5);
    for (let failAt = 1; failAt <= commands; failAt++) {
      const book = await previousModelBook();
      const before = snapshot(book);
      const run = await load(book, thousands, { atSync: 1, failAt });
      expect([failAt, run.syncs, run.outcome.ok]).toEqual([failAt, 1, false]);
      expect(run.outcome.message).toMatch(/^Could not read the workbook: .+\. Nothing was changed\. Load the quarter again/);
      expect([failAt, snapshot(book)]).toEqual([failAt, before]);
    }
  }); // prettier-ignore
});

describe("protection", () => {
  test("a protected model sheet is not touched; the message says how to proceed", async () => {
    const book = await previousModelBook();
    (book.sheet(MODEL) as SheetState).protectedSheet = true;
    const before = snapshot(book);
    const { outcome, syncs } = await load(book, thousands);
    // The read, and the batch that gives back the workbook's guard the read took.
    expect(syncs).toBe(2);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/is protected\. Unprotect it \(Review > Unprotect Sheet\) and load again; nothing was changed\./);
    expect(snapshot(book)).toEqual(before);
  }); // prettier-ignore

  test("a sheet protected by the user during the load: the write is refused, nothing is half-written", async () => {
    const book = await previousModelBook();
    const before = snapshot(book);
    const { outcome } = await load(book, thousands, undefined, () => {
      (book.sheet(MODEL) as SheetState).protectedSheet = true;
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^Load failed: .*protected.*/);
    expectUserCells(book, USER_CELLS);
    expect(snapshot(book)).toEqual(before);
  });
});

describe("the user acting on sheets during the load", () => {
  test("our sheet renamed between the read and the write: the model follows it, the user's cells stay", async () => {
    const book = await previousModelBook();
    const { outcome } = await load(book, thousands, undefined, () => {
      (book.sheet(MODEL) as SheetState).name = "Q1 model (mine)";
    });
    expect(outcome.ok).toBe(true);
    expectUserCells(book, USER_CELLS, new Map([[MODEL, "Q1 model (mine)"]]));
    const renamed = book.sheet("Q1 model (mine)") as SheetState;
    expect(renamed.get("C4")).toBe("JPY thousands");
    expect(book.sheet(MODEL)).toBeUndefined();
  });

  test.each([1, 3, 10, 60, 200])(
    "our sheet renamed during the load, then the write failing at command %i: the user's cells stay",
    async (failAt) => {
      const book = await previousModelBook();
      const before = snapshot(book);
      const { outcome } = await load(book, thousands, { atSync: 2, failAt }, () => {
        (book.sheet(MODEL) as SheetState).name = "Q1 model (mine)";
      });
      expectPlainFailure(outcome);
      expectUserCells(book, USER_CELLS, new Map([[MODEL, "Q1 model (mine)"]]));
      const contents = (s: Snapshot) => s.sheets.map((x) => x.cells);
      expect(contents(snapshot(book))).toEqual(contents(before));
    }
  );

  test("another sheet renamed to ours during a first load: it is never overwritten nor deleted", async () => {
    const book = await emptyBook();
    const { outcome } = await load(book, millions, undefined, () => {
      (book.sheet("Notes") as SheetState).name = MODEL;
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/Load the quarter again/);
    expectUserCells(book, USER_CELLS.filter(([s]) => s === "Notes"), new Map([["Notes", MODEL]]));
    expect(book.sheets.map((s) => s.name)).toEqual([MODEL]);
  }); // prettier-ignore
});

describe("a sheet already named like ours that is not ours (no layout record)", () => {
  async function foreignBook(cells: UserCells): Promise<FakeWorkbookState> {
    const book = new FakeWorkbookState();
    typeUserCells(book, cells);
    return book;
  }
  const OVERLAPPING: UserCells = [
    [MODEL, 0, 0, "Budget 2001"],
    [MODEL, 9, 2, 1200],
    [MODEL, 20, 4, "=C10*2"],
  ];
  const APART: UserCells = [[MODEL, millions.rowCount + 10, millions.columnCount + 3, "far away"]];

  test("cells the model needs: the sheet is kept whole under another name, never overwritten", async () => {
    const book = await foreignBook(OVERLAPPING);
    const { outcome } = await load(book, millions);
    expect(outcome.ok).toBe(true);
    expect(outcome.keptSheet).toBe("IIJ Model (kept 1)");
    expect(outcome.message).toMatch(/the previous sheet is kept whole as "IIJ Model \(kept 1\)"/);
    expectUserCells(book, OVERLAPPING, new Map([[MODEL, "IIJ Model (kept 1)"]]));
    expect((book.sheet(MODEL) as SheetState).get("C4")).toBe("JPY millions");
  });

  test("cells apart from the model: they are the user's and are carried over untouched", async () => {
    const book = await foreignBook(APART);
    const { outcome } = await load(book, millions);
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/Kept 1 of your cells/);
    expectUserCells(book, APART);
  });

  test.each([1, 2, 3, 20, 100, 300])("and the write failing at command %i: the sheet is as it was", async (failAt) => {
    const book = await foreignBook(OVERLAPPING);
    const before = snapshot(book);
    const { outcome } = await load(book, millions, { atSync: 2, failAt });
    expectPlainFailure(outcome);
    expectUserCells(book, OVERLAPPING);
    expect(snapshot(book)).toEqual(before);
    expect(book.sheet(LAYOUT_SHEET_NAME)).toBeUndefined();
  }); // prettier-ignore
});

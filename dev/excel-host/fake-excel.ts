/**
 * A faithful fake of the few Excel JavaScript API objects the add-in uses, with Office.js's
 * batching semantics: property writes and method calls are queued and run in order at
 * `context.sync()`; a property read before it was loaded and synced throws, as in Excel; a failing
 * command stops the batch (earlier commands stay applied) and rejects the sync. The jest tests,
 * the benchmarks and the browser host double (double.ts) run on it. A context counts its syncs,
 * records the kinds of the commands of each, and fails commands on demand (`context.faults`,
 * faults.ts).
 */
import { columnLetters } from "../../src/sheet/plan-types";
import { calculate, noteChange, valuesOf } from "./calc";
import { type CustomXmlPartState, customXmlPartsOf } from "./fake-custom-xml";
import { Faults, InjectedFault } from "./faults";
import {
  type ArrayArea,
  type TableArea,
  arrayFlag,
  customPropertiesOf,
  inAddress,
  mergedAreasOf,
  tablesOf,
} from "./fake-sheet-extras";
import { pageLayoutOf, setRowHeights } from "./fake-page-layout";

type Value = string | number | boolean;

export interface CellData {
  formula: Value;
  /** A value a test sets (e.g. "#NAME?"), read instead of the computed one (calc.ts). */
  value?: Value;
  numberFormat: string;
  font: { color: string; bold: boolean; italic: boolean; size: number };
  fill: string | null;
  /** format.wrapText, once set (fake-page-layout.ts); cleared with the formats. */
  wrapText?: boolean;
}

function parseCol(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
}

const colName = columnLetters;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** A rectangle as Excel writes it: "B3" for a single cell, else "B3:D9". */
function rectAddress(r: Rect): string {
  const first = `${colName(r.c0)}${r.r0 + 1}`;
  const last = `${colName(r.c1)}${r.r1 + 1}`;
  return first === last ? first : `${first}:${last}`;
}

const WHOLE_SHEET: Rect = { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 };

/** A cell's row and column (0-based) from its key in `SheetState.cells` ("row,col"). */
const cellPositions = new Map<string, readonly [number, number]>();

function cellAt(key: string): readonly [number, number] {
  let at = cellPositions.get(key);
  if (!at) cellPositions.set(key, (at = key.split(",").map(Number) as [number, number]));
  return at;
}

/** Rectangles by address: a load runs thousands of commands on a few hundred addresses. */
const parsedAddresses = new Map<string, Rect>();

export function parseAddress(address: string): Rect {
  let rect = parsedAddresses.get(address);
  if (!rect) parsedAddresses.set(address, (rect = Object.freeze(parseNewAddress(address))));
  return rect;
}

function parseNewAddress(address: string): Rect {
  const [a, b] = address.replace(/\$/g, "").split(":");
  const one = (x: string) => {
    const m = /^([A-Z]+)(\d+)?$/.exec(x);
    if (!m) throw new FakeExcelError("InvalidArgument", `Bad address ${address}`);
    return { r: m[2] ? Number(m[2]) - 1 : -1, c: parseCol(m[1]) };
  };
  const p = one(a);
  const q = b ? one(b) : p;
  // A whole-column reference such as "A:A" has no row numbers.
  const r0 = p.r < 0 ? 0 : p.r;
  const r1 = q.r < 0 ? WHOLE_SHEET.r1 : q.r;
  return { r0, c0: p.c, r1, c1: q.c };
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

let nextSheetId = 1;

export interface FakeChartState {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: [string, string] | null;
  series: Map<number, { axisGroup?: string; lineStyle?: string }>;
}

/** A defined name: a range on a sheet (by id, so that it follows a rename, as in Excel). */
export interface NameState {
  sheetId: string;
  address: string;
  comment: string;
  /** NamedItem.visible: false hides the name from Name Manager and formula autocomplete. */
  visible?: boolean;
}

export class SheetState {
  cells = new Map<string, CellData>();
  /** Names scoped to this sheet (Worksheet.names), which its own formulas see before the workbook's. */
  names = new Map<string, NameState>();
  visibility = "Visible";
  protectedSheet = false;
  frozen: string | null = null;
  conditionalFormats: { address: string; rule: unknown; font: string; fill: string }[] = [];
  columnWidths = new Map<number, number>();
  validations = new Map<string, unknown>();
  charts: FakeChartState[] = [];
  /** Merged areas ("D5:E5"), tables and array formulas, as tests set them (fake-sheet-extras.ts). */
  merged: string[] = [];
  tables: TableArea[] = [];
  arrays: ArrayArea[] = [];
  /**
   * @param id Excel's stable worksheet id (a GUID there), unchanged by a rename; a copy of a
   * workbook passes the original's.
   */
  constructor(
    public name: string,
    readonly id = `{sheet-${nextSheetId++}}`
  ) {}

  cell(r: number, c: number): CellData {
    const key = `${r},${c}`;
    let d = this.cells.get(key);
    if (!d) {
      d = {
        formula: "",
        numberFormat: "General",
        font: { color: "#000000", bold: false, italic: false, size: 11 },
        fill: null,
      };
      this.cells.set(key, d);
    }
    return d;
  }

  peek(r: number, c: number): CellData | undefined {
    return this.cells.get(`${r},${c}`);
  }

  /** The value at an address, as the tests inspect it. */
  get(address: string): Value {
    const { r0, c0 } = parseAddress(address);
    return this.peek(r0, c0)?.formula ?? "";
  }

  used(): Rect | null {
    let [r0, c0, r1, c1] = [Infinity, Infinity, -1, -1];
    for (const [key, d] of this.cells) {
      if (d.formula === "") continue;
      const [r, c] = cellAt(key);
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
}

export class FakeWorkbookState {
  sheets: SheetState[] = [];
  names = new Map<string, NameState>();
  calculationSuspended = 0;
  activeSheet: string | null = null;
  /** The user's selection: its sheet and address; the active cell is its top-left cell. */
  selection: { sheet: string; address: string } | null = null;
  /** What Application.calculate does here; tests supply the evaluation they need. */
  calculate: ((type: string) => void) | null = null;
  calculations: string[] = [];
  /** workbook.properties.custom (fake-sheet-extras.ts). */
  customProperties = new Map<string, string | number | boolean>();
  /** workbook.customXmlParts (fake-custom-xml.ts). */
  customXmlParts: CustomXmlPartState[] = [];
  /** Handlers registered with workbook.onSelectionChanged; tests call `selectionChanged()`. */
  selectionHandlers: (() => Promise<unknown> | void)[] = [];

  async selectionChanged(): Promise<void> {
    for (const handler of this.selectionHandlers) await handler();
  }

  /** A sheet by name, compared case-insensitively as Excel compares sheet names. */
  sheet(name: string): SheetState | undefined {
    const key = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === key);
  }

  /** What NamedItem.formula reads: "='Sheet name'!$C$2", or "=#REF!" once the sheet is gone. */
  nameFormula(name: NameState): string {
    const sheet = this.sheets.find((s) => s.id === name.sheetId);
    return sheet ? `=${quoteSheet(sheet.name)}!${name.address}` : "=#REF!";
  }
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** A name's target given as a range, or as a reference formula ("='IIJ Model'!$C$5"). */
function nameTarget(book: FakeWorkbookState, ref: FakeRange | string): NameState {
  if (typeof ref !== "string") {
    const range = ref as unknown as { rectFor(): string; referencedSheet(): SheetState };
    return { sheetId: range.referencedSheet().id, address: range.rectFor(), comment: "" };
  }
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  const sheet = m && book.sheet((m[1] ?? m[2]).replace(/''/g, "'"));
  if (!m || !sheet) throw new FakeExcelError("InvalidArgument", `Bad reference ${ref}`);
  return { sheetId: sheet.id, address: m[3], comment: "" };
}

/** A names collection (the workbook's, or a worksheet's) over `names`, with Office.js batching. */
function nameCollection(
  q: Queue,
  book: FakeWorkbookState,
  names: () => Map<string, NameState>,
  kind: string
) {
  let items: { name: string; formula: string; comment: string; visible: boolean }[] | null = null;
  return {
    load: (props: string) => {
      void props;
      q.push(
        () =>
          (items = [...names()].map(([name, n]) => ({
            name,
            formula: book.nameFormula(n),
            comment: n.comment,
            visible: n.visible ?? true,
          }))),
        `${kind}.load`
      );
    },
    get items() {
      if (!items) throw new FakeExcelError("PropertyNotLoaded", `${kind}.items`);
      return items;
    },
    add: (name: string, ref: FakeRange | string, comment = "") => {
      q.push(() => {
        if (names().has(name))
          throw new FakeExcelError("ItemAlreadyExists", `The name ${name} already exists`);
        names().set(name, { ...nameTarget(book, ref), comment });
      }, `${kind}.add`);
      return namedItem(q, book, names, name, kind);
    },
    getItem: (name: string) => namedItem(q, book, names, name, kind),
    getItemOrNullObject: (name: string) => namedItem(q, book, names, name, kind),
  };
}

/** A NamedItem of a names collection, resolved when its batch runs, as in Excel. */
function namedItem(
  q: Queue,
  book: FakeWorkbookState,
  names: () => Map<string, NameState>,
  name: string,
  kind: string
) {
  const target = () => names().get(name);
  const sheet = () => book.sheets.find((s) => s.id === target()?.sheetId);
  let found: boolean | null = null;
  return {
    load: (props?: string) => {
      void props;
      q.push(() => (found = target() !== undefined), "load");
    },
    get isNullObject(): boolean {
      if (found === null) throw new FakeExcelError("PropertyNotLoaded", `${kind} isNullObject`);
      return !found;
    },
    // A null range when the name is missing or its sheet is gone.
    getRangeOrNullObject: () =>
      new FakeRange(q, sheet, () => {
        const t = target();
        return t && sheet() ? parseAddress(t.address) : null;
      }),
    set visible(value: boolean) {
      q.push(() => {
        const t = target();
        if (!t) throw new FakeExcelError("ItemNotFound", name);
        t.visible = value;
      }, `${kind}.visible`);
    },
    delete: () =>
      q.push(() => {
        if (!names().delete(name)) throw new FakeExcelError("ItemNotFound", name);
      }, `${kind}.delete`),
  };
}

class Queue {
  commands: (() => void)[] = [];
  /** What each queued command is (e.g. "range.formulas"), in the order queued. */
  kinds: string[] = [];
  syncs = 0;
  commandsRun = 0;
  /** The kinds of the commands of each sync, in order, whether or not the batch failed. */
  readonly batches: string[][] = [];

  /** @param book The workbook the commands run on: its calculation (calc.ts) follows them. */
  constructor(
    private readonly faults: Faults,
    readonly book?: FakeWorkbookState
  ) {}

  push(command: () => void, kind = "other"): void {
    this.commands.push(command);
    this.kinds.push(kind);
  }

  async sync(): Promise<void> {
    const sync = ++this.syncs;
    const batch = this.commands;
    const kinds = this.kinds;
    this.commands = [];
    this.kinds = [];
    this.batches.push(kinds);
    const failAt = this.faults.failureIn(sync, kinds);
    // Cells may have changed since the last sync (a test, the preview typing): values recalculate.
    noteChange(this.book);
    try {
      for (let i = 0; i < batch.length; i++) {
        if (i + 1 === failAt) throw new InjectedFault(kinds[i]);
        batch[i]();
        if (kinds[i] !== "load") noteChange(this.book);
        this.commandsRun++;
      }
    } finally {
      this.faults.synced(sync);
    }
  }
}

/** Loaded-property bookkeeping shared by the proxies. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected queue: Queue) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Call load() and sync() first.`
      );
    return this.loaded.get(prop) as T;
  }
}

/** Queues a command of this kind that changes every cell of a range. */
type EachCell = (kind: string, fn: (d: CellData) => void) => void;

/** Range.format.font: each property set queues a command over the range's cells. */
class FakeFont {
  constructor(private readonly each: EachCell) {}
  set color(v: string) {
    this.each("format.font.color", (d) => (d.font.color = v));
  }
  set bold(v: boolean) {
    this.each("format.font.bold", (d) => (d.font.bold = v));
  }
  set italic(v: boolean) {
    this.each("format.font.italic", (d) => (d.font.italic = v));
  }
  set size(v: number) {
    this.each("format.font.size", (d) => (d.font.size = v));
  }
}

/** Range.format.fill. */
class FakeFill {
  constructor(private readonly each: EachCell) {}
  clear(): void {
    this.each("format.fill.clear", (d) => (d.fill = null));
  }
  set color(v: string) {
    this.each("format.fill.color", (d) => (d.fill = v));
  }
}

/** Range.format: its font, its fill, wrapping, and the width of its columns and height of its rows. */
class FakeRangeFormat {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  constructor(
    private readonly each: EachCell,
    private readonly setWidth: (points: number) => void,
    private readonly setHeight: (points: number) => void
  ) {
    this.font = new FakeFont(each);
    this.fill = new FakeFill(each);
  }
  set columnWidth(points: number) {
    this.setWidth(points);
  }
  set rowHeight(points: number) {
    this.setHeight(points);
  }
  set wrapText(on: boolean) {
    this.each("format.wrapText", (d) => (d.wrapText = on));
  }
}

type RangeValidation = { clear(): void; rule: unknown };
type RangeConditionalFormats = {
  clearAll(): void;
  add(type: string): {
    cellValue: {
      format: { font: Record<string, unknown>; fill: Record<string, unknown> };
      rule: unknown;
    };
  };
};

class FakeRange extends Proxy {
  // Built on first use: most ranges only read or write values, and a load makes thousands.
  private formatProxy?: FakeRangeFormat;
  private validationProxy?: RangeValidation;
  private conditionalFormatsProxy?: RangeConditionalFormats;

  constructor(
    queue: Queue,
    private readonly sheetOf: () => SheetState | undefined,
    private readonly rect: () => Rect | null
  ) {
    super(queue);
  }

  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(
      (kind, fn) =>
        this.queue.push(() => {
          const s = this.mustSheet();
          const r = this.mustRect();
          for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) fn(s.cell(i, j));
        }, kind),
      (points) =>
        this.queue.push(() => {
          const r = this.mustRect();
          for (let c = r.c0; c <= r.c1; c++) this.mustSheet().columnWidths.set(c, points);
        }, "format.columnWidth"),
      (points) =>
        this.queue.push(
          () => setRowHeights(this.mustSheet(), this.mustRect(), points),
          "format.rowHeight"
        )
    );
    return this.formatProxy;
  }

  /** Where the range is when its batch runs, for fake-sheet-extras.ts. */
  private readonly where = () => {
    const sheet = this.sheetOf();
    const rect = sheet ? this.rect() : null;
    return sheet && rect ? { sheet, rect } : null;
  };

  getMergedAreasOrNullObject() {
    return mergedAreasOf(this.queue, this.where);
  }

  getTables(fullyContained = false) {
    return tablesOf(this.queue, this.where, fullyContained);
  }

  get hasSpill(): boolean | null {
    return this.read("hasSpill");
  }
  get savedAsArray(): boolean | null {
    return this.read("savedAsArray");
  }

  get conditionalFormats(): RangeConditionalFormats {
    if (this.conditionalFormatsProxy) return this.conditionalFormatsProxy;
    const queue = this.queue;
    this.conditionalFormatsProxy = {
      // Clears the conditional formats that touch this range (Excel trims those that reach
      // beyond it; the double drops them, which the writer re-adds where they are its own).
      clearAll: () =>
        queue.push(() => {
          const s = this.mustSheet();
          const r = this.mustRect();
          s.conditionalFormats = s.conditionalFormats.filter((cf) => {
            const o = parseAddress(cf.address);
            return o.r1 < r.r0 || o.r0 > r.r1 || o.c1 < r.c0 || o.c0 > r.c1;
          });
        }, "conditionalFormats.clearAll"),
      add: (type: string) => {
        if (type !== "CellValue") throw new FakeExcelError("InvalidArgument", type);
        const cf = {
          cellValue: {
            format: { font: {} as Record<string, unknown>, fill: {} as Record<string, unknown> },
            rule: undefined as unknown,
          },
        };
        queue.push(() => {
          const r = this.mustRect();
          this.mustSheet().conditionalFormats.push({
            address: `${colName(r.c0)}${r.r0 + 1}:${colName(r.c1)}${r.r1 + 1}`,
            rule: cf.cellValue.rule,
            font: String(cf.cellValue.format.font.color),
            fill: String(cf.cellValue.format.fill.color),
          });
        }, "conditionalFormats.add");
        return cf;
      },
    };
    return this.conditionalFormatsProxy;
  }

  get dataValidation(): RangeValidation {
    if (this.validationProxy) return this.validationProxy;
    const queue = this.queue;
    const where = () => rectAddress(this.mustRect());
    const validation = {
      // Clears every validation on a cell of this range, as Excel does.
      clear: () =>
        queue.push(() => {
          const s = this.mustSheet();
          const r = this.mustRect();
          for (const at of [...s.validations.keys()]) {
            const v = parseAddress(at);
            if (v.r0 <= r.r1 && v.r1 >= r.r0 && v.c0 <= r.c1 && v.c1 >= r.c0)
              s.validations.delete(at);
          }
        }, "dataValidation.clear"),
    } as RangeValidation;
    Object.defineProperty(validation, "rule", {
      set: (rule: unknown) =>
        queue.push(() => {
          const s = this.mustSheet();
          if (s.validations.has(where()))
            throw new FakeExcelError(
              "InvalidOperation",
              "Clear the existing data validation first"
            );
          s.validations.set(where(), rule);
        }, "dataValidation.rule"),
    });
    return (this.validationProxy = validation);
  }

  /** The sheet a name refers to: defining a name is not a write to the sheet, protected or not. */
  referencedSheet(): SheetState {
    const s = this.sheetOf();
    if (!s) throw new FakeExcelError("InvalidReference", "The worksheet does not exist");
    return s;
  }

  /** The sheet a write goes to; a protected sheet refuses writes, as in Excel. */
  private mustSheet(): SheetState {
    const s = this.sheetOf();
    if (!s) throw new FakeExcelError("ItemNotFound", "The worksheet does not exist");
    if (s.protectedSheet)
      throw new FakeExcelError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet"
      );
    return s;
  }

  private mustRect(): Rect {
    const r = this.rect();
    if (!r) throw new FakeExcelError("ItemNotFound", "Null range");
    return r;
  }

  private setGrid(grid: unknown, apply: (d: CellData, v: Value) => void, kind: string): void {
    this.queue.push(() => {
      const r = this.mustRect();
      const rows = r.r1 - r.r0 + 1;
      const cols = r.c1 - r.c0 + 1;
      const g = grid as Value[][];
      if (
        !Array.isArray(g) ||
        g.length !== rows ||
        g.some((line) => !Array.isArray(line) || line.length !== cols)
      ) {
        throw new FakeExcelError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`
        );
      }
      const s = this.mustSheet();
      // null in a 2-D array leaves that cell as it is, as Office.js documents.
      g.forEach((line, i) =>
        line.forEach((v, j) => v !== null && apply(s.cell(r.r0 + i, r.c0 + j), v))
      );
    }, kind);
  }

  set formulas(grid: Value[][]) {
    this.setGrid(grid, (d, v) => (d.formula = v), "range.formulas");
  }
  get formulas(): Value[][] {
    return this.read("formulas");
  }
  set numberFormat(grid: Value[][]) {
    this.setGrid(grid, (d, v) => (d.numberFormat = String(v)), "range.numberFormat");
  }
  get numberFormat(): Value[][] {
    return this.read("numberFormat");
  }
  get address(): string {
    return this.read("address");
  }
  get values(): Value[][] {
    return this.read("values");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.queue.push(() => {
      const s = this.mustSheet();
      const r = this.mustRect();
      const area = (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
      const targets: CellData[] = [];
      if (area <= s.cells.size) {
        for (let i = r.r0; i <= r.r1; i++)
          for (let j = r.c0; j <= r.c1; j++) {
            const d = s.peek(i, j);
            if (d) targets.push(d);
          }
      } else {
        for (const [key, d] of s.cells) {
          const [i, j] = cellAt(key);
          if (i >= r.r0 && i <= r.r1 && j >= r.c0 && j <= r.c1) targets.push(d);
        }
      }
      for (const d of targets) {
        if (applyTo !== "Formats") d.formula = "";
        if (applyTo !== "Contents") {
          d.numberFormat = "General";
          d.font = { color: "#000000", bold: false, italic: false, size: 11 };
          d.fill = null;
          delete d.wrapText;
        }
      }
    }, `range.clear(${applyTo})`);
  }

  load(props: string): this {
    const wanted = props.split(",").map((p) => p.trim());
    this.queue.push(() => {
      const s = this.sheetOf();
      const r = s ? this.rect() : null;
      this.loaded.set("isNullObject", !r);
      if (!s || !r) return;
      const block = (f: (d: CellData | undefined) => Value) => {
        const rows: Value[][] = [];
        for (let i = r.r0; i <= r.r1; i++) {
          const row: Value[] = [];
          for (let j = r.c0; j <= r.c1; j++) row.push(f(s.peek(i, j)));
          rows.push(row);
        }
        return rows;
      };
      for (const p of wanted) {
        if (p === "formulas")
          this.loaded.set(
            p,
            block((d) => d?.formula ?? "")
          );
        // Computed as Excel would (calc.ts), lazily: the engine catches up once per read.
        else if (p === "values") this.loaded.set(p, valuesOf(this.queue.book, s, r));
        else if (p === "hasSpill" || p === "savedAsArray") this.loaded.set(p, arrayFlag(s, r, p));
        else if (p === "rowCount") this.loaded.set(p, r.r1 - r.r0 + 1);
        else if (p === "columnCount") this.loaded.set(p, r.c1 - r.c0 + 1);
        else if (p === "numberFormat")
          this.loaded.set(
            p,
            block((d) => d?.numberFormat ?? "General")
          );
        else if (p === "address") this.loaded.set(p, `${inAddress(s.name)}!${rectAddress(r)}`);
      }
    }, "load");
    return this;
  }
}

class FakeWorksheet extends Proxy {
  readonly protection: { protected: boolean };
  readonly freezePanes: { unfreeze(): void; freezeAt(range: FakeRange): void };

  constructor(
    queue: Queue,
    private readonly book: FakeWorkbookState,
    private readonly find: () => SheetState | undefined
  ) {
    super(queue);
    const self = this;
    this.protection = {
      get protected() {
        return self.read<boolean>("protection/protected");
      },
    };
    this.freezePanes = {
      unfreeze: () => queue.push(() => (this.must().frozen = null), "freezePanes.unfreeze"),
      freezeAt: (range: FakeRange) =>
        queue.push(() => {
          this.must().frozen = (range as unknown as { rectFor(): string }).rectFor();
        }, "freezePanes.freezeAt"),
    };
  }

  private must(): SheetState {
    const s = this.find();
    if (!s) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
    return s;
  }

  /** Marks properties as loaded, as a collection's `load("items/...")` does for its items. */
  preloaded(values: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
    return this;
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  set name(value: string) {
    this.queue.push(() => {
      // Case-insensitively, as Excel compares names; a sheet may change the case of its own.
      const other = this.book.sheet(value);
      if (other && other !== this.must())
        throw new FakeExcelError("InvalidArgument", `A sheet named ${value} already exists`);
      this.must().name = value;
    }, "worksheet.name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.queue.push(() => (this.must().visibility = value), "worksheet.visibility");
  }

  getRange(address?: string): FakeRange {
    const range = new FakeRange(
      this.queue,
      () => this.find(),
      () => (address ? parseAddress(address) : WHOLE_SHEET)
    );
    (range as unknown as { rectFor(): string }).rectFor = () => address ?? "";
    return range;
  }

  private sheetNames?: ReturnType<typeof nameCollection>;
  /** Names scoped to this sheet (one collection object per worksheet object, as in Office.js). */
  get names() {
    this.sheetNames ??= nameCollection(
      this.queue,
      this.book,
      () => this.must().names,
      "worksheet.names"
    );
    return this.sheetNames;
  }

  get charts() {
    const q = this.queue;
    const sheet = () => this.find();
    let items: { name: string; delete(): void }[] | null = null;
    const deleteByName = (name: string) =>
      q.push(() => {
        const s = sheet();
        if (!s || !s.charts.some((c) => c.name === name))
          throw new FakeExcelError("ItemNotFound", `No chart ${name}`);
        s.charts = s.charts.filter((c) => c.name !== name);
      }, "chart.delete");
    return {
      load: (props: string) => {
        void props;
        q.push(
          () =>
            (items = (sheet()?.charts ?? []).map((c) => ({
              name: c.name,
              delete: () => deleteByName(c.name),
            }))),
          "charts.load"
        );
      },
      get items() {
        if (!items) throw new FakeExcelError("PropertyNotLoaded", "charts.items");
        return items;
      },
      getItem: (name: string) => ({ delete: () => deleteByName(name) }),
      add: (type: string, source: FakeRange, seriesBy: string) => {
        const state: FakeChartState = {
          name: "",
          type,
          source: (source as unknown as { rectFor(): string }).rectFor(),
          seriesBy,
          title: "",
          position: null,
          series: new Map(),
        };
        q.push(() => {
          const s = sheet();
          if (!s) throw new FakeExcelError("ItemNotFound", "The worksheet does not exist");
          state.name = `Chart ${s.charts.length + 1}`;
          s.charts.push(state);
        }, "charts.add");
        const seriesAt = (i: number) => {
          const entry = () =>
            state.series.get(i) ?? (state.series.set(i, {}), state.series.get(i)!);
          const proxy = { format: { line: {} as Record<string, unknown> } } as Record<
            string,
            unknown
          > & { format: { line: Record<string, unknown> } };
          Object.defineProperty(proxy, "axisGroup", {
            set: (v: string) => q.push(() => (entry().axisGroup = v), "series.axisGroup"),
          });
          Object.defineProperty(proxy.format.line, "lineStyle", {
            set: (v: string) => q.push(() => (entry().lineStyle = v), "series.lineStyle"),
          });
          return proxy;
        };
        const chart = {
          title: {} as Record<string, unknown>,
          series: { getItemAt: seriesAt },
          setPosition: (from: string, to: string) =>
            q.push(() => (state.position = [from, to]), "chart.setPosition"),
        } as Record<string, unknown> & { title: Record<string, unknown> };
        Object.defineProperty(chart, "name", {
          set: (v: string) => q.push(() => (state.name = v), "chart.name"),
        });
        Object.defineProperty(chart.title, "text", {
          set: (v: string) => q.push(() => (state.title = v), "chart.title"),
        });
        return chart;
      },
    };
  }

  /** How the sheet prints (fake-page-layout.ts). */
  get pageLayout() {
    return pageLayoutOf(this.queue, () => this.must());
  }

  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.queue,
      () => this.find(),
      () => this.find()?.used() ?? null
    );
  }

  activate(): void {
    this.queue.push(() => (this.book.activeSheet = this.must().name), "worksheet.activate");
  }

  delete(): void {
    this.queue.push(() => {
      const s = this.find();
      if (s) this.book.sheets = this.book.sheets.filter((x) => x !== s);
    }, "worksheet.delete");
  }

  load(props: string): this {
    const wanted = props.split(",").map((p) => p.trim());
    this.queue.push(() => {
      const s = this.find();
      this.loaded.set("isNullObject", !s);
      if (!s) return;
      for (const p of wanted) {
        if (p === "name") this.loaded.set("name", s.name);
        if (p === "id") this.loaded.set("id", s.id);
        if (p === "visibility") this.loaded.set(p, s.visibility);
        if (p === "protection/protected") this.loaded.set(p, s.protectedSheet);
      }
    }, "load");
    return this;
  }
}

export class FakeRequestContext {
  /** Fault injection for this context's syncs (faults.ts). */
  readonly faults: Faults;
  readonly queue: Queue;
  readonly workbook: {
    worksheets: {
      getItemOrNullObject(name: string): FakeWorksheet;
      getItem(nameOrId: string): FakeWorksheet;
      getActiveWorksheet(): FakeWorksheet;
      add(name: string): FakeWorksheet;
      load(props: string): void;
      items: FakeWorksheet[];
    };
    names: ReturnType<typeof nameCollection>;
    properties: { custom: ReturnType<typeof customPropertiesOf> };
    customXmlParts: ReturnType<typeof customXmlPartsOf>;
    application: { suspendApiCalculationUntilNextSync(): void; calculate(type: string): void };
    getSelectedRange(): FakeRange;
    getActiveCell(): FakeRange;
    onSelectionChanged: { add(handler: () => Promise<unknown> | void): { remove(): void } };
  };

  constructor(readonly book: FakeWorkbookState) {
    this.faults = new Faults(book);
    const q = (this.queue = new Queue(this.faults, book));
    let sheetItems: FakeWorksheet[] | null = null;
    const byNameAtRun = (name: string) => {
      // A handle follows its sheet through a rename, as in Excel: bind on first use. Excel's
      // getItem takes a sheet's name or its id.
      let bound: SheetState | undefined;
      let looked = false;
      return () => {
        if (!looked || (bound && !book.sheets.includes(bound))) {
          bound = book.sheet(name) ?? book.sheets.find((s) => s.id === name);
          looked = true;
        }
        return bound && book.sheets.includes(bound) ? bound : undefined;
      };
    };
    this.workbook = {
      worksheets: {
        getItemOrNullObject: (name) => new FakeWorksheet(q, book, byNameAtRun(name)),
        // The sheet of the active cell (or the active sheet), bound when the batch runs.
        getActiveWorksheet: () =>
          new FakeWorksheet(q, book, () =>
            book.sheet(book.selection?.sheet ?? book.activeSheet ?? "")
          ),
        getItem: (name) => {
          const find = byNameAtRun(name);
          return new FakeWorksheet(q, book, find);
        },
        add: (name) => {
          let created: SheetState | undefined;
          q.push(() => {
            if (book.sheet(name))
              throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists`);
            created = new SheetState(name);
            book.sheets.push(created);
          }, "worksheets.add");
          return new FakeWorksheet(q, book, () => created);
        },
        // Items are worksheet objects, as in Excel, with their name and id loaded.
        load: () =>
          q.push(
            () =>
              (sheetItems = book.sheets.map((s) =>
                new FakeWorksheet(q, book, () =>
                  book.sheets.includes(s) ? s : undefined
                ).preloaded({ name: s.name, id: s.id, visibility: s.visibility })
              ))
          ),
        get items() {
          if (!sheetItems) throw new FakeExcelError("PropertyNotLoaded", "worksheets.items");
          return sheetItems;
        },
      },
      names: nameCollection(q, book, () => book.names, "names"),
      properties: { custom: customPropertiesOf(q, book.customProperties) },
      customXmlParts: customXmlPartsOf(q, book.customXmlParts),
      application: {
        suspendApiCalculationUntilNextSync: () =>
          q.push(() => book.calculationSuspended++, "application.suspendApiCalculation"),
        calculate: (type: string) =>
          q.push(() => {
            book.calculations.push(type);
            calculate(book, type);
            book.calculate?.(type);
          }, "application.calculate"),
      },
      getSelectedRange: () => this.selectionRange(false),
      onSelectionChanged: {
        add: (handler) => {
          q.push(() => book.selectionHandlers.push(handler), "workbook.onSelectionChanged.add");
          return {
            remove: () =>
              q.push(
                () =>
                  (book.selectionHandlers = book.selectionHandlers.filter((h) => h !== handler)),
                "remove"
              ),
          };
        },
      },
      getActiveCell: () => this.selectionRange(true),
    };
  }

  /** The selected range (or its top-left cell), bound when the batch runs, as Excel does. */
  private selectionRange(activeCellOnly: boolean): FakeRange {
    const book = this.book;
    const where = () => {
      if (!book.selection) throw new FakeExcelError("ItemNotFound", "Nothing is selected");
      const rect = parseAddress(book.selection.address);
      return activeCellOnly ? { ...rect, r1: rect.r0, c1: rect.c0 } : rect;
    };
    return new FakeRange(
      this.queue,
      () => book.sheet(book.selection?.sheet ?? ""),
      () => (book.selection ? where() : null)
    );
  }

  sync(): Promise<void> {
    return this.queue.sync();
  }
}

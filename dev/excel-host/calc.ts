/**
 * The Excel double calculates: a HyperFormula engine mirrors the fake workbook (fake-excel.ts) so
 * that `range.values` reads what Excel would compute, not the formula text. Development only: the
 * jest tests, the benchmarks, the end-to-end tests and the local preview use it; it is never in
 * dist/ or the add-in's bundle.
 *
 * Why HyperFormula (3.5.0, GPL-3.0-only, used under its `licenseKey: "gpl-v3"`): it is the field's
 * spreadsheet engine, with Excel's semantics for what the model sheet writes (workbook- and
 * sheet-scoped names, cross-sheet references, IF/OR/SUM/AVERAGE/ROUND/ABS/NA, empty cells,
 * errors), its own dependency graph (an edit recalculates only what depends on it) and function
 * plugins, so `=IIJ.*` calls the registered custom functions. fast-formula-parser (MIT) would
 * need our own dependency walk and our own name scoping, which is where a double would drift from
 * Excel. The GPL is acceptable only because nothing here is distributed: the production build
 * (`npm run build`, dist/: the add-in and the CLI) never includes dev/, and tests/e2e checks that
 * dist/ holds none of it; the double's bundles (tmp/dev-tools, `npm start`) stay on the developer's
 * machine.
 *
 * Lazy: the fake marks the engine stale (`noteChange`) when a sync starts and after each command
 * that may write; the next read of values brings the engine up to date once, by comparing the
 * workbook with the copy the engine holds: changed cells are set in one batch (HyperFormula then
 * recalculates their dependents), a change of sheets or names rebuilds it. A workbook whose
 * values are never read never builds an engine, so loads (bench, fault injection) cost nothing more.
 */
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type {
  ConfigParams,
  ImplementedFunctions,
  RawCellContent,
  SerializedNamedExpression,
} from "hyperformula";
import { FakeCustomFunctionsError } from "./custom-functions";
import type { CellData, FakeWorkbookState, NameState, SheetState } from "./fake-excel";

type Value = string | number | boolean;

/** The add-in's custom functions' namespace (manifest.xml): `=IIJ.INCOME(...)`. */
const NAMESPACE = "IIJ";

/** A custom function as Excel's runtime holds it: called with plain values, omitted ones null. */
export type CustomFunction = (...args: unknown[]) => unknown;

/** Where the engine finds the custom functions a page (or a test) registered. */
export interface CustomFunctionSource {
  /** The function registered under `id` (e.g. "INCOME", without the namespace), if any. */
  find(id: string): CustomFunction | undefined;
  /** Changes whenever the set of registered functions does, so results are recomputed. */
  fingerprint(): string;
}

/** What office.js keeps for `CustomFunctions.associate`: functions by upper-cased id. */
type Mappings = Record<string, unknown>;
type CustomFunctionsGlobal = {
  _association?: { mappings?: Mappings };
  Error?: unknown;
  ErrorCode?: unknown;
};

/**
 * The error codes of Excel's custom-functions runtime (`CustomFunctions.ErrorCode`), which
 * office.js loads only inside Excel: outside it a page's functions could not build their errors.
 */
const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

function customFunctionsOf(scope: unknown): CustomFunctionsGlobal | undefined {
  try {
    return (scope as { CustomFunctions?: CustomFunctionsGlobal })?.CustomFunctions;
  } catch {
    return undefined; // a frame of another origin
  }
}

/**
 * This realm's `CustomFunctions` (office.js's, or the Node stub with associate-functions.ts), then
 * each same-origin frame's: in the preview the pane runs in a frame and registers the functions
 * there, beside the grid's page that holds the double. Each gets the runtime's error API if it
 * lacks it, as Excel's runtime provides it, so that a function's error reaches the cell as Excel's.
 */
function registries(): { registry: CustomFunctionsGlobal; mappings: Mappings }[] {
  const frames = (globalThis as { frames?: Window & { length: number } }).frames;
  const scopes: unknown[] = [globalThis];
  for (let i = 0; frames && i < frames.length; i++) scopes.push(frames[i]);
  const found: { registry: CustomFunctionsGlobal; mappings: Mappings }[] = [];
  for (const scope of scopes) {
    const registry = customFunctionsOf(scope);
    const mappings = registry?._association?.mappings;
    if (!registry || !mappings || found.some((f) => f.mappings === mappings)) continue;
    registry.Error ??= FakeCustomFunctionsError;
    registry.ErrorCode ??= ERROR_CODES;
    found.push({ registry, mappings });
  }
  return found;
}

/** The functions registered with `CustomFunctions.associate`, in this realm and its frames. */
export const registeredCustomFunctions: CustomFunctionSource = {
  find(id) {
    for (const { mappings } of registries()) {
      const fn = Object.prototype.hasOwnProperty.call(mappings, id) ? mappings[id] : undefined;
      if (typeof fn === "function") return fn as CustomFunction;
    }
    return undefined;
  },
  fingerprint: () =>
    registries()
      .map(({ mappings }) => Object.keys(mappings).sort().join(","))
      .join(";"),
};

/** The source the engine being evaluated uses: HyperFormula calls plugins synchronously. */
let activeSource: CustomFunctionSource = registeredCustomFunctions;

const ERROR_TYPES: Record<string, ErrorType> = {
  "#N/A": ErrorType.NA,
  "#VALUE!": ErrorType.VALUE,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

/** A value a custom function returned or threw, as the engine's cell value. */
function toEngineValue(value: unknown): CellError | string | number | boolean | typeof EmptyValue {
  if (value instanceof Error || (typeof value === "object" && value !== null && "code" in value)) {
    // CustomFunctions.Error (office.js's or the stub's): its code is Excel's error, e.g. "#N/A".
    const { code, message } = value as { code?: unknown; message?: unknown };
    const type = ERROR_TYPES[String(code)] ?? ErrorType.VALUE;
    return new CellError(type, typeof message === "string" ? message : undefined);
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value === null || value === undefined) return EmptyValue;
  return new CellError(ErrorType.VALUE, `The double cannot show ${typeof value} results`);
}

/** A plain argument as Excel passes it to a custom function: omitted or empty is null. */
function toArgument(value: unknown): unknown {
  if (value === undefined || value === EmptyValue) return null;
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: unknown }).val; // HyperFormula's dates and percents are numbers to Excel
  return value;
}

/** Calls the registered function behind `=IIJ.NAME(...)`: a grid spills, an error is a cell error. */
function callCustomFunction(
  name: string,
  args: unknown[]
): ReturnType<typeof toEngineValue> | SimpleRangeValue {
  const fn = activeSource.find(name.slice(NAMESPACE.length + 1));
  if (!fn) return new CellError(ErrorType.NAME, `${name} is not registered`);
  let result: unknown;
  try {
    result = fn(...args.map(toArgument));
  } catch (error) {
    return toEngineValue(error);
  }
  if (result instanceof Promise)
    return new CellError(ErrorType.VALUE, `${name} is asynchronous: the double does not wait`);
  if (!Array.isArray(result)) return toEngineValue(result);
  const rows = result as unknown[][];
  if (rows.length === 0 || !Array.isArray(rows[0]) || rows[0].length === 0) return EmptyValue;
  return SimpleRangeValue.onlyValues(rows.map((row) => row.map(toEngineValue)) as never);
}

/** The argument of a literal (`"1Q01"`, `2`, `-2`), or undefined for anything to evaluate. */
function literal(ast: { type: string; value?: unknown }): unknown {
  if (ast.type === "STRING" || ast.type === "NUMBER") return ast.value;
  if (ast.type === "EMPTY") return null;
  if (ast.type === "MINUS_UNARY_OP") {
    const inner = literal((ast as unknown as { value: { type: string; value?: unknown } }).value);
    return typeof inner === "number" ? -inner : undefined;
  }
  return undefined;
}

type Procedure = { procedureName: string; args: { type: string; value?: unknown }[] };

/** The size given to each parsed `=IIJ.*` call, so that evaluating it calls the function once. */
const sizes = new WeakMap<object, ArraySize>();

/**
 * `=IIJ.*` in the engine: one plugin method for every name, which calls the registered function.
 * A spilled result needs its size before evaluation: known when the arguments are literals
 * (`=IIJ.STATEMENT("INCOME")`, `=IIJ.PERIODS()`), otherwise the top-left value is shown.
 */
class CustomFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  call(ast: Procedure, state: never) {
    const name = ast.procedureName;
    return this.runFunction(ast.args as never, state, this.metadata(name), (...args: unknown[]) => {
      const result = callCustomFunction(name, args);
      return result instanceof SimpleRangeValue && this.isScalarCall(ast)
        ? result.data[0][0]
        : result;
    });
  }

  /** Whether the engine gave this call one cell (its size, worked out when it was parsed). */
  private isScalarCall(ast: Procedure): boolean {
    const size = sizes.get(ast) ?? this.size(ast);
    return size.width === 1 && size.height === 1;
  }

  size(ast: Procedure): ArraySize {
    const args = ast.args.map(literal);
    let size = ArraySize.scalar();
    if (!args.some((a) => a === undefined)) {
      const result = callCustomFunction(ast.procedureName, args);
      if (result instanceof SimpleRangeValue) size = new ArraySize(result.width(), result.height());
    }
    sizes.set(ast, size);
    return size;
  }
}

/** Registers `IIJ.NAME` with HyperFormula (a global registry): engines built later know it. */
function registerFunctionName(name: string): void {
  if (CustomFunctionsPlugin.implementedFunctions[name]) return;
  CustomFunctionsPlugin.implementedFunctions[name] = {
    method: "call",
    sizeOfResultArrayMethod: "size",
    parameters: [{ argumentType: FunctionArgumentType.SCALAR, optionalArg: true }],
    repeatLastArgs: 1,
  };
  HyperFormula.registerFunction(name, CustomFunctionsPlugin as never, {
    enGB: { [name]: name },
  });
}

const CUSTOM_CALL = new RegExp(`(?:^|[^A-Za-z0-9_.])(${NAMESPACE}\\.[A-Za-z0-9_.]+)\\s*\\(`, "gi");

/** Registers every `IIJ.*` name a formula calls (the engine then knows it as a function). */
function registerCustomCalls(raw: RawCellContent): void {
  if (typeof raw === "string" && raw.startsWith("="))
    for (const m of raw.matchAll(CUSTOM_CALL)) registerFunctionName(m[1].toUpperCase());
}

const CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // Excel's grid, and Excel's numbers: what range.values returns is the double as computed
  // (no rounding to fewer digits), and a formula over an empty cell reads 0.
  maxRows: 1_048_576,
  maxColumns: 16_384,
  smartRounding: false,
  evaluateNullToZero: true,
};

function isFormula(content: Value): content is string {
  return typeof content === "string" && content.length > 1 && content.startsWith("=");
}

/**
 * A formula in HyperFormula's dialect: Excel's, except that TRUE and FALSE are functions there.
 * Strings and quoted sheet names are left alone.
 */
export function toEngineFormula(formula: string): string {
  return formula.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|(?<![\w.$])(TRUE|FALSE)(?![\w.!(])/gi,
    (m, quoted, word) => (quoted ? m : `${word}()`)
  );
}

/** A cell's content as the engine takes it: text stays text (no number or date parsing). */
function toRaw(content: Value): RawCellContent {
  if (content === "") return null;
  if (isFormula(content)) return toEngineFormula(content);
  return typeof content === "string" ? `'${content}` : content;
}

/** An engine value as Office.js's `range.values` reads it: an error is its code ("#N/A"). */
function fromEngine(value: unknown): Value {
  if (value instanceof DetailedCellError) return value.value;
  if (value === null || value === undefined) return "";
  return value as Value;
}

/** The engine's copy of a workbook: what each sheet held when it was last brought up to date. */
interface Mirror {
  readonly engine: HyperFormula;
  readonly structure: string;
  readonly sheets: readonly SheetState[];
  readonly sheetIds: Map<SheetState, number>;
  readonly contents: Map<SheetState, Map<string, RawCellContent>>;
}

export class WorkbookCalculation {
  private mirror: Mirror | null = null;
  private stale = true;
  /** Engines built, and batches of cell changes applied, for the tests of laziness. */
  readonly stats = { builds: 0, updates: 0 };

  constructor(
    private readonly book: FakeWorkbookState,
    private readonly functions: CustomFunctionSource = registeredCustomFunctions
  ) {}

  /** Something may have changed: the next read compares the workbook with the engine's copy. */
  noteChange(): void {
    this.stale = true;
  }

  /**
   * Excel's full calculation: every formula is computed again, custom functions included (whose
   * answers the engine otherwise keeps, as Excel keeps a custom function's last result until its
   * arguments change). The next read builds a new engine.
   */
  calculateFully(): void {
    if (this.mirror) this.mirror.engine.destroy();
    this.mirror = null;
    this.stale = true;
  }

  /** The computed value of a cell (a formula's result, a spilled value, or the constant). */
  value(sheet: SheetState, row: number, col: number): Value {
    const mirror = this.current();
    const id = mirror.sheetIds.get(sheet);
    if (id === undefined) return sheet.peek(row, col)?.formula ?? "";
    return this.evaluating(() => fromEngine(mirror.engine.getCellValue({ sheet: id, row, col })));
  }

  /** The message of a cell's error (e.g. a custom function's), or undefined. */
  errorMessage(sheet: SheetState, row: number, col: number): string | undefined {
    const mirror = this.current();
    const id = mirror.sheetIds.get(sheet);
    if (id === undefined) return undefined;
    const value = mirror.engine.getCellValue({ sheet: id, row, col });
    return value instanceof DetailedCellError && value.message ? value.message : undefined;
  }

  /** Every non-empty computed value of a sheet by "row,col", spilled cells included. */
  sheetValues(sheet: SheetState): Map<string, Value> {
    const mirror = this.current();
    const id = mirror.sheetIds.get(sheet);
    const values = new Map<string, Value>();
    if (id === undefined) return values;
    mirror.engine.getSheetValues(id).forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null && v !== undefined) values.set(`${r},${c}`, fromEngine(v));
      })
    );
    return values;
  }

  private evaluating<T>(run: () => T): T {
    const previous = activeSource;
    activeSource = this.functions;
    try {
      return run();
    } finally {
      activeSource = previous;
    }
  }

  /** The engine, brought up to date with the workbook if anything may have changed since. */
  private current(): Mirror {
    if (this.mirror && !this.stale) return this.mirror;
    this.stale = false;
    const structure = this.structureKey();
    if (
      this.mirror &&
      this.mirror.structure === structure &&
      this.mirror.sheets.length === this.book.sheets.length &&
      this.mirror.sheets.every((s, i) => s === this.book.sheets[i])
    ) {
      if (this.update(this.mirror)) return this.mirror;
    }
    this.mirror?.engine.destroy();
    this.mirror = this.evaluating(() => this.build(structure));
    return this.mirror;
  }

  /** What, if it changes, needs a new engine: the sheets, the names, the registered functions. */
  private structureKey(): string {
    const names = (scope: string, map: Map<string, NameState>) =>
      [...map].map(
        ([name, target]) => `${scope}\u0001${name}\u0001${this.book.nameFormula(target)}`
      );
    return JSON.stringify([
      this.book.sheets.map((s) => s.name),
      names("", this.book.names),
      ...this.book.sheets.map((s) => names(s.name, s.names)),
      this.functions.fingerprint(),
    ]);
  }

  /** Each sheet's cells as the engine takes them, with every `IIJ.*` function registered. */
  private contentsOf(sheet: SheetState): Map<string, RawCellContent> {
    const contents = new Map<string, RawCellContent>();
    for (const [key, cell] of sheet.cells) {
      const raw = toRaw(cell.formula);
      if (raw === null) continue;
      contents.set(key, raw);
      registerCustomCalls(raw);
    }
    return contents;
  }

  private build(structure: string): Mirror {
    this.stats.builds++;
    const sheets = [...this.book.sheets];
    const contents = new Map(sheets.map((s) => [s, this.contentsOf(s)]));
    const engine = HyperFormula.buildEmpty(CONFIG);
    const sheetIds = new Map<SheetState, number>();
    engine.batch(() => {
      for (const sheet of sheets)
        sheetIds.set(sheet, engine.getSheetId(engine.addSheet(sheet.name))!);
      // Names before contents, so that formulas resolve them when they are first evaluated.
      for (const named of this.namedExpressions(sheetIds)) {
        if (engine.isItPossibleToAddNamedExpression(named.name, named.expression, named.scope))
          engine.addNamedExpression(named.name, named.expression, named.scope);
      }
      for (const sheet of sheets)
        engine.setSheetContent(sheetIds.get(sheet)!, gridOf(contents.get(sheet)!));
    });
    return { engine, structure, sheets, sheetIds, contents };
  }

  /** The workbook's names, then each sheet's (scoped to it, seen first by its own formulas). */
  private namedExpressions(sheetIds: Map<SheetState, number>): SerializedNamedExpression[] {
    const book = this.book;
    const named: SerializedNamedExpression[] = [];
    for (const [name, target] of book.names)
      named.push({ name, expression: book.nameFormula(target) });
    for (const [sheet, scope] of sheetIds)
      for (const [name, target] of sheet.names)
        named.push({ name, expression: book.nameFormula(target), scope });
    return named;
  }

  /**
   * Sets the cells that changed since the engine's copy, in one batch. False when the change
   * cannot be applied in place (a new `IIJ.*` name to register), and the engine must be rebuilt.
   */
  private update(mirror: Mirror): boolean {
    const changes: [SheetState, string, RawCellContent][] = [];
    for (const sheet of mirror.sheets) {
      const before = mirror.contents.get(sheet)!;
      const after = new Map<string, RawCellContent>();
      for (const [key, cell] of sheet.cells) {
        const raw = toRaw(cell.formula);
        if (raw === null) continue;
        after.set(key, raw);
        if (before.get(key) !== raw) changes.push([sheet, key, raw]);
      }
      for (const key of before.keys()) if (!after.has(key)) changes.push([sheet, key, null]);
      mirror.contents.set(sheet, after);
    }
    if (changes.length === 0) return true;
    const known = Object.keys(CustomFunctionsPlugin.implementedFunctions).length;
    for (const [, , raw] of changes) registerCustomCalls(raw);
    if (Object.keys(CustomFunctionsPlugin.implementedFunctions).length !== known) return false;
    this.stats.updates++;
    try {
      this.evaluating(() =>
        mirror.engine.batch(() => {
          for (const [sheet, key, raw] of changes) {
            const [row, col] = key.split(",").map(Number);
            mirror.engine.setCellContents({ sheet: mirror.sheetIds.get(sheet)!, row, col }, raw);
          }
        })
      );
      return true;
    } catch {
      return false; // e.g. a write into a spilled array's area: rebuild from the workbook
    }
  }
}

/** A sheet's contents as the rows the engine takes (ragged: each row as long as it needs). */
function gridOf(contents: Map<string, RawCellContent>): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  for (const [key, raw] of contents) {
    const [r, c] = key.split(",").map(Number);
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length < c) row.push(null);
    row[c] = raw;
  }
  return rows;
}

const calculations = new WeakMap<FakeWorkbookState, WorkbookCalculation>();

/** The workbook's calculation, made on first use. */
export function calculationOf(book: FakeWorkbookState): WorkbookCalculation {
  let calculation = calculations.get(book);
  if (!calculation) calculations.set(book, (calculation = new WorkbookCalculation(book)));
  return calculation;
}

/** Application.calculate: "Full" and "FullRebuild" recompute everything, custom functions too. */
export function calculate(book: FakeWorkbookState, type: string): void {
  if (type === "Full" || type === "FullRebuild") calculations.get(book)?.calculateFully();
  else noteChange(book);
}

/** Marks the workbook's engine stale, if it has one (a workbook never read has none to mark). */
export function noteChange(book: FakeWorkbookState | undefined): void {
  if (book) calculations.get(book)?.noteChange();
}

/**
 * What `range.values` reads over a block: a value a test set on a cell wins (e.g. "#NAME?"),
 * then the computed value; a sheet without formulas is read as written, without an engine.
 */
export function valuesOf(
  book: FakeWorkbookState | undefined,
  sheet: SheetState,
  rect: { r0: number; c0: number; r1: number; c1: number }
): Value[][] {
  const calculating = book && hasFormulas(sheet) ? calculationOf(book) : null;
  const rows: Value[][] = [];
  for (let i = rect.r0; i <= rect.r1; i++) {
    const row: Value[] = [];
    for (let j = rect.c0; j <= rect.c1; j++) {
      const d: CellData | undefined = sheet.peek(i, j);
      if (d?.value !== undefined) row.push(d.value);
      else if (calculating && (!d || d.formula === "" || isFormula(d.formula)))
        row.push(calculating.value(sheet, i, j));
      else row.push(d?.formula ?? "");
    }
    rows.push(row);
  }
  return rows;
}

function hasFormulas(sheet: SheetState): boolean {
  for (const d of sheet.cells.values()) if (isFormula(d.formula)) return true;
  return false;
}

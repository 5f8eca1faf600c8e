/**
 * The IIJ function library as a table: each function's name, parameters, pure implementation and
 * how a call of it is traced to the printed figure it reads. The custom functions (functions.ts),
 * the CLI's `eval` and the pane all call `invoke`, so a formula gives the same answer in a cell and
 * in a terminal; the pane's trace reads `traceCall`, so a new function brings its own trace. No
 * Office here.
 */
import {
  Dec,
  FINANCIAL_STATEMENTS,
  type FinancialStatement,
  IIJError,
  type IIJModel,
  defaultModel,
  type Grid,
  type Item,
  growth,
  guidanceValue,
  invalidValue,
  isIIJError,
  isOmitted,
  itemsGrid,
  type LruEntry,
  LruList,
  argumentBytes,
  textBytes,
  margin,
  periodsGrid,
  derivedArithmetic,
  derivedValue,
  isDerived,
  resolveAnyLine,
  resolveLineIn,
  statementLineAmount,
  resolveSegment,
  resolveStatement,
  source,
  statementGrid,
} from "../model";
import { readPrintedColumn, resolveStated, statedSource, statedValue } from "../model/stated";

/**
 * SOURCE: a printed or derived line's citation; for an item no statement or table has (and no
 * statement asked for), the sentence of a figure the release states only in its text.
 */
function sourceOf(model: IIJModel, period: unknown, item: unknown, statement: unknown): string {
  try {
    return source(model, period, item, statement);
  } catch (error) {
    const stated =
      isOmitted(statement) && isIIJError(error) && error.kind === "#N/A"
        ? statedSource(model, period, item)
        : null;
    if (stated) return stated;
    throw error;
  }
}

/** What a function returns to a cell: a number, text, an error, or a grid that spills. */
export type Scalar = number | string | IIJError;
export type Result = Scalar | Scalar[][];

export interface ParameterSpec {
  readonly name: string;
  readonly optional?: boolean;
}

/** The printed figure a call reads, and what the call does with it. */
export interface TracedFigure {
  readonly item: Item;
  /** The period argument as given: a quarter, a date, "FQ0", with any "@first" or "@<date>". */
  readonly period: unknown;
  /** For a call that computes from the figure instead of returning it (GROWTH): what it shows first. */
  readonly computed?: {
    readonly title: string;
    readonly lines: readonly (readonly [string, string])[];
  };
}

/** The arguments (0-based positions) that name the figure a call reads. */
export interface FigureArguments {
  readonly period: number;
  /** A printed label, id or alias. */
  readonly item: number;
  /**
   * Where the item is: one statement; the position of an optional statement argument; or, left
   * out, the first of INCOME, BALANCE, CASHFLOW, KPI that has it.
   */
  readonly statement?: Item["statement"] | { readonly argument: number };
}

/** How a call is traced: the arguments that name its figure, or a hook that finds the figure. */
export type TraceSpec =
  FigureArguments | ((args: readonly unknown[], model: IIJModel) => TracedFigure);

export interface FunctionSpec {
  readonly name: string;
  readonly parameters: readonly ParameterSpec[];
  /**
   * A call that answers (every parameter given): what tests spoil one argument at a time, so a
   * new function is checked against bad arguments without a test naming it.
   */
  readonly example: readonly (string | number)[];
  readonly run: (model: IIJModel, args: readonly unknown[]) => Result;
  /** Left out for a function computed from many figures (MARGIN) or none (PERIODS). */
  readonly trace?: TraceSpec;
}

/**
 * The figure named by the arguments at these positions; for a derived line (gross profit...), its
 * first printed figure, after the arithmetic over all of them.
 */
function figureAt(at: FigureArguments, args: readonly unknown[], model: IIJModel): TracedFigure {
  const line =
    typeof at.statement === "string"
      ? resolveLineIn(model, at.statement, args[at.item])
      : resolveAnyLine(model, args[at.item], at.statement && args[at.statement.argument]).line;
  const period = args[at.period];
  if (!isDerived(line)) return { item: line, period };
  const answer = derivedValue(model, line, period);
  const title = `${line.label}, ${answer.period}: computed from printed figures`;
  const lines: [string, string][] = [
    ["Definition", line.definition],
    ["Computed", derivedArithmetic(answer)],
  ];
  return { item: answer.parts[0].item, period, computed: { title, lines } };
}

/** Decimal to the double Excel stores: the one place exact values become `number`. */
function toNumber(value: Dec): number {
  return Number(value.toString());
}

const STATEMENT_EXAMPLES: Readonly<Record<FinancialStatement, readonly string[]>> = {
  INCOME: ["1Q01", "Total revenues", "JPY millions"],
  BALANCE: ["2001-06-30", "Cash", "USD thousands"],
  CASHFLOW: ["1Q01", "operating_other", "JPY"],
};

const statementFunction = (statement: FinancialStatement): FunctionSpec => ({
  name: statement,
  example: STATEMENT_EXAMPLES[statement],
  // Balance sheets are "as of" a date, so their first argument may be one.
  parameters: [
    { name: statement === "BALANCE" ? "period_or_date" : "period" },
    { name: "item" },
    { name: "unit", optional: true },
  ],
  run: (model, [period, item, unit]) =>
    toNumber(statementLineAmount(model, statement, period, item, unit)),
  trace: { period: 0, item: 1, statement },
});

function toScalars(grid: Grid | string[][]): Scalar[][] {
  return grid.map((row) => row.map((cell) => (cell instanceof Dec ? toNumber(cell) : cell)));
}

const segmentFunction = (name: "REVENUE" | "COST", kind: "revenue" | "cost"): FunctionSpec => ({
  name,
  example: ["1Q01", kind === "revenue" ? "Dedicated" : "SI", "JPY millions"],
  parameters: [
    { name: "period" },
    { name: "segment", optional: true },
    { name: "unit", optional: true },
  ],
  run: (model, [period, segment, unit]) => {
    // The period is checked first so that its mistake, the first argument's, is the one reported.
    model.resolveQuarter(period, "INCOME");
    const id = resolveSegment(model, kind, segment);
    return toNumber(model.statementAmount("INCOME", period, id, unit).value);
  },
  trace: ([period, segment], model) => ({
    item: model.catalogue("INCOME").get(resolveSegment(model, kind, segment)) as Item,
    period,
  }),
});

const SPECS: readonly FunctionSpec[] = [
  segmentFunction("REVENUE", "revenue"),
  segmentFunction("COST", "cost"),
  ...FINANCIAL_STATEMENTS.map(statementFunction),
  {
    name: "KPI",
    example: ["1Q01", "EBITDA", "JPY thousands"],
    parameters: [{ name: "period" }, { name: "metric" }, { name: "unit", optional: true }],
    run: (model, [period, metric, unit]) => toNumber(model.kpi(period, metric, unit).value),
    trace: { period: 0, item: 1, statement: "KPI" },
  },
  {
    name: "GUIDANCE",
    example: ["2Q01", "Revenues", "mid", "JPY thousands"],
    parameters: [
      { name: "period" },
      { name: "metric" },
      { name: "bound", optional: true },
      { name: "unit", optional: true },
    ],
    run: (model, [period, metric, bound, unit]) => {
      const { value } = guidanceValue(model, period, metric, bound, unit);
      return typeof value === "string" ? value : toNumber(value);
    },
    trace: { period: 0, item: 1, statement: "GUIDANCE" },
  },
  {
    name: "GROWTH",
    example: ["1Q01", "Total revenues", "QoQ"],
    parameters: [{ name: "period" }, { name: "item" }, { name: "basis", optional: true }],
    run: (model, [period, item, basis]) => toNumber(growth(model, period, item, basis)),
    trace: (args, model) => {
      const figure = figureAt({ period: 0, item: 1 }, args, model);
      const title = `IIJ.GROWTH of ${resolveAnyLine(model, args[1]).line.label}: computed from printed figures`;
      const lines = [
        ["Basis", String(args[2] ?? "YoY")] as const,
        ...(figure.computed?.lines ?? []),
      ];
      return { ...figure, computed: { title, lines } };
    },
  },
  {
    name: "MARGIN",
    example: ["1Q01", "operating"],
    parameters: [{ name: "period" }, { name: "kind", optional: true }],
    run: (model, [period, kind]) => toNumber(margin(model, period, kind)),
  },
  {
    name: "STATEMENT",
    example: ["INCOME", "JPY millions"],
    parameters: [{ name: "statement" }, { name: "unit", optional: true }],
    run: (model, [statement, unit]) =>
      toScalars(statementGrid(model, resolveStatement(statement), unit)),
  },
  {
    name: "PERIODS",
    example: [],
    parameters: [],
    run: (model) => toScalars(periodsGrid(model)),
  },
  {
    name: "ITEMS",
    example: ["CASHFLOW"],
    parameters: [{ name: "statement" }],
    run: (model, [statement]) => toScalars(itemsGrid(model, resolveStatement(statement))),
  },
  {
    name: "SOURCE",
    example: ["1Q01", "Cash", "BALANCE"],
    parameters: [{ name: "period" }, { name: "item" }, { name: "statement", optional: true }],
    run: (model, [period, item, statement]) => sourceOf(model, period, item, statement),
    trace: { period: 0, item: 1, statement: { argument: 2 } },
  },
  {
    name: "FXRATE",
    example: [],
    parameters: [],
    run: (model) => toNumber(model.fxRate()),
  },
  {
    name: "STATED",
    example: ["1Q01", "Sales personnel expense", "YoY %"],
    parameters: [{ name: "period" }, { name: "item" }, { name: "measure", optional: true }],
    // A stated figure is no statement line: its citation is its sentence (model/stated.ts).
    run: (model, [period, item, measure]) =>
      toNumber(statedValue(resolveStated(model, period, item, measure))),
  },
  {
    name: "PRINTED",
    example: ["1Q01", "Total revenues", "YoY %"],
    parameters: [{ name: "period" }, { name: "item" }, { name: "column" }],
    run: (model, [period, item, column]) =>
      toNumber(readPrintedColumn(model, period, item, column).value),
    trace: { period: 0, item: 1 },
  },
];

export const LIBRARY: ReadonlyMap<string, FunctionSpec> = new Map(SPECS.map((s) => [s.name, s]));

/**
 * The printed figure a call reads, as its function's table entry declares; null for a function
 * computed from many figures or none. Throws the IIJ error of a bad argument or an unknown name.
 */
export function traceCall(
  name: string,
  args: readonly unknown[],
  model: IIJModel = defaultModel()
): TracedFigure | null {
  const spec = LIBRARY.get(name.toUpperCase());
  if (!spec) throw invalidValue(noSuchFunction(name));
  if (!spec.trace) return null;
  return typeof spec.trace === "function"
    ? spec.trace(args, model)
    : figureAt(spec.trace, args, model);
}

function noSuchFunction(name: string): string {
  return `There is no function IIJ.${name}. Functions: ${[...LIBRARY.keys()].map((n) => `IIJ.${n}`).join(", ")}.`;
}

function signature(spec: FunctionSpec): string {
  return `IIJ.${spec.name}(${spec.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

/** A remembered answer, under its path: the function's spec, then each argument's memo key. */
type MemoEntry = LruEntry<readonly unknown[], Scalar>;
/** One level of the memo: by the next key of a path, the next level, or after the last key the entry. */
type MemoLevel = Map<unknown, MemoLevel | MemoEntry>;

/**
 * Answers already given, per model, keyed function by function and argument by argument (as Map
 * keys: "1" and 1 differ; an omitted argument and null are the same, as for `run`). A model never
 * changes once built, so neither does a call's answer: when Excel recalculates a cell (F9, a row
 * inserted, an edit upstream), the second call is a few lookups instead of parsing the period,
 * resolving the item and converting a Decimal again. Only primitive arguments and domain answers (a
 * number, text, an IIJ error) are kept: spilled grids are built afresh, so no caller can share and
 * change one. The memory is bounded in bytes (`ANSWER_CACHE_BYTES`), least recently used first out.
 */
interface Memo {
  readonly root: MemoLevel;
  readonly order: LruList<readonly unknown[], Scalar>;
}

/**
 * The most bytes of answers kept per model, estimated as `answerBytes` does: 32 MiB, some 45,000
 * numbers, or 17,000 errors (whose messages list the valid choices: about a kilobyte each).
 */
export const ANSWER_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Estimated bytes of an entry besides its argument texts and answer: the entry itself, its slot in
 * its level's Map, and a share of the levels' Maps (a call with a new first argument makes one per
 * parameter). Calibrated against the heap growth of distinct calls (BENCHMARKS.md, cache memory).
 */
const ENTRY_BYTES = 640;
/** An IIJError besides its message: the object and the stack trace captured when it was made. */
const ERROR_BYTES = 600;

/** The estimated bytes one remembered answer holds. */
function answerBytes(path: readonly unknown[], answer: Scalar): number {
  let bytes = ENTRY_BYTES;
  for (let i = 1; i < path.length; i++) bytes += argumentBytes(path[i]);
  if (typeof answer === "number") return bytes + 16;
  if (typeof answer === "string") return bytes + textBytes(answer);
  return bytes + ERROR_BYTES + textBytes(answer.message);
}

const memos = new WeakMap<IIJModel, Memo>();

// The model of the last call and its memo: nearly every call is over the default model.
let lastModel: IIJModel | undefined;
let lastMemo: Memo | undefined;

function memoOf(model: IIJModel): Memo {
  if (model === lastModel && lastMemo) return lastMemo;
  let memo = memos.get(model);
  if (!memo) {
    const root: MemoLevel = new Map();
    const order = new LruList<readonly unknown[], Scalar>(ANSWER_CACHE_BYTES, (entry) =>
      forget(root, entry.key)
    );
    memos.set(model, (memo = { root, order }));
  }
  lastModel = model;
  lastMemo = memo;
  return memo;
}

/** Removes an evicted answer's path, and every level it leaves empty. */
function forget(root: MemoLevel, path: readonly unknown[]): void {
  const levels: MemoLevel[] = [root];
  for (let i = 0; i < path.length - 1; i++) {
    const next = levels[i].get(path[i]) as MemoLevel | undefined;
    if (!next) return;
    levels.push(next);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    levels[i].delete(path[i]);
    if (i === 0 || levels[i].size > 0) return;
  }
}

/** The estimated bytes and number of answers remembered for `model` (the bench and tests read it). */
export function answerCacheSize(model: IIJModel = defaultModel()): {
  bytes: number;
  answers: number;
} {
  const memo = memos.get(model);
  return { bytes: memo?.order.bytes ?? 0, answers: memo?.order.size ?? 0 };
}

/**
 * The memo path of a call: its spec, then each parameter's key (a function without parameters
 * keeps its one answer under null); null when an argument cannot be a key (a range, say).
 */
function memoPath(spec: FunctionSpec, args: readonly unknown[]): unknown[] | null {
  if (args.length > spec.parameters.length) return null;
  const path: unknown[] = [spec];
  for (let i = 0; i < spec.parameters.length; i++) {
    const arg = args[i] ?? null;
    if (arg !== null && (typeof arg === "object" || typeof arg === "function")) return null;
    path.push(arg);
  }
  if (path.length === 1) path.push(null);
  return path;
}

/** The answer remembered for these arguments (read as `memoPath` makes paths, without allocating). */
function recall(memo: Memo, spec: FunctionSpec, args: readonly unknown[]): Scalar | undefined {
  const last = Math.max(spec.parameters.length, 1) - 1;
  let level = memo.root.get(spec) as MemoLevel | undefined;
  for (let i = 0; i < last && level; i++) level = level.get(args[i] ?? null) as MemoLevel;
  const entry = level?.get(args[last] ?? null) as MemoEntry | undefined;
  if (!entry) return undefined;
  memo.order.use(entry);
  return entry.value;
}

function memorise(memo: Memo, path: readonly unknown[], answer: Scalar): void {
  const bytes = answerBytes(path, answer);
  if (bytes > memo.order.maxBytes) return; // keeping it would evict every other answer
  let level = memo.root;
  for (let i = 0; i < path.length - 1; i++) {
    let next = level.get(path[i]) as MemoLevel | undefined;
    if (!next) level.set(path[i], (next = new Map()));
    level = next;
  }
  level.set(path[path.length - 1], memo.order.add(path, answer, bytes));
  memo.order.trim();
}

/**
 * Runs an IIJ function. Never throws: a domain error becomes its error value, and anything
 * unexpected becomes a `#VALUE!` that says so, because an uncaught exception in a cell is worse.
 */
export function invoke(
  name: string,
  args: readonly unknown[],
  model: IIJModel = defaultModel()
): Result {
  // Excel's adapters pass the name as declared, in upper case: look it up as given first.
  const spec = LIBRARY.get(name) ?? LIBRARY.get(name.toUpperCase());
  const memo = spec && args.length <= spec.parameters.length ? memoOf(model) : null;
  if (memo && spec) {
    const known = recall(memo, spec, args);
    if (known !== undefined) return known;
  }
  const path = memo && spec ? memoPath(spec, args) : null;
  try {
    if (!spec) {
      throw invalidValue(noSuchFunction(name));
    }
    let given = args.length;
    while (given > 0 && (args[given - 1] === null || args[given - 1] === undefined)) given--;
    if (given > spec.parameters.length) {
      throw invalidValue(
        `${signature(spec)} takes at most ${spec.parameters.length} arguments; got ${given}.`
      );
    }
    // Missing required arguments are reported by each argument's own validator, which names the choices.
    const padded = spec.parameters.map((_, i) => args[i] ?? null);
    const result = spec.run(model, padded);
    if (memo && path && !Array.isArray(result)) memorise(memo, path, result);
    return result;
  } catch (error) {
    if (isIIJError(error)) {
      if (memo && path) memorise(memo, path, error);
      return error;
    }
    const message = error instanceof Error ? error.message : String(error);
    return new IIJError("#VALUE!", `Internal error in IIJ.${name}: ${message}. Please report it.`);
  }
}

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
  itemsGrid,
  margin,
  periodsGrid,
  resolveAnyItem,
  resolveSegment,
  resolveStatement,
  source,
  statementGrid,
} from "../model";

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
  readonly run: (model: IIJModel, args: readonly unknown[]) => Result;
  /** Left out for a function computed from many figures (MARGIN) or none (PERIODS). */
  readonly trace?: TraceSpec;
}

/** The figure named by the arguments at these positions. */
function figureAt(at: FigureArguments, args: readonly unknown[], model: IIJModel): TracedFigure {
  const item =
    typeof at.statement === "string"
      ? model.catalogue(at.statement).resolve(args[at.item])
      : resolveAnyItem(model, args[at.item], at.statement && args[at.statement.argument]);
  return { item, period: args[at.period] };
}

/** Decimal to the double Excel stores: the one place exact values become `number`. */
function toNumber(value: Dec): number {
  return Number(value.toString());
}

const statementFunction = (statement: FinancialStatement): FunctionSpec => ({
  name: statement,
  // Balance sheets are "as of" a date, so their first argument may be one.
  parameters: [
    { name: statement === "BALANCE" ? "period_or_date" : "period" },
    { name: "item" },
    { name: "unit", optional: true },
  ],
  run: (model, [period, item, unit]) =>
    toNumber(model.statementAmount(statement, period, item, unit).value),
  trace: { period: 0, item: 1, statement },
});

function toScalars(grid: Grid | string[][]): Scalar[][] {
  return grid.map((row) => row.map((cell) => (cell instanceof Dec ? toNumber(cell) : cell)));
}

const segmentFunction = (name: "REVENUE" | "COST", kind: "revenue" | "cost"): FunctionSpec => ({
  name,
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
    parameters: [{ name: "period" }, { name: "metric" }],
    run: (model, [period, metric]) => toNumber(model.kpi(period, metric).value),
    trace: { period: 0, item: 1, statement: "KPI" },
  },
  {
    name: "GUIDANCE",
    parameters: [{ name: "period" }, { name: "metric" }, { name: "bound", optional: true }],
    run: (model, [period, metric, bound]) => {
      const { value } = guidanceValue(model, period, metric, bound);
      return typeof value === "string" ? value : toNumber(value);
    },
    trace: { period: 0, item: 1, statement: "GUIDANCE" },
  },
  {
    name: "GROWTH",
    parameters: [{ name: "period" }, { name: "item" }, { name: "basis", optional: true }],
    run: (model, [period, item, basis]) => toNumber(growth(model, period, item, basis)),
    trace: (args, model) => {
      const figure = figureAt({ period: 0, item: 1 }, args, model);
      const title = `IIJ.GROWTH of ${figure.item.label}: computed from printed figures`;
      return { ...figure, computed: { title, lines: [["Basis", String(args[2] ?? "YoY")]] } };
    },
  },
  {
    name: "MARGIN",
    parameters: [{ name: "period" }, { name: "kind", optional: true }],
    run: (model, [period, kind]) => toNumber(margin(model, period, kind)),
  },
  {
    name: "STATEMENT",
    parameters: [{ name: "statement" }, { name: "unit", optional: true }],
    run: (model, [statement, unit]) =>
      toScalars(statementGrid(model, resolveStatement(statement), unit)),
  },
  {
    name: "PERIODS",
    parameters: [],
    run: (model) => toScalars(periodsGrid(model)),
  },
  {
    name: "ITEMS",
    parameters: [{ name: "statement" }],
    run: (model, [statement]) => toScalars(itemsGrid(model, resolveStatement(statement))),
  },
  {
    name: "SOURCE",
    parameters: [{ name: "period" }, { name: "item" }, { name: "statement", optional: true }],
    run: (model, [period, item, statement]) => source(model, period, item, statement),
    trace: { period: 0, item: 1, statement: { argument: 2 } },
  },
  {
    name: "FXRATE",
    parameters: [],
    run: (model) => toNumber(model.fxRate()),
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

/** One level of the memo: answers by the next argument, or, at the last argument, the answers. */
type MemoLevel = Map<unknown, unknown>;

/**
 * Answers already given, per model and function, keyed argument by argument (as Map keys: "1" and
 * 1 differ; an omitted argument and null are the same, as for `run`). A model never changes once
 * built, so neither does a call's answer: when Excel recalculates a cell (F9, a row inserted, an
 * edit upstream), the second call is a few lookups instead of parsing the period, resolving the
 * item and converting a Decimal again. Only primitive arguments and domain answers (a number, text,
 * an IIJ error) are kept: spilled grids are built afresh, so no caller can share and change one.
 */
const answers = new WeakMap<IIJModel, Map<FunctionSpec, MemoLevel>>();
/** Answers kept per model before its memo starts afresh: bounds the memory at some tens of MB. */
const MEMO_LIMIT = 250_000;
const answerCounts = new WeakMap<IIJModel, number>();

// The model of the last call and its memo: nearly every call is over the default model.
let lastModel: IIJModel | undefined;
let lastMemos: Map<FunctionSpec, MemoLevel> | undefined;

function memoOf(model: IIJModel, spec: FunctionSpec): MemoLevel {
  if (model !== lastModel || !lastMemos) {
    lastMemos = answers.get(model);
    if (!lastMemos) answers.set(model, (lastMemos = new Map()));
    lastModel = model;
  }
  let memo = lastMemos.get(spec);
  if (!memo) lastMemos.set(spec, (memo = new Map()));
  return memo;
}

/** The memo key of each parameter, or null when an argument cannot be one (a range, say). */
function memoKeys(spec: FunctionSpec, args: readonly unknown[]): unknown[] | null {
  if (args.length > spec.parameters.length) return null;
  const keys: unknown[] = [];
  for (let i = 0; i < spec.parameters.length; i++) {
    const arg = args[i] ?? null;
    if (arg !== null && (typeof arg === "object" || typeof arg === "function")) return null;
    keys.push(arg);
  }
  // A function without parameters keeps its one answer under null.
  if (keys.length === 0) keys.push(null);
  return keys;
}

/** The answer remembered for these arguments (read as `memoKeys` makes keys, without allocating). */
function recall(memo: MemoLevel, args: readonly unknown[], arity: number): Scalar | undefined {
  if (arity === 0) return memo.get(null) as Scalar | undefined;
  let level: MemoLevel | undefined = memo;
  for (let i = 0; i < arity - 1 && level; i++) level = level.get(args[i] ?? null) as MemoLevel;
  return level?.get(args[arity - 1] ?? null) as Scalar | undefined;
}

function memorise(model: IIJModel, memo: MemoLevel, keys: readonly unknown[], answer: Scalar) {
  const count = answerCounts.get(model) ?? 0;
  if (count >= MEMO_LIMIT) {
    answers.delete(model);
    answerCounts.set(model, 0);
    lastModel = undefined;
    return;
  }
  let level = memo;
  for (let i = 0; i < keys.length - 1; i++) {
    let next = level.get(keys[i]) as MemoLevel | undefined;
    if (!next) level.set(keys[i], (next = new Map()));
    level = next;
  }
  level.set(keys[keys.length - 1], answer);
  answerCounts.set(model, count + 1);
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
  const memo = spec && args.length <= spec.parameters.length ? memoOf(model, spec) : null;
  if (memo && spec) {
    const known = recall(memo, args, spec.parameters.length);
    if (known !== undefined) return known;
  }
  const keys = memo && spec ? memoKeys(spec, args) : null;
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
    if (memo && keys && !Array.isArray(result)) memorise(model, memo, keys, result);
    return result;
  } catch (error) {
    if (isIIJError(error)) {
      if (memo && keys) memorise(model, memo, keys, error);
      return error;
    }
    const message = error instanceof Error ? error.message : String(error);
    return new IIJError("#VALUE!", `Internal error in IIJ.${name}: ${message}. Please report it.`);
  }
}

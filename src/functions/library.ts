/**
 * The IIJ function library as a table: each function's name, parameters and pure implementation.
 * The custom functions (functions.ts) and the CLI's `eval` both call `invoke`, so a formula gives
 * the same answer in a cell and in a terminal. No Office here.
 */
import {
  Dec,
  FINANCIAL_STATEMENTS,
  type FinancialStatement,
  IIJError,
  type IIJModel,
  defaultModel,
  type Grid,
  growth,
  guidanceValue,
  invalidValue,
  isIIJError,
  itemsGrid,
  margin,
  periodsGrid,
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

export interface FunctionSpec {
  readonly name: string;
  readonly parameters: readonly ParameterSpec[];
  readonly run: (model: IIJModel, args: readonly unknown[]) => Result;
}

/** Decimal to the double Excel stores: the one place exact values become `number`. */
export function toNumber(value: Dec): number {
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
});

const SPECS: readonly FunctionSpec[] = [
  segmentFunction("REVENUE", "revenue"),
  segmentFunction("COST", "cost"),
  ...FINANCIAL_STATEMENTS.map(statementFunction),
  {
    name: "KPI",
    parameters: [{ name: "period" }, { name: "metric" }],
    run: (model, [period, metric]) => toNumber(model.kpi(period, metric).value),
  },
  {
    name: "GUIDANCE",
    parameters: [{ name: "period" }, { name: "metric" }, { name: "bound", optional: true }],
    run: (model, [period, metric, bound]) => {
      const { value } = guidanceValue(model, period, metric, bound);
      return typeof value === "string" ? value : toNumber(value);
    },
  },
  {
    name: "GROWTH",
    parameters: [{ name: "period" }, { name: "item" }, { name: "basis", optional: true }],
    run: (model, [period, item, basis]) => toNumber(growth(model, period, item, basis)),
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
  },
  {
    name: "FXRATE",
    parameters: [],
    run: (model) => toNumber(model.fxRate()),
  },
];

export const LIBRARY: ReadonlyMap<string, FunctionSpec> = new Map(SPECS.map((s) => [s.name, s]));

function signature(spec: FunctionSpec): string {
  return `IIJ.${spec.name}(${spec.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
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
  try {
    const spec = LIBRARY.get(name.toUpperCase());
    if (!spec) {
      throw invalidValue(
        `There is no function IIJ.${name}. Functions: ${[...LIBRARY.keys()].map((n) => `IIJ.${n}`).join(", ")}.`
      );
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
    return spec.run(model, padded);
  } catch (error) {
    if (isIIJError(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new IIJError("#VALUE!", `Internal error in IIJ.${name}: ${message}. Please report it.`);
  }
}

/**
 * Function cost: calls per second of IIJ functions through the adapters Excel calls
 * (src/functions/functions.ts: `invoke`, then `toExcel`), each beside a bare `Map.get` of a
 * pre-normalised key returning a prebuilt number, measured in the same run, interleaved.
 */
import * as excel from "../src/functions/functions";
import { invoke } from "../src/functions/library";
import { RELEASES } from "../src/data";
import { IIJModel, STATEMENTS, periodKey } from "../src/model";
import { LINES } from "../src/model/statements";
import { median, now } from "./stats";

export interface FunctionCost {
  readonly name: string;
  readonly callsPerSecond: number;
  readonly baselineCallsPerSecond: number;
  /** Baseline calls per second over the function's: how many times slower than a bare lookup. */
  readonly ratio: number;
  readonly scalar: boolean;
  /**
   * First calls: the function over every quarter and item (or segment, statement) once, on a model
   * just built, so nothing is remembered: each cell's first computation, as on opening a workbook.
   */
  readonly firstCallsPerSecond: number;
}

interface Case {
  readonly name: string;
  readonly scalar: boolean;
  /** The call as Excel makes it: through the exported adapter. */
  readonly call: () => unknown;
  /** The function, and every call of it a workbook could make once (its first calls). */
  readonly fn: string;
  readonly sweep: (model: IIJModel) => unknown[][];
}

const quarters = (model: IIJModel) => model.quarters("INCOME").map(periodKey);
const labels = (model: IIJModel) => model.items("INCOME").map((item) => item.label);
const each = <A, B>(as: readonly A[], bs: readonly B[]) => as.flatMap((a) => bs.map((b) => [a, b]));

const SEGMENTS = ["Dedicated", "Dial-up", "Data center", "VAS", "Connectivity", "SI", "Total"];

const CASES: readonly Case[] = [
  {
    name: 'IIJ.REVENUE("1Q01","Dedicated")',
    scalar: true,
    call: () => excel.revenue("1Q01", "Dedicated", null),
    fn: "REVENUE",
    sweep: (m) => each(quarters(m), SEGMENTS),
  },
  {
    name: 'IIJ.INCOME("1Q01","Total revenues")',
    scalar: true,
    call: () => excel.income("1Q01", "Total revenues", null),
    fn: "INCOME",
    sweep: (m) => each(quarters(m), labels(m)),
  },
  {
    name: 'IIJ.INCOME("1Q01","Revenue")',
    scalar: true,
    call: () => excel.income("1Q01", "Revenue", null),
    fn: "INCOME",
    sweep: (m) =>
      each(
        quarters(m),
        Object.values(LINES.INCOME).flatMap((line) => line.aliases ?? [])
      ),
  },
  {
    name: 'IIJ.GROWTH("1Q01","Total revenues","YoY")',
    scalar: true,
    call: () => excel.growth("1Q01", "Total revenues", "YoY"),
    fn: "GROWTH",
    sweep: (m) =>
      each(quarters(m), labels(m)).flatMap((pair) => [
        [...pair, "YoY"],
        [...pair, "QoQ"],
      ]),
  },
  {
    name: 'IIJ.STATEMENT("INCOME")',
    scalar: false,
    call: () => excel.statement("INCOME", null),
    fn: "STATEMENT",
    sweep: () => STATEMENTS.map((s) => [s]),
  },
];

/** Calls per second of `call`, timed over `iterations` calls. */
function rate(call: () => unknown, iterations: number): number {
  let sink = 0;
  const t0 = now();
  for (let i = 0; i < iterations; i++) {
    const answer = call();
    sink += typeof answer === "number" ? 1 : 2;
  }
  const ms = now() - t0;
  if (sink === 0) throw new Error("unreachable: keeps the loop's results alive");
  return (iterations / ms) * 1000;
}

/**
 * First calls per second: each round sweeps the function's calls once over a model just built
 * (through `invoke`, which the adapters call, since they use the default model).
 */
function firstCallRate(c: Case, rounds: number): number {
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const model = new IIJModel(RELEASES);
    const calls = c.sweep(model);
    const t0 = now();
    for (const args of calls) invoke(c.fn, args, model);
    rates.push((calls.length / (now() - t0)) * 1000);
  }
  return median(rates);
}

export function measureFunctionCost(iterations: number, rounds: number): FunctionCost[] {
  // The baseline: the cheapest answer a cell could get, a lookup of a key made in advance.
  const table = new Map([["INCOME|1Q01|total_revenues", 8332898]]);
  const key = "INCOME|1Q01|total_revenues";
  const baseline = () => table.get(key);

  // Warm up: the JIT, the data index (built on first use) and the adapters' first calls.
  for (const c of CASES) rate(c.call, c.scalar ? 20_000 : 200);
  rate(baseline, 200_000);

  const baselineRates: number[] = [];
  const rates = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) {
    baselineRates.push(rate(baseline, iterations));
    // A spill builds a whole statement per call: fewer calls, the same clock.
    for (const c of CASES)
      rates.get(c.name)?.push(rate(c.call, c.scalar ? iterations : iterations / 1000));
  }
  const baselineCallsPerSecond = median(baselineRates);
  return CASES.map((c) => {
    const callsPerSecond = median(rates.get(c.name) ?? []);
    return {
      name: c.name,
      callsPerSecond,
      baselineCallsPerSecond,
      ratio: baselineCallsPerSecond / callsPerSecond,
      scalar: c.scalar,
      firstCallsPerSecond: firstCallRate(c, rounds),
    };
  });
}

export interface WorkbookCost {
  readonly calls: number;
  /** Distinct calls among them: each computed once, the rest answered from the memo. */
  readonly distinctCalls: number;
  /** JavaScript time for all of them on a model just built: the workbook opened. */
  readonly ms: number;
}

/**
 * A heavy workbook: `calls` cells of the scalar functions above, over every quarter and item they
 * can take (so every distinct call is computed once, then repeated as a workbook repeats them),
 * evaluated on a model just built, as on opening the workbook. Median of `rounds`.
 */
export function measureWorkbook(calls: number, rounds: number): WorkbookCost {
  const times: number[] = [];
  let distinctCalls = 0;
  for (let r = 0; r < rounds; r++) {
    const model = new IIJModel(RELEASES);
    const cells = CASES.filter((c) => c.scalar).flatMap((c) =>
      c.sweep(model).map((args) => [c.fn, args] as const)
    );
    distinctCalls = cells.length;
    const t0 = now();
    for (let i = 0; i < calls; i++) {
      const [fn, args] = cells[i % cells.length];
      invoke(fn, args, model);
    }
    times.push(now() - t0);
  }
  return { calls, distinctCalls, ms: median(times) };
}

/**
 * Cache memory: what the answer cache (src/functions/library.ts) holds after many distinct
 * error-giving calls, the worst case for it (each error message lists the valid choices, about a
 * kilobyte), as its own estimate against its bound in bytes, and as the heap really grows (after a
 * full collection before and after, the cache's model kept alive).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { RELEASES } from "../src/data";
import { ANSWER_CACHE_BYTES, answerCacheSize, invoke } from "../src/functions/library";
import { IIJModel } from "../src/model";
import { now } from "./stats";

export interface CacheMemory {
  readonly calls: number;
  readonly answersHeld: number;
  /** The cache's own estimate of the bytes it holds, and its bound. */
  readonly estimatedBytes: number;
  readonly boundBytes: number;
  /** The heap's growth over the calls: the cache, and the model's small lookup caches. */
  readonly heapDeltaBytes: number;
  readonly ms: number;
}

/** A full garbage collection, without starting node with --expose-gc. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** The i-th distinct call that gives an error, through every kind of argument in turn. */
function errorCall(i: number): [string, unknown[]] {
  switch (i % 8) {
    case 0:
      return ["INCOME", [`${i}Q01`, "Total revenues"]];
    case 1:
      return ["INCOME", ["1Q01", `Total revenue ${i}`]];
    case 2:
      return ["INCOME", ["1Q01", "Total revenues", `JPY ${i}`]];
    case 3:
      return ["GUIDANCE", ["2Q01", "Revenues", `bound ${i}`]];
    case 4:
      return ["GROWTH", ["1Q01", "Total revenues", `basis ${i}`]];
    case 5:
      return ["REVENUE", ["1Q01", `segment ${i}`]];
    case 6:
      return ["KPI", ["1Q01", `metric ${i}`]];
    default:
      return ["BALANCE", [`Jun ${i}, 2001`, "Cash"]];
  }
}

export function measureCacheMemory(calls: number): CacheMemory {
  const gc = collector();
  const model = new IIJModel(RELEASES);
  // Build the data index and catalogues first: they are the model's, not the cache's.
  for (let i = 0; i < 8; i++) invoke(...errorCall(i + calls), model);
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = now();
  for (let i = 0; i < calls; i++) invoke(...errorCall(i), model);
  const ms = now() - t0;
  gc();
  const heapDeltaBytes = process.memoryUsage().heapUsed - before;
  const { bytes, answers } = answerCacheSize(model);
  return {
    calls,
    answersHeld: answers,
    estimatedBytes: bytes,
    boundBytes: ANSWER_CACHE_BYTES,
    heapDeltaBytes,
    ms,
  };
}

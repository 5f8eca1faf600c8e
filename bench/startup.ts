/**
 * Start-up: from loading the functions bundle to the first answer of
 * IIJ.INCOME("1Q01","Total revenues") (the data index is built on that first call), each run in a
 * fresh Node process so that no module or compilation cache is warm.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { median } from "./stats";

export interface Startup {
  readonly firstAnswerMs: number;
  /** Parsing and running the bundle's scripts. */
  readonly loadMs: number;
  /** The first call: building the data index, then answering. */
  readonly firstCallMs: number;
  readonly scripts: readonly string[];
  readonly runs: number;
}

export function measureStartup(dist: string, runs: number): Startup {
  const results = Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, [join(__dirname, "startup-child.cjs"), dist], {
      encoding: "utf8",
    });
    const r = JSON.parse(out) as {
      scripts: string[];
      answer: unknown;
      loadMs: number;
      firstCallMs: number;
      firstAnswerMs: number;
    };
    if (r.answer !== 8332898) throw new Error(`Unexpected first answer ${String(r.answer)}`);
    return r;
  });
  return {
    firstAnswerMs: median(results.map((r) => r.firstAnswerMs)),
    loadMs: median(results.map((r) => r.loadMs)),
    firstCallMs: median(results.map((r) => r.firstCallMs)),
    scripts: results[0].scripts,
    runs,
  };
}

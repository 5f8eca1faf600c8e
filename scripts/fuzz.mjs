#!/usr/bin/env node
// Property-based fuzzing of every custom function at scale: `npm run fuzz -- --runs N --seed S`.
// The generator and the property are dev/fuzz/property.ts (shared with the jest sample); this
// script loads that TypeScript through bench/register.cjs (the benchmarks' @swc/core require hook),
// prints the outcomes by kind and by function, and ends with "N cases, V violations"; it exits 1 on
// any violation, after printing the seed and the smallest failing case.
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
// Transpiles .ts on require (no type-checking; `npm run typecheck` does that).
require("../bench/register.cjs");

const { values } = parseArgs({
  options: { runs: { type: "string", default: "100000" }, seed: { type: "string" } },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error("usage: npm run fuzz -- [--runs N] [--seed S]   (N, S whole numbers)");
  process.exit(2);
}

const { fuzz, showCase } = require("../dev/fuzz/property.ts");
const started = Date.now();
const report = fuzz(runs, seed);
const seconds = ((Date.now() - started) / 1000).toFixed(1);

const kinds = ["number", "text", "array", "#N/A", "#VALUE!", "violation"];
console.log(`seed ${seed}, ${runs} generated calls in ${seconds} s`);
console.log(`outcomes: ${kinds.map((k) => `${k} ${report.counts[k]}`).join(", ")}`);
for (const [fn, counts] of Object.entries(report.byFunction).sort())
  console.log(`  IIJ.${fn.padEnd(10)} ${kinds.map((k) => `${k} ${counts[k]}`).join(", ")}`);
if (report.violations > 0) {
  console.log("first violations:");
  for (const e of report.examples) console.log(`  ${showCase(e.c)}: ${e.why}`);
  if (report.smallest)
    console.log(
      `smallest failing case (seed ${seed}): ${showCase(report.smallest.c)}: ${report.smallest.why}`
    );
  console.log(`reproduce: npm run fuzz -- --runs ${runs} --seed ${seed}`);
}
console.log(`${runs} cases, ${report.violations} violations`);
process.exit(report.violations > 0 ? 1 : 0);

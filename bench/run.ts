/**
 * `npm run bench`: what the add-in costs Excel, measured in one process. Prints a table, or with
 * --json one JSON object (see BENCHMARKS.md for its fields). Timings are medians of several runs;
 * no test asserts them (shared machines are noisy): this reports, BENCHMARKS.md records.
 *
 * Run through `node --require ./bench/register.cjs bench/run.ts` after `npm run build` (the
 * start-up and bundle figures read dist/); `npm run bench` does both. `--only=scale` runs the
 * scale-with-history measurements alone, which need no build:
 * `node --require ./bench/register.cjs bench/run.ts --only=scale [--json]` (or
 * `npm run bench -- --only=scale`, which builds first all the same).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { measureBundles } from "./bundles";
import { measureCacheMemory } from "./cache-memory";
import { installCustomFunctions } from "../dev/excel-host/custom-functions";
import { measureExport } from "./export";
import { ROUND_TRIP_MS, measureLoadQuarter } from "./load-quarter";
import { type ScaleCost, measureScale, scaleRows } from "./scale";
import { measureStartup } from "./startup";

// Before the adapters are loaded: they throw CustomFunctions.Error for error answers.
installCustomFunctions();

const { measureFunctionCost, measureWorkbook } =
  require("./function-cost") as typeof import("./function-cost");

const ITERATIONS = 200_000;
const ROUNDS = 7;
const HEAVY_WORKBOOK_CALLS = 130_000;
const CACHE_MEMORY_CALLS = 40_000;
const DIST = join(__dirname, "..", "dist");

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) =>
        c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])
      );
      return i === 0
        ? `${line.join("  ")}\n${widths.map((w) => "-".repeat(w)).join("  ")}`
        : line.join("  ");
    })
    .join("\n");
}

/** The scale-with-history figures as printed (see bench/scale.ts). */
function scaleReport(scale: ScaleCost): string[] {
  return [
    "",
    `Scale with history (synthetic releases after 1Q01; Load quarter of the latest quarter in JPY millions, first load / reload; request sizes as Office.js JSON, limit ${fmt(scale.requestLimitBytes)} bytes; times median of ${scale.rounds}, first calls of ${scale.firstCallRounds} warm and ${scale.coldRuns} cold, each in a fresh process)`,
    table(scaleRows(scale, fmt)),
  ];
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  if (process.argv.includes("--only=scale")) {
    const scale = await measureScale();
    process.stdout.write(
      json ? `${JSON.stringify({ scale }, null, 2)}\n` : `${scaleReport(scale).join("\n")}\n`
    );
    return;
  }
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error(
      `No production build in ${DIST}: run "npm run build" first (npm run bench does).`
    );

  const functionCost = measureFunctionCost(ITERATIONS, ROUNDS);
  const workbook = measureWorkbook(HEAVY_WORKBOOK_CALLS, ROUNDS);
  const cacheMemory = measureCacheMemory(CACHE_MEMORY_CALLS);
  const loads = [];
  // The quarters the model offers, smallest sheet first: the syncs must not grow with the sheet.
  for (const quarter of ["1Q00", "4Q00", "1Q01"]) loads.push(await measureLoadQuarter(quarter));
  const full = loads[loads.length - 1];
  const startup = measureStartup(DIST, ROUNDS);
  const bundles = measureBundles(DIST);
  const exportCost = await measureExport(full.quarter, ROUNDS);
  const scale = await measureScale();

  const result = {
    functions: functionCost.map(
      ({ name, callsPerSecond, baselineCallsPerSecond, ratio, scalar, firstCallsPerSecond }) => ({
        name,
        callsPerSecond: Math.round(callsPerSecond),
        baselineCallsPerSecond: Math.round(baselineCallsPerSecond),
        ratio: Number(ratio.toFixed(2)),
        scalar,
        firstCallsPerSecond: Math.round(firstCallsPerSecond),
      })
    ),
    heavyWorkbook: { ...workbook, ms: Number(workbook.ms.toFixed(1)) },
    cacheMemory: { ...cacheMemory, ms: Number(cacheMemory.ms.toFixed(1)) },
    loadQuarter: {
      quarter: full.quarter,
      cells: full.cells,
      syncs: full.syncs,
      apiCalls: full.apiCalls,
      reloadSyncs: full.reloadSyncs,
      reloadApiCalls: full.reloadApiCalls,
      naiveSyncs: full.naiveSyncs,
      naiveApiCalls: full.naiveApiCalls,
      simulatedMs: full.simulatedMs,
      naiveSimulatedMs: full.naiveSimulatedMs,
      roundTripMs: ROUND_TRIP_MS,
      bySize: loads.map(({ quarter, cells, syncs, naiveSyncs }) => ({
        quarter,
        cells,
        syncs,
        naiveSyncs,
      })),
    },
    startup: {
      firstAnswerMs: Number(startup.firstAnswerMs.toFixed(1)),
      loadMs: Number(startup.loadMs.toFixed(1)),
      firstCallMs: Number(startup.firstCallMs.toFixed(1)),
      scripts: startup.scripts,
      runs: startup.runs,
    },
    bundles: bundles.files,
    decimalJsCopies: bundles.decimalJsCopies,
    export: {
      ms: Number(exportCost.ms.toFixed(1)),
      planMs: Number(exportCost.planMs.toFixed(1)),
      xlsxBytes: exportCost.xlsxBytes,
    },
    scale,
    machine: { node: process.version, platform: `${process.platform} ${process.arch}` },
  };

  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push("Function cost (through the Excel adapters; baseline: Map.get of a prebuilt key)");
  out.push(
    table([
      ["function", "calls/s", "baseline calls/s", "ratio", "first calls/s"],
      ...result.functions.map((f) => [
        f.name,
        fmt(f.callsPerSecond),
        fmt(f.baselineCallsPerSecond),
        `${fmt(f.ratio, 1)}x`,
        fmt(f.firstCallsPerSecond),
      ]),
    ])
  );
  out.push(
    `Heavy workbook: ${fmt(workbook.calls)} calls (${fmt(workbook.distinctCalls)} distinct) on a fresh model: ${fmt(workbook.ms, 1)} ms of JavaScript.`
  );
  out.push(
    `Cache memory: after ${fmt(cacheMemory.calls)} distinct error-giving calls the answer cache holds ${fmt(cacheMemory.answersHeld)} answers, ${fmt(cacheMemory.estimatedBytes)} bytes estimated (bound ${fmt(cacheMemory.boundBytes)}); the heap grew ${fmt(cacheMemory.heapDeltaBytes)} bytes.`
  );
  out.push("", `Load quarter (Excel host double; simulated at ${ROUND_TRIP_MS} ms per sync)`);
  out.push(
    table([
      [
        "quarter",
        "cells",
        "syncs",
        "API calls",
        "reload syncs",
        "reload API calls",
        "naive syncs",
        "naive API calls",
        "simulated",
        "naive simulated",
      ],
      ...loads.map((l) => [
        l.quarter,
        fmt(l.cells),
        fmt(l.syncs),
        fmt(l.apiCalls),
        fmt(l.reloadSyncs),
        fmt(l.reloadApiCalls),
        fmt(l.naiveSyncs),
        fmt(l.naiveApiCalls),
        `${fmt(l.simulatedMs)} ms`,
        `${fmt(l.naiveSimulatedMs)} ms`,
      ]),
    ])
  );
  out.push(
    "",
    `Start-up (fresh process, production bundle ${startup.scripts.join(" + ")}): first answer ${fmt(startup.firstAnswerMs, 1)} ms (load ${fmt(startup.loadMs, 1)} ms + first call ${fmt(startup.firstCallMs, 1)} ms), median of ${startup.runs}.`
  );
  out.push("", "Bundles (dist/, shipped files)");
  const totals = bundles.files.reduce(
    (t, f) => ({ bytes: t.bytes + f.bytes, gzip: t.gzip + f.gzipBytes }),
    { bytes: 0, gzip: 0 }
  );
  out.push(
    table([
      ["file", "bytes", "gzip"],
      ...bundles.files.map((f) => [f.file, fmt(f.bytes), fmt(f.gzipBytes)]),
      ["total", fmt(totals.bytes), fmt(totals.gzip)],
    ])
  );
  out.push(`decimal.js copies in the shipped JavaScript: ${bundles.decimalJsCopies}`);
  out.push(
    "",
    `Export (${full.quarter}): plan + .xlsx ${fmt(exportCost.ms, 1)} ms (plan ${fmt(exportCost.planMs, 1)} ms), ${fmt(exportCost.xlsxBytes)} bytes.`
  );
  out.push(...scaleReport(scale));
  process.stdout.write(`${out.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  );
  process.exit(1);
});

/**
 * Scale with history: models built on 4, 12 and 40 quarters of releases (the bundled 1Q01 release
 * and synthetic ones after it, dev/releases/generate.ts), and for each the Load quarter of its
 * latest quarter against the Excel host double: syncs, API calls, the size of each request as
 * Office.js would send it (dev/excel-host/payload.ts), and time; and the functions' first call on
 * a model just built.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateReleases } from "../dev/releases/generate";
import { FakeRequestContext, FakeWorkbookState } from "../dev/excel-host/fake-excel";
import { PayloadRecorder } from "../dev/excel-host/payload";
import { invoke } from "../src/functions/library";
import { IIJModel, type Release, periodKey } from "../src/model";
import { loadPlan } from "../src/sheet/excel-writer";
import { planModelSheet } from "../src/sheet/plan";
import { median, now } from "./stats";

/** The histories measured: a year, three years and ten years of quarterly releases. */
export const HISTORIES = [4, 12, 40] as const;

/**
 * Excel on the web's limit on one request's payload (and one response's): 5 MB. Counted here as
 * 5,000,000 bytes, the stricter reading.
 */
export const REQUEST_LIMIT_BYTES = 5_000_000;

export interface HistoryCost {
  /** Releases registered (one per quarter). */
  readonly releases: number;
  /** The loaded quarter: the latest. */
  readonly quarter: string;
  /** Quarters with printed figures, oldest to latest, and how many. */
  readonly span: string;
  readonly actualQuarters: number;
  readonly cells: number;
  readonly rows: number;
  readonly columns: number;
  readonly syncs: number;
  readonly apiCalls: number;
  /** Bytes of the first sync's request (the read) and the second's (the write), first load. */
  readonly readRequestBytes: number;
  readonly writeRequestBytes: number;
  /** A reload over the sheet the first load wrote: its write request and its largest response. */
  readonly reloadSyncs: number;
  readonly reloadWriteRequestBytes: number;
  readonly reloadLargestResponseBytes: number;
  /** Medians: planning the sheet, and the writer's load into a fresh workbook of the double. */
  readonly planMs: number;
  readonly loadMs: number;
  /** Medians on a model just built: its construction, then the first IIJ.INCOME answer. */
  readonly buildMs: number;
  readonly firstCallMs: number;
  /** The same in a fresh process (nothing compiled or warm), as when a workbook opens: medians. */
  readonly coldBuildMs: number;
  readonly coldFirstCallMs: number;
}

export interface ScaleCost {
  readonly histories: readonly HistoryCost[];
  readonly requestLimitBytes: number;
  /** Rounds of the loads' timings; the first calls take FIRST_CALL_ROUNDS. */
  readonly rounds: number;
  readonly firstCallRounds: number;
  readonly coldRuns: number;
}

const FIRST_CALL = ["1Q01", "Total revenues"] as const;
const WARM_UP_ROUNDS = 3;
/** First calls are cheap: many more rounds than the loads, for a steadier median. */
const FIRST_CALL_ROUNDS = 25;

interface Counted {
  readonly syncs: number;
  readonly apiCalls: number;
  readonly requests: PayloadRecorder["requests"];
}

/** One load through the payload recorder: syncs, commands run and each request's size. */
async function recordedLoad(
  book: FakeWorkbookState,
  plan: ReturnType<typeof planModelSheet>
): Promise<Counted> {
  const fake = new FakeRequestContext(book);
  const recorder = new PayloadRecorder(fake);
  const outcome = await loadPlan(recorder.context, plan);
  if (!outcome.ok) throw new Error(`Load quarter failed: ${outcome.message}`);
  return {
    syncs: fake.queue.syncs,
    apiCalls: fake.queue.commandsRun + fake.queue.commands.length,
    requests: recorder.requests,
  };
}

/** Median time of planning and of loading into a fresh workbook (no recorder: the writer alone). */
async function loadTimes(model: IIJModel, quarter: string, rounds: number) {
  const plans: number[] = [];
  const loads: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    const plan = planModelSheet(model, { quarter, unit: "JPY millions" });
    const t1 = now();
    const context = new FakeRequestContext(new FakeWorkbookState());
    await loadPlan(context as unknown as Excel.RequestContext, plan);
    plans.push(t1 - t0);
    loads.push(now() - t1);
  }
  return { planMs: median(plans), loadMs: median(loads) };
}

/**
 * The first call on a model just built, for every history, interleaved round by round so that
 * the machine's load and the JIT's warming fall on all alike.
 */
function firstCalls(histories: readonly (readonly Release[])[], rounds: number) {
  const build = histories.map(() => [] as number[]);
  const first = histories.map(() => [] as number[]);
  // The first rounds warm the JIT and are not counted: this measures the work, not the compiler.
  for (let r = -WARM_UP_ROUNDS; r < rounds; r++) {
    histories.forEach((releases, i) => {
      const t0 = now();
      const model = new IIJModel(releases);
      const t1 = now();
      const answer = invoke("INCOME", [...FIRST_CALL], model);
      if (r >= 0) build[i].push(t1 - t0);
      if (r >= 0) first[i].push(now() - t1);
      if (answer !== 8332898) throw new Error(`Unexpected first answer ${String(answer)}`);
    });
  }
  return histories.map((_, i) => ({ buildMs: median(build[i]), firstCallMs: median(first[i]) }));
}

const CHILD_FLAG = "--first-call-child";
const COLD_RUNS = 5;

/**
 * The first call in fresh processes: each run reads the releases from a JSON file and collects
 * garbage (untimed), then times building the model and its first IIJ.INCOME answer, no code warm.
 */
function coldFirstCalls(histories: readonly (readonly Release[])[], runs: number) {
  const files = histories.map((releases, i) => {
    const file = join(tmpdir(), `iij-scale-${process.pid}-${i}.json`);
    writeFileSync(file, JSON.stringify(releases));
    return file;
  });
  try {
    const times = files.map(() => ({ build: [] as number[], first: [] as number[] }));
    for (let r = 0; r < runs; r++)
      files.forEach((file, i) => {
        const out = execFileSync(
          process.execPath,
          [
            "--expose-gc",
            "--require",
            join(__dirname, "register.cjs"),
            __filename,
            CHILD_FLAG,
            file,
          ],
          { encoding: "utf8" }
        );
        const { buildMs, firstCallMs } = JSON.parse(out) as Record<string, number>;
        times[i].build.push(buildMs);
        times[i].first.push(firstCallMs);
      });
    return times.map((t) => ({ coldBuildMs: median(t.build), coldFirstCallMs: median(t.first) }));
  } finally {
    for (const file of files) rmSync(file, { force: true });
  }
}

/** The child of `coldFirstCalls`: one fresh model and its first answer, as JSON on stdout. */
function firstCallChild(file: string): void {
  const releases = JSON.parse(readFileSync(file, "utf8")) as Release[];
  // The releases just read are garbage collection's work, not the model's: collected before timing.
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = now();
  const model = new IIJModel(releases);
  const t1 = now();
  const answer = invoke("INCOME", [...FIRST_CALL], model);
  const t2 = now();
  if (answer !== 8332898) throw new Error(`Unexpected first answer ${String(answer)}`);
  process.stdout.write(JSON.stringify({ buildMs: t1 - t0, firstCallMs: t2 - t1 }));
}

if (require.main === module && process.argv[2] === CHILD_FLAG) firstCallChild(process.argv[3]);

async function measureHistory(releases: readonly Release[], rounds: number) {
  const model = new IIJModel(releases);
  const quarter = periodKey(model.latestQuarter);
  const plan = planModelSheet(model, { quarter, unit: "JPY millions" });
  const book = new FakeWorkbookState();
  const first = await recordedLoad(book, plan);
  const reload = await recordedLoad(book, plan);
  const actual = model.quarters("INCOME");
  return {
    releases: releases.length,
    quarter,
    span: `${periodKey(actual[0])}-${periodKey(actual[actual.length - 1])}`,
    actualQuarters: actual.length,
    cells: plan.cells.length,
    rows: plan.rowCount,
    columns: plan.columnCount,
    syncs: first.syncs,
    apiCalls: first.apiCalls,
    readRequestBytes: first.requests[0]?.bytes ?? 0,
    writeRequestBytes: first.requests[1]?.bytes ?? 0,
    reloadSyncs: reload.syncs,
    reloadWriteRequestBytes: reload.requests[1]?.bytes ?? 0,
    reloadLargestResponseBytes: Math.max(...reload.requests.map((r) => r.responseBytes)),
    ...(await loadTimes(model, quarter, rounds)),
  };
}

/** Times to the hundredth of a millisecond, as the other figures of the JSON object are given. */
function rounded(cost: HistoryCost): HistoryCost {
  const ms = (n: number) => Number(n.toFixed(2));
  return {
    ...cost,
    planMs: ms(cost.planMs),
    loadMs: ms(cost.loadMs),
    buildMs: ms(cost.buildMs),
    firstCallMs: ms(cost.firstCallMs),
    coldBuildMs: ms(cost.coldBuildMs),
    coldFirstCallMs: ms(cost.coldFirstCallMs),
  };
}

export async function measureScale(
  sizes: readonly number[] = HISTORIES,
  rounds = 5
): Promise<ScaleCost> {
  const histories = sizes.map((n) => generateReleases(n));
  const calls = firstCalls(histories, FIRST_CALL_ROUNDS);
  const cold = coldFirstCalls(histories, COLD_RUNS);
  const measured: HistoryCost[] = [];
  for (const [i, releases] of histories.entries())
    measured.push(
      rounded({ ...(await measureHistory(releases, rounds)), ...calls[i], ...cold[i] })
    );
  return {
    histories: measured,
    requestLimitBytes: REQUEST_LIMIT_BYTES,
    rounds,
    firstCallRounds: FIRST_CALL_ROUNDS,
    coldRuns: COLD_RUNS,
  };
}

/** The table rows `npm run bench` prints for the scale measurements. */
export function scaleRows(cost: ScaleCost, fmt: (n: number, digits?: number) => string) {
  const kb = (bytes: number) => `${fmt(bytes / 1000)} kB`;
  return [
    [
      "quarters",
      "loaded",
      "cells",
      "syncs",
      "API calls",
      "write request",
      "reload write",
      "largest response",
      "plan",
      "load",
      "model built",
      "first INCOME",
      "cold: built",
      "cold: first INCOME",
    ],
    ...cost.histories.map((h) => [
      `${h.releases} (${h.span}, ${h.actualQuarters} columns)`,
      h.quarter,
      fmt(h.cells),
      `${h.syncs} / ${h.reloadSyncs}`,
      fmt(h.apiCalls),
      kb(h.writeRequestBytes),
      kb(h.reloadWriteRequestBytes),
      kb(h.reloadLargestResponseBytes),
      `${fmt(h.planMs)} ms`,
      `${fmt(h.loadMs)} ms`,
      `${fmt(h.buildMs, 2)} ms`,
      `${fmt(h.firstCallMs, 2)} ms`,
      `${fmt(h.coldBuildMs, 1)} ms`,
      `${fmt(h.coldFirstCallMs, 1)} ms`,
    ]),
  ];
}

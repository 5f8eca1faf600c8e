/**
 * Load quarter cost: `context.sync()` round trips and Excel API calls (commands queued and run in
 * Excel) per load, against the fake Excel of dev/excel-host/fake-excel.ts, for the shipped writer
 * (src/sheet/excel-writer.ts) and for the naive cell-by-cell writer kept in bench/.
 */
import { defaultModel } from "../src/model";
import { loadPlan } from "../src/sheet/excel-writer";
import { planModelSheet } from "../src/sheet/plan";
import { FakeRequestContext, FakeWorkbookState } from "../dev/excel-host/fake-excel";
import { naiveLoadPlan } from "./naive-writer";

/** Excel on the web: a round trip to the workbook's host is of this order. */
export const ROUND_TRIP_MS = 100;

export interface LoadQuarterCost {
  readonly quarter: string;
  readonly cells: number;
  readonly syncs: number;
  readonly apiCalls: number;
  readonly reloadSyncs: number;
  readonly reloadApiCalls: number;
  readonly naiveSyncs: number;
  readonly naiveApiCalls: number;
  /** Syncs x ROUND_TRIP_MS: the waiting on the network alone, not Excel's own work. */
  readonly simulatedMs: number;
  readonly naiveSimulatedMs: number;
}

type Writer = (context: Excel.RequestContext, plan: ReturnType<typeof planModelSheet>) => unknown;

async function count(
  book: FakeWorkbookState,
  write: Writer,
  plan: ReturnType<typeof planModelSheet>
) {
  const context = new FakeRequestContext(book);
  await write(context as unknown as Excel.RequestContext, plan);
  // Every command queued has run: a sync leaves none behind.
  return {
    syncs: context.queue.syncs,
    apiCalls: context.queue.commandsRun + context.queue.commands.length,
  };
}

/** The costs of loading `quarter` (the model's columns up to it), in JPY millions. */
export async function measureLoadQuarter(quarter: string): Promise<LoadQuarterCost> {
  const plan = planModelSheet(defaultModel(), { quarter, unit: "JPY millions" });
  const book = new FakeWorkbookState();
  const first = await count(book, loadPlan, plan);
  const reload = await count(book, loadPlan, plan);
  const naive = await count(new FakeWorkbookState(), naiveLoadPlan, plan);
  return {
    quarter,
    cells: plan.cells.length,
    syncs: first.syncs,
    apiCalls: first.apiCalls,
    reloadSyncs: reload.syncs,
    reloadApiCalls: reload.apiCalls,
    naiveSyncs: naive.syncs,
    naiveApiCalls: naive.apiCalls,
    simulatedMs: first.syncs * ROUND_TRIP_MS,
    naiveSimulatedMs: naive.syncs * ROUND_TRIP_MS,
  };
}

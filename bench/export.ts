/** Export: the time to plan the model sheet and write it as an .xlsx workbook (in memory). */
import { defaultModel } from "../src/model";
import { planModelSheet } from "../src/sheet/plan";
import { renderPlanToXlsx } from "../src/sheet/xlsx-writer";
import { median, now } from "./stats";

export interface ExportCost {
  readonly ms: number;
  readonly planMs: number;
  readonly xlsxBytes: number;
}

export async function measureExport(quarter: string, rounds: number): Promise<ExportCost> {
  const model = defaultModel();
  await renderPlanToXlsx(planModelSheet(model, { quarter, unit: "JPY millions" })); // warm up
  const total: number[] = [];
  const planning: number[] = [];
  let bytes = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    const plan = planModelSheet(model, { quarter, unit: "JPY millions" });
    const t1 = now();
    bytes = (await renderPlanToXlsx(plan)).length;
    total.push(now() - t0);
    planning.push(t1 - t0);
  }
  return { ms: median(total), planMs: median(planning), xlsxBytes: bytes };
}

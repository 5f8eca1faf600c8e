/**
 * Scale with history: Load quarter on a model of ten years of quarterly releases (40, the bundled
 * 1Q01 release and synthetic ones after it) stays at two syncs, and what it sends Excel in one
 * request, measured as Office.js would serialise it (dev/excel-host/payload.ts), stays under Excel
 * on the web's 5 MB limit. Sizes, not times: no test here asserts a time.
 */
import { generateReleases } from "../../dev/releases/generate";
import { FakeRequestContext, FakeWorkbookState } from "../../dev/excel-host/fake-excel";
import { PayloadRecorder } from "../../dev/excel-host/payload";
import { REQUEST_LIMIT_BYTES } from "../../bench/scale";
import { IIJModel, periodKey } from "../../src/model";
import { loadPlan } from "../../src/sheet/excel-writer";
import { planModelSheet } from "../../src/sheet/plan";

const model = new IIJModel(generateReleases(40));
const quarter = periodKey(model.latestQuarter);
const plan = planModelSheet(model, { quarter, unit: "JPY millions" });

async function recordedLoad(book: FakeWorkbookState) {
  const fake = new FakeRequestContext(book);
  const recorder = new PayloadRecorder(fake);
  const outcome = await loadPlan(recorder.context, plan);
  return { outcome, fake, requests: recorder.requests };
}

test("the 40-quarter sheet has a column for every quarter from 1Q00 to 4Q10", () => {
  expect(quarter).toBe("4Q10");
  const headers = plan.cells.filter((c) => c.text === "1Q00" || c.text === "4Q10");
  expect(headers.length).toBeGreaterThanOrEqual(2);
  expect(plan.columnCount).toBeGreaterThan(44);
});

const least = plan.cells
  .map((c) => JSON.stringify(c.formula ?? c.text ?? c.number ?? "").length)
  .reduce((a, b) => a + b, 0);

test("Load quarter on 40 quarters: two syncs, each request and response under 5 MB; a reload too", async () => {
  const book = new FakeWorkbookState();
  for (const label of ["first load", "reload"]) {
    const { outcome, fake, requests } = await recordedLoad(book);
    expect([label, outcome.ok, outcome.message]).toEqual([label, true, expect.any(String)]);
    expect([label, fake.queue.syncs]).toEqual([label, 2]);
    expect(requests).toHaveLength(2);
    for (const r of requests) {
      expect(r.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
      expect(r.responseBytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    }
    // The write carries the sheet: at least every cell's formula, text or number as JSON.
    expect(requests[1].bytes).toBeGreaterThan(least);
  }
});

test("the recorder only watches: the same commands run, the same sheet is written", async () => {
  const plain = new FakeWorkbookState();
  const context = new FakeRequestContext(plain);
  await loadPlan(context as unknown as Excel.RequestContext, plan);
  const recorded = new FakeWorkbookState();
  const { fake } = await recordedLoad(recorded);
  expect(fake.queue.batches).toEqual(context.queue.batches);
  const cells = (book: FakeWorkbookState) =>
    book.sheets.map((s) => [s.name, [...s.cells.entries()].map(([k, d]) => [k, d.formula])]);
  expect(cells(recorded)).toEqual(cells(plain));
});

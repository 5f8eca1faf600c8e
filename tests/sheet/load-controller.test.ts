import { defaultModel } from "../../src/model";
import type { LoadOutcome } from "../../src/sheet/excel-writer";
import type { SheetPlan } from "../../src/sheet/plan-types";
import { LoadController, type Tone } from "../../src/taskpane/load-controller";

function setUp(write: (plan: SheetPlan) => Promise<LoadOutcome>) {
  const statuses: [string, Tone][] = [];
  const busy: boolean[] = [];
  const controller = new LoadController(defaultModel(), write, {
    setBusy: (b) => busy.push(b),
    setStatus: (m, t) => statuses.push([m, t]),
  });
  return { controller, statuses, busy };
}

const ok = (plan: SheetPlan): LoadOutcome => ({
  ok: true,
  message: `Loaded ${plan.quarter}`,
  sheetName: plan.sheetName,
  values: 1,
  formulas: 1,
  checks: 1,
  carried: 0,
});

test("the pane offers the registered quarters, latest first, and the two units", () => {
  const { controller } = setUp(async (p) => ok(p));
  expect(controller.quarters()).toEqual(["1Q01", "4Q00", "1Q00"]);
  expect(controller.units()).toEqual(["JPY millions", "JPY thousands"]);
});

test("a click while loading does not start a second load", async () => {
  let release: () => void = () => undefined;
  const plans: SheetPlan[] = [];
  const { controller, busy, statuses } = setUp(
    (plan) =>
      new Promise((resolve) => {
        plans.push(plan);
        release = () => resolve(ok(plan));
      })
  );
  const first = controller.load("1Q01", "JPY millions");
  expect(controller.loading).toBe(true);
  expect(await controller.load("1Q01", "JPY millions")).toBe(false);
  expect(await controller.load("4Q00", "JPY thousands")).toBe(false);
  release();
  expect(await first).toBe(true);
  expect(plans.map((p) => `${p.quarter} ${p.unit}`)).toEqual(["1Q01 JPY millions"]);
  expect(busy).toEqual([true, false]);
  expect(statuses).toEqual([
    ["Loading 1Q01 in JPY millions…", "info"],
    ["Loaded 1Q01", "success"],
  ]);
});

test("a failure is reported in plain words and the button comes back", async () => {
  const { controller, busy, statuses } = setUp(async () => {
    throw new Error("The workbook is read-only");
  });
  await controller.load("1Q01", "JPY thousands");
  expect(statuses.at(-1)).toEqual(["Could not load 1Q01: The workbook is read-only", "error"]);
  expect(busy).toEqual([true, false]);
  expect(controller.loading).toBe(false);
});

test("a writer that reports a failed load shows its message as an error", async () => {
  const { controller, statuses } = setUp(async (plan) => ({
    ...ok(plan),
    ok: false,
    message: "Load failed: x. The previous sheet was restored.",
  }));
  await controller.load("1Q01", "JPY millions");
  expect(statuses.at(-1)).toEqual(["Load failed: x. The previous sheet was restored.", "error"]);
});

test("an unknown unit is refused before anything is written", async () => {
  const written: SheetPlan[] = [];
  const { controller, statuses } = setUp(async (plan) => {
    written.push(plan);
    return ok(plan);
  });
  await controller.load("1Q01", "USD");
  expect(written).toEqual([]);
  expect(statuses.at(-1)?.[0]).toMatch(/Choose a unit: JPY millions or JPY thousands/);
});

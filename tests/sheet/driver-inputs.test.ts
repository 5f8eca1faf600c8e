/**
 * The analyst's driver values survive a reload: every driver cell of every estimated quarter is a
 * blank input slot in the plan, so the reload's merge (src/sheet/merge.ts) carries what was typed
 * there, and the value in use reads it.
 */
import { defaultModel } from "../../src/model";
import { BLANK_MODEL_CELL, layoutRecordOf, mergeSheet, topLeftOf } from "../../src/sheet/merge";
import { planModelSheet } from "../../src/sheet/plan";
import { type SheetPlan, a1 } from "../../src/sheet/plan-types";

const model = defaultModel();
const millions = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
const thousands = planModelSheet(model, { quarter: "1Q01", unit: "JPY thousands" });

/** The analyst's cell of a driver in a quarter: the one its In use formula reads first. */
function yours(plan: SheetPlan, name: string): { row: number; col: number } {
  const n = plan.names.find((x) => x.name === name)!;
  const used = plan.cells.find((c) => c.row === n.row && c.col === n.col)!.formula!;
  return topLeftOf(used.match(/^=IF\(([A-Z]+\d+)=""/)![1]);
}

test("every driver name of every quarter has its own blank input slot, in its quarter's column", () => {
  const drivers = millions.names.filter((n) => n.name.startsWith("IIJ_DRV_"));
  expect(drivers.length).toBe(millions.cells.filter((c) => c.style === "inputSlot").length - 1);
  for (const n of drivers) {
    const slot = yours(millions, n.name);
    const cell = millions.cells.find((c) => c.row === slot.row && c.col === slot.col);
    expect([n.name, cell?.style, cell?.text, slot.col]).toEqual([n.name, "inputSlot", "", n.col]);
  }
});

test("a reload (another unit) keeps the values typed in driver cells, with no conflict", () => {
  const typed = [
    ["IIJ_DRV_GROWTH_SI_3Q01", 0.25],
    ["IIJ_DRV_SEASON_SI_4Q01", 0.3],
    ["IIJ_DRV_INCOME_TAX_1Q02", 150],
  ] as const;
  const previous = layoutRecordOf(millions);
  // The sheet as the last load left it: the blank cells it drew read back empty.
  const current = previous.map((row) => row.map((v) => (v === BLANK_MODEL_CELL ? "" : v)));
  for (const [name, value] of typed) {
    const { row, col } = yours(millions, name);
    current[row][col] = value;
  }
  const merged = mergeSheet(thousands, current, previous);
  expect(merged.conflicts).toEqual([]);
  expect(merged.carried).toBe(typed.length);
  for (const [name, value] of typed) {
    const { row, col } = yours(thousands, name);
    // Left as it is (null: not written), the analyst's.
    expect([
      name,
      current[row][col],
      merged.formulas[row][col],
      merged.analystOwned[row][col],
    ]).toEqual([name, value, null, true]);
  }
  // The seeds are written again beside them (the Mid seed of 2Q01 D&A: 655 - (-25) + 30.649).
  const da = thousands.names.find((n) => n.name === "IIJ_DRV_DA_2Q01")!;
  const used = thousands.cells.find((c) => c.row === da.row && c.col === da.col)!.formula!;
  const mid = used.match(/,([A-Z]+\d+)\)\),/)![1];
  const { row, col } = topLeftOf(mid);
  expect(merged.formulas[row][col]).toBe(710.649);
  expect(a1(row, col)).toBe(mid);
});

/**
 * The forecast drivers: the scenario, then one row per driver in each block, one column per
 * estimated quarter (the estimate's own column): the analyst's values (blank cells to type in),
 * the values in use (each named `IIJ_DRV_<DRIVER>_<quarter>`: the analyst's value, else the
 * scenario's seed), and the Low, Mid and High seeds.
 */
import { type Driver, SCENARIOS, SCENARIO_NAME, type Scenario, driverName } from "../forecast";
import { a1 } from "../plan-types";
import { FIRST_PERIOD_COL, ID_COL, LABEL_COL } from "./columns";
import type { PlanContext } from "./context";
import { FORMATS } from "./formats";
import {
  DRIVER_BLOCKS,
  type DriverBlock,
  type Section,
  type SheetLayout,
  driverRow,
} from "./layout";
import { seedNote } from "./seed-note";
import type { SheetWriter } from "./writer";

/** The scenario: the analyst's choice, and the one in use (named `IIJ_SCENARIO`). */
const SCENARIO_COLS = { yours: FIRST_PERIOD_COL, used: FIRST_PERIOD_COL + 1 };

function blockTitle(ctx: PlanContext, block: DriverBlock): string {
  if (block === "yours")
    return "Your values: type in any quarter's cell; a blank cell uses the scenario's seed";
  if (block === "used")
    return "In use: your value, else the scenario's seed (each named IIJ_DRV_<DRIVER>_<quarter>)";
  const bound = block === "Mid" ? "the midpoint" : `the ${block.toLowerCase()} end`;
  const guided = ctx.targets.revenues ? `: the first estimate on ${bound} of its guidance` : "";
  return `${block} seeds${guided}`;
}

function numberFormat(driver: Driver): string {
  switch (driver.unit) {
    case "JPY millions per quarter":
      return FORMATS.millions;
    case "shares":
    case "ADS per share":
      return FORMATS.count;
    case "days":
      return FORMATS.decimal;
    default:
      return FORMATS.percentDriver;
  }
}

function putScenario(layout: SheetLayout, out: SheetWriter): void {
  const row = layout.row("scenario");
  const yours = a1(row, SCENARIO_COLS.yours);
  out.text(row, LABEL_COL, "Scenario for the seeds (Low, Mid or High; blank is Mid)", "label");
  out.text(row, ID_COL, "scenario", "unit");
  out.put(row, SCENARIO_COLS.yours, { text: "", style: "inputSlot" });
  out.validations.push({ row, col: SCENARIO_COLS.yours, list: [...SCENARIOS] });
  out.put(row, SCENARIO_COLS.used, {
    formula: `=IF(${yours}="","Mid",IF(OR(${yours}="Low",${yours}="Mid",${yours}="High"),${yours},NA()))`,
    style: "formula",
  });
  out.name(
    SCENARIO_NAME,
    row,
    SCENARIO_COLS.used,
    "Scenario the driver seeds follow: Low, Mid or High"
  );
}

/** The value in use: the analyst's, else the seed of the scenario in use. */
function usedFormula(layout: SheetLayout, id: string, col: number): string {
  const at = (block: DriverBlock) => a1(layout.row(driverRow(id, block)), col);
  const scenario = a1(layout.row("scenario"), SCENARIO_COLS.used);
  const seed = `IF(${scenario}="Low",${at("Low")},IF(${scenario}="High",${at("High")},${at("Mid")}))`;
  return `=IF(${at("yours")}="",${seed},${at("yours")})`;
}

function putDriver(ctx: PlanContext, layout: SheetLayout, out: SheetWriter, driver: Driver): void {
  const format = numberFormat(driver);
  for (const block of DRIVER_BLOCKS) {
    const row = layout.row(driverRow(driver.id, block));
    out.text(row, LABEL_COL, driver.label, "label");
    out.text(row, ID_COL, driver.unit, "unit");
    for (const c of ctx.columns.estimates) {
      if (block === "yours")
        out.put(row, c.col, { text: "", style: "inputSlot", numberFormat: format });
      else if (block === "used") {
        const formula = usedFormula(layout, driver.id, c.col);
        out.put(row, c.col, { formula, style: "formula", numberFormat: format });
        const comment = `${driver.label}, ${c.key}E (${driver.unit})`;
        out.name(driverName(driver.id, c.key), row, c.col, comment);
      } else {
        const seed = driver.seeds.get(c.key)?.[block as Scenario];
        if (seed)
          out.put(row, c.col, { number: seed.toString(), style: "seed", numberFormat: format });
      }
    }
  }
}

function buildDrivers(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  putScenario(layout, out);
  const heads = layout.row("driver_headers");
  out.text(heads, LABEL_COL, "Driver", "columnHeader");
  out.text(heads, ID_COL, "Unit", "columnHeader");
  for (const c of ctx.columns.estimates) out.text(heads, c.col, `${c.key}E`, "estimateHeader");
  for (const block of DRIVER_BLOCKS)
    out.text(layout.row(`driver_block:${block}`), LABEL_COL, blockTitle(ctx, block), "headerLabel");
  for (const driver of ctx.seeding.drivers) putDriver(ctx, layout, out, driver);
  out.text(layout.row("driver_note"), LABEL_COL, seedNote(ctx), "note");
}

export const DRIVERS: Section = {
  id: "drivers",
  title: () =>
    "Forecast drivers (inputs: type in the Your values block; blank uses the scenario's seed)",
  rows: ({ seeding }) => [
    "scenario",
    "driver_headers",
    ...DRIVER_BLOCKS.flatMap((block) => [
      `driver_block:${block}` as const,
      ...seeding.drivers.map((d) => driverRow(d.id, block)),
    ]),
    "driver_note",
  ],
  build: buildDrivers,
};

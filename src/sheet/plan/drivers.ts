/**
 * The forecast drivers: the scenario, then each driver's Low, Mid and High seeds, the analyst's
 * value and the value in use, which carries the driver's workbook name.
 */
import { SCENARIOS, SCENARIO_NAME, type seedDrivers } from "../forecast";
import { a1 } from "../plan-types";
import { FIRST_PERIOD_COL, ID_COL, LABEL_COL } from "./columns";
import type { PlanContext } from "./context";
import { FORMATS } from "./formats";
import { type Section, type SheetLayout, driverRow } from "./layout";
import type { SheetWriter } from "./writer";

type Driver = ReturnType<typeof seedDrivers>["drivers"][number];

const COLS = {
  low: FIRST_PERIOD_COL,
  mid: FIRST_PERIOD_COL + 1,
  high: FIRST_PERIOD_COL + 2,
  yours: FIRST_PERIOD_COL + 3,
  used: FIRST_PERIOD_COL + 4,
};

function putScenario(layout: SheetLayout, out: SheetWriter): void {
  const row = layout.row("scenario");
  const yours = a1(row, COLS.yours);
  out.text(row, LABEL_COL, "Scenario for the seeds (Low, Mid or High)", "label");
  out.text(row, ID_COL, "scenario", "unit");
  out.put(row, COLS.yours, { text: "", style: "inputSlot" });
  out.validations.push({ row, col: COLS.yours, list: [...SCENARIOS] });
  out.put(row, COLS.used, {
    formula: `=IF(${yours}="","Mid",IF(OR(${yours}="Low",${yours}="Mid",${yours}="High"),${yours},NA()))`,
    style: "formula",
  });
  out.name(SCENARIO_NAME, row, COLS.used, "Scenario the driver seeds follow: Low, Mid or High");
}

function putDriver(layout: SheetLayout, out: SheetWriter, driver: Driver): void {
  const row = layout.row(driverRow(driver.id));
  const numberFormat =
    driver.unit === "JPY millions per quarter" ? FORMATS.millions : FORMATS.percentDriver;
  const at = (col: number) => a1(row, col);
  const scenario = a1(layout.row("scenario"), COLS.used);
  out.text(row, LABEL_COL, driver.label, "label");
  out.text(row, ID_COL, driver.unit, "unit");
  SCENARIOS.forEach((sc, i) =>
    out.put(row, FIRST_PERIOD_COL + i, {
      number: driver.seeds[sc].toString(),
      style: "seed",
      numberFormat,
    })
  );
  out.put(row, COLS.yours, { text: "", style: "inputSlot", numberFormat });
  const yours = at(COLS.yours);
  out.put(row, COLS.used, {
    formula: `=IF(${yours}="",IF(${scenario}="Low",${at(COLS.low)},IF(${scenario}="High",${at(COLS.high)},${at(COLS.mid)})),${yours})`,
    style: "formula",
    numberFormat,
  });
  out.name(driver.name, row, COLS.used, `${driver.label} (${driver.unit})`);
}

function buildDrivers(ctx: PlanContext, layout: SheetLayout, out: SheetWriter): void {
  const heads = layout.row("driver_headers");
  out.text(heads, LABEL_COL, "Driver", "columnHeader");
  out.text(heads, ID_COL, "Unit", "columnHeader");
  ["Low seed", "Mid seed", "High seed", "Your value", "In use"].forEach((h, i) =>
    out.text(heads, FIRST_PERIOD_COL + i, h, "columnHeader")
  );
  putScenario(layout, out);
  for (const driver of ctx.seeding.drivers) putDriver(layout, out, driver);
  out.text(layout.row("driver_note"), LABEL_COL, ctx.seeding.note, "note");
}

export const DRIVERS: Section = {
  id: "drivers",
  title: () =>
    "Forecast drivers (inputs: type in the Your value column; blank uses the scenario's seed)",
  rows: ({ seeding }) => [
    "driver_headers",
    "scenario",
    ...seeding.drivers.map((d) => driverRow(d.id)),
    "driver_note",
  ],
  build: buildDrivers,
};

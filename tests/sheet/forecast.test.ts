/** The forecast block of the plan: columns, formulas over drivers, seeds from guidance. */
import { Dec, defaultModel, quarter } from "../../src/model";
import { forecastLines, driverName, forecastQuarters, seedDrivers } from "../../src/sheet/forecast";
import { planModelSheet } from "../../src/sheet/plan";
import { a1 } from "../../src/sheet/plan-types";

const model = defaultModel();
const plan = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
const at = new Map(plan.cells.map((c) => [a1(c.row, c.col), c]));
const rowOfId = (id: string) => plan.cells.find((c) => c.col === 1 && c.text === id)!.row + 1;

test("estimate columns follow the actuals, headed 2Q01E, 3Q01E, 4Q01E and FY2001E", () => {
  expect(["C", "D", "E", "F", "G", "H", "I"].map((c) => at.get(`${c}10`)?.text)).toEqual([
    "1Q00",
    "4Q00",
    "1Q01",
    "2Q01E",
    "3Q01E",
    "4Q01E",
    "FY2001E",
  ]);
  expect(at.get("F10")?.style).toBe("estimateHeader");
  expect(at.get("F11")?.text).toBe("Sep 30, 2001 (estimate)");
});

test("every estimate is a formula over drivers and other cells, with no figure typed in", () => {
  for (const [id] of forecastLines(model)) {
    for (const col of ["F", "G", "H", "I"]) {
      const cell = at.get(`${col}${rowOfId(id)}`);
      expect(cell?.formula).toBeDefined();
      // What is left after removing cell references and driver names is operators and "1+".
      const rest = (cell?.formula as string)
        .replace(/IIJ_DRV_[A-Z_]+/g, "")
        .replace(/\$?[A-Z]{1,2}\$?\d+/g, "")
        .replace(/\(1\+/g, "(");
      expect([id, col, rest]).toEqual([id, col, expect.stringMatching(/^[=A-Z()*,+-]*$/)]);
    }
  }
  const r = rowOfId("dedicated_access_services");
  expect(at.get(`F${r}`)?.formula).toBe(`=E${r}*(1+IIJ_DRV_GROWTH_DEDICATED)`);
  expect(at.get(`G${r}`)?.formula).toBe(`=F${r}*(1+IIJ_DRV_GROWTH_DEDICATED)`);
});

test("FY2001E sums 1Q01 actual and the three estimates", () => {
  for (const id of ["total_revenues", "operating_income", "total_costs"]) {
    const r = rowOfId(id);
    expect(at.get(`I${r}`)?.formula).toBe(`=SUM(E${r},F${r},G${r},H${r})`);
  }
});

test("every driver is a named input with a label and unit; names resolve to the In use column", () => {
  const names = new Map(plan.names.map((n) => [n.name, n]));
  const referenced = new Set(
    plan.cells.flatMap((c) => c.formula?.match(/IIJ_DRV_[A-Z_]+|IIJ_SCENARIO/g) ?? [])
  );
  for (const name of referenced) expect([name, names.has(name)]).toEqual([name, true]);
  for (const name of [...names.keys()].filter((n) => n.startsWith("IIJ_DRV_"))) {
    const n = names.get(name)!;
    expect(at.get(a1(n.row, 0))?.text).toBeTruthy();
    expect(at.get(a1(n.row, 1))?.text).toMatch(/%|JPY millions/);
    expect(at.get(a1(n.row, n.col - 1))?.style).toBe("inputSlot");
  }
});

describe("seeds put 2Q01E on guidance in each scenario, computed from the printed 1Q01 figures", () => {
  const { drivers } = seedDrivers(model, quarter(2001, 1), quarter(2001, 2));
  const seed = (id: string, s: "Low" | "Mid" | "High") =>
    drivers.find((d) => d.id === id)!.seeds[s];
  // 1Q01, JPY millions, as printed: revenue segments, costs by segment, opex, D&A, EBITDA.
  const revenue = {
    dedicated: "3386.912",
    dialup: "983.461",
    datacenter: "489.385",
    otherVas: "391.731",
    other: "452.126",
    si: "2279.854",
    equipment: "349.429",
  };
  const growthIds = {
    dedicated: "growth_dedicated",
    dialup: "growth_dialup",
    datacenter: "growth_datacenter",
    otherVas: "growth_other_vas",
    other: "growth_other",
    si: "growth_si",
    equipment: "growth_equipment",
  };
  test.each([
    ["Low", "9000", "-100", "580"],
    ["Mid", "9250", "-25", "655"],
    ["High", "9500", "50", "730"],
  ] as const)(
    "%s: revenues %s, operating income %s, EBITDA %s (JPY millions)",
    (s, rev, op, ebitda) => {
      const r = (k: keyof typeof revenue) =>
        new Dec(revenue[k]).times(seed(growthIds[k], s).plus(1));
      const total = (Object.keys(revenue) as (keyof typeof revenue)[]).reduce(
        (acc, k) => acc.plus(r(k)),
        new Dec(0)
      );
      expect(total.toDecimalPlaces(20).toString()).toBe(rev);
      const connectivity = r("dedicated")
        .plus(r("dialup"))
        .plus(r("datacenter"))
        .plus(r("otherVas"))
        .plus(r("other"));
      const costs = connectivity
        .times(seed("cost_connectivity", s))
        .plus(r("si").times(seed("cost_si", s)))
        .plus(r("equipment").times(seed("cost_equipment", s)));
      const opex = new Dec("818.786").plus("439.030").plus("86.598"); // flat: growth seeds are 0
      expect(["growth_sm", "growth_ga", "growth_rd"].map((id) => seed(id, s).toString())).toEqual([
        "0",
        "0",
        "0",
      ]);
      const operating = total.minus(costs).minus(opex);
      expect(operating.toDecimalPlaces(20).toString()).toBe(op);
      const ebitdaE = operating.plus(seed("da", s)).minus(seed("ebitda_gap", s));
      expect(ebitdaE.toDecimalPlaces(20).toString()).toBe(ebitda);
    }
  );
  test("the Table 5 gap seed is 1Q01's: (299.814) + 706.463 - 376 = 30.649", () => {
    expect(seed("ebitda_gap", "Mid").toString()).toBe("30.649");
  });
});

test("without guidance for the next quarter, drivers seed flat from the last quarter", () => {
  expect(forecastQuarters(quarter(2000, 4)).map((q) => `${q.q}Q`)).toEqual([
    "1Q",
    "2Q",
    "3Q",
    "4Q",
  ]);
  const { drivers, note } = seedDrivers(model, quarter(2000, 4), quarter(2001, 1));
  expect(drivers.find((d) => d.id === "growth_si")!.seeds.Mid.toString()).toBe("0");
  expect(note).toMatch(/no guidance for 1Q01/);
  expect(driverName("da")).toBe("IIJ_DRV_DA");
});

/**
 * The forecast block of the plan: columns, formulas over per-quarter drivers, and the seeds, each
 * checked against arithmetic done here on figures typed from the printed release (JPY millions).
 */
import { Dec, defaultModel, quarter } from "../../src/model";
import { BALANCING, TIES, type Term } from "../../src/model";
import {
  type ForecastCheck,
  type Scenario,
  checkDifference,
  driverName,
  forecastChecks,
  forecastLines,
  forecastQuarters,
  seedDrivers,
} from "../../src/sheet/forecast";
import { planModelSheet } from "../../src/sheet/plan";
import { a1 } from "../../src/sheet/plan-types";

const model = defaultModel();
const plan = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
const at = new Map(plan.cells.map((c) => [a1(c.row, c.col), c]));
const rowOfId = (id: string) => plan.cells.find((c) => c.col === 1 && c.text === id)!.row + 1;
const ESTIMATES = ["F", "G", "H", "J", "K", "L", "M"];
const QUARTERS = ["2Q01", "3Q01", "4Q01", "1Q02", "2Q02", "3Q02", "4Q02"];
const d = (x: string | number) => new Dec(x);

test("estimates run to the end of the next fiscal year, each fiscal year after its fourth quarter", () => {
  const heads = ["C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"].map(
    (c) => at.get(`${c}10`)?.text
  );
  expect(heads).toEqual([
    "1Q00",
    "4Q00",
    "1Q01",
    "2Q01E",
    "3Q01E",
    "4Q01E",
    "FY2001E",
    "1Q02E",
    "2Q02E",
    "3Q02E",
    "4Q02E",
    "FY2002E",
  ]);
  expect(at.get("F10")?.style).toBe("estimateHeader");
  expect(at.get("F11")).toMatchObject({ text: "Sep 30, 2001", style: "estimateNote" });
  expect(at.get("N11")?.text).toBe("Fiscal 2002");
  expect(forecastQuarters(quarter(2000, 4)).map((q) => `${q.q}Q${q.fy}`)).toEqual([
    "1Q2001",
    "2Q2001",
    "3Q2001",
    "4Q2001",
  ]);
});

test("every line of the statements of operations is a formula in every estimated column, with no figure typed in", () => {
  const lines = [...forecastLines(model).keys()];
  expect(lines).toEqual(model.items("INCOME").map((i) => i.id));
  for (const id of lines) {
    for (const col of [...ESTIMATES, "I", "N"]) {
      const cell = at.get(`${col}${rowOfId(id)}`);
      expect(cell?.formula).toBeDefined();
      // Left after removing references, driver names, "1+", the JPY factor and "n.m.": operators.
      const rest = (cell?.formula as string)
        .replace(/IIJ_DRV_[A-Z_]+_\dQ\d\d/g, "")
        .replace(/\$?[A-Z]{1,2}\$?\d+/g, "")
        .replace(/\(1\+/g, "(")
        .replace(/\*1000000\//g, "/")
        .replace(/"n\.m\."|=0,/g, "");
      expect([id, col, rest]).toEqual([id, col, expect.stringMatching(/^[=A-Z()*,+/-]*$/)]);
    }
  }
});

test("each quarter reads its own drivers: segments by growth, SI and equipment also by a seasonal factor", () => {
  const r = rowOfId("dedicated_access_services");
  expect(at.get(`F${r}`)?.formula).toBe(`=E${r}*(1+IIJ_DRV_GROWTH_DEDICATED_2Q01)`);
  expect(at.get(`J${r}`)?.formula).toBe(`=H${r}*(1+IIJ_DRV_GROWTH_DEDICATED_1Q02)`);
  const si = rowOfId("systems_integration_revenues");
  expect(at.get(`G${si}`)?.formula).toBe(
    `=F${si}*(1+IIJ_DRV_GROWTH_SI_3Q01)*(1+IIJ_DRV_SEASON_SI_3Q01)`
  );
  const cost = rowOfId("cost_of_connectivity_and_value_added_services");
  expect(at.get(`F${cost}`)?.formula).toMatch(
    new RegExp(
      `^=F\\d+\\+F\\d+\\+IIJ_DRV_COST_CONNECTIVITY_2Q01\\*F${rowOfId("total_connectivity_and_value_added_services")}$`
    )
  );
  const tax = rowOfId("income_tax_expense");
  expect(at.get(`F${tax}`)?.formula).toBe("=IIJ_DRV_INCOME_TAX_2Q01");
  const net = rowOfId("net_income");
  const pre = rowOfId("income_before_income_tax");
  const [mi, eq] = [rowOfId("minority_interests"), rowOfId("equity_in_net_loss_of_affiliates")];
  expect(at.get(`F${net}`)?.formula).toBe(`=F${pre}-F${tax}+F${mi}+F${eq}`);
  const [shares, ads] = [rowOfId("weighted_average_shares"), rowOfId("weighted_average_ads")];
  expect(at.get(`F${rowOfId("net_income_per_ads")}`)?.formula).toBe(
    `=IF(F${ads}=0,"n.m.",F${net}*1000000/F${ads})`
  );
  expect(at.get(`F${ads}`)?.formula).toBe(`=IIJ_DRV_ADS_PER_SHARE_2Q01*F${shares}`);
});

test("fiscal years sum their quarters; counts average them; per share and per ADS come from the year's sums", () => {
  for (const id of ["total_revenues", "operating_income", "net_income"]) {
    const r = rowOfId(id);
    expect(at.get(`I${r}`)?.formula).toBe(`=SUM(E${r},F${r},G${r},H${r})`);
    expect(at.get(`N${r}`)?.formula).toBe(`=SUM(J${r},K${r},L${r},M${r})`);
  }
  const [net, ads] = [rowOfId("net_income"), rowOfId("weighted_average_ads")];
  expect(at.get(`I${ads}`)?.formula).toBe(`=AVERAGE(E${ads},F${ads},G${ads},H${ads})`);
  expect(at.get(`I${rowOfId("net_income_per_ads")}`)?.formula).toBe(
    `=IF(I${ads}=0,"n.m.",I${net}*1000000/I${ads})`
  );
});

test("every driver is a named input per estimated quarter: the name on In use, a blank input above it", () => {
  const names = new Map(plan.names.map((n) => [n.name, n]));
  const referenced = new Set(
    plan.cells.flatMap((c) => c.formula?.match(/IIJ_DRV_[A-Z_]+_\dQ\d\d|IIJ_SCENARIO/g) ?? [])
  );
  for (const name of referenced) expect([name, names.has(name)]).toEqual([name, true]);
  const drivers = [...names.keys()].filter((n) => n.startsWith("IIJ_DRV_"));
  expect(drivers).toContain("IIJ_DRV_GROWTH_SI_4Q02");
  for (const name of drivers) {
    const n = names.get(name)!;
    expect(at.get(a1(n.row, 0))?.text).toBeTruthy();
    expect(at.get(a1(n.row, 1))?.text).toMatch(/%|JPY millions|shares|ADS|days/);
    expect(at.get(a1(9, n.col))?.text).toBe(`${name.slice(-4)}E`);
    const yours = (at.get(a1(n.row, n.col))?.formula ?? "").match(/^=IF\(([A-Z]+\d+)=""/)?.[1];
    expect([name, at.get(yours as string)?.style]).toEqual([name, "inputSlot"]);
  }
  expect(driverName("growth_si", "2Q01")).toBe("IIJ_DRV_GROWTH_SI_2Q01");
});

describe("seeds from each line's own printed history (1Q00, 4Q00, 1Q01; JPY millions)", () => {
  const quarters = forecastQuarters(quarter(2001, 1));
  const none = { revenues: null, operating: null, ebitda: null, outlookPositive: false };
  const { drivers } = seedDrivers(model, quarter(2001, 1), quarters, none);
  const seed = (id: string, q: string) => drivers.find((x) => x.id === id)!.seeds.get(q)!.Mid;
  const near = (a: Dec, b: Dec) => expect(a.minus(b).abs().lt("1e-30")).toBe(true);

  test("a growing segment adds the average of a quarter of its YoY change and its QoQ change", () => {
    // Dedicated: (3,386.912 - 2,987.266) / 4 = 99.9115; 3,386.912 - 3,353.198 = 33.714.
    const step = d("99.9115").plus("33.714").dividedBy(2); // 66.81275 a quarter
    near(seed("growth_dedicated", "2Q01"), step.dividedBy("3386.912"));
    near(seed("growth_dedicated", "3Q01"), step.dividedBy(d("3386.912").plus(step)));
  });

  test("a declining one loses the average of the two rates each quarter (dial-up about -4.3%)", () => {
    const yoy = d("983.461").dividedBy("1159.801").minus(1).dividedBy(4); // the printed (15.2)% / 4
    const qoq = d("983.461").dividedBy("1033.029").minus(1); // the printed (4.8)%
    for (const q of QUARTERS) near(seed("growth_dialup", q), yoy.plus(qoq).dividedBy(2));
    expect(seed("growth_dialup", "2Q01").toFixed(4)).toBe("-0.0430");
  });

  test("systems integration: its YoY trend, and seasonal factors from the first quarter's drop", () => {
    const trend = d("2279.854").dividedBy("2582.732").minus(1).dividedBy(4); // (11.7)% / 4
    near(seed("growth_si", "2Q01"), trend);
    // 1Q01 over 4Q00 beyond the trend: (2,279.854 / 3,124.909) / (1 + trend).
    const first = d("2279.854").dividedBy("3124.909").dividedBy(trend.plus(1));
    near(seed("season_si", "1Q02"), first.minus(1));
    const lift = d(1).dividedBy(first); // what the second half earns back
    const third = lift.plus(1).dividedBy(2);
    near(seed("season_si", "3Q01"), third.minus(1));
    near(seed("season_si", "4Q01"), lift.dividedBy(third).minus(1));
    near(seed("season_si", "2Q01"), d(0));
    expect(seed("season_si", "3Q01").gt(0) && seed("season_si", "4Q01").gt(0)).toBe(true);
  });

  test("Table 4's backbone costs decline on their own trends; the rest of the cost is a share of revenue", () => {
    // International: 867 against 1,433 a year earlier and 1,409 a quarter earlier.
    const intl = d(867).dividedBy(1433).minus(1).dividedBy(4).plus(d(867).dividedBy(1409).minus(1));
    near(seed("growth_international_backbone_costs", "2Q01"), intl.dividedBy(2));
    // Domestic grows: (774 - 577) / 4 = 49.25 and 774 - 714 = 60, so 54.625 a quarter.
    near(seed("growth_domestic_backbone_costs", "2Q01"), d("54.625").dividedBy(774));
    // (5,066.856 - 867 - 774) / 5,703.615, without guidance unscaled.
    near(seed("cost_connectivity", "2Q01"), d("3425.856").dividedBy("5703.615"));
    near(seed("cost_si", "4Q02"), d("1914.254").dividedBy("2279.854"));
  });

  test("below operating income, shares and ADS per share stay at 1Q01's", () => {
    expect(seed("other_income", "2Q01").toString()).toBe("-61.484");
    expect(seed("income_tax", "4Q02").toString()).toBe("127.197");
    expect(seed("minority_interests", "2Q01").toString()).toBe("42.834");
    expect(seed("equity_in_affiliates", "3Q01").toString()).toBe("-1219.215");
    expect(seed("shares", "2Q01").toString()).toBe("22480");
    expect(seed("ads_per_share", "2Q01").toString()).toBe("2000"); // 44,960,000 / 22,480
    expect(seed("ebitda_gap", "2Q01").toString()).toBe("30.649"); // (299.814) + 706.463 - 376
  });

  test("drivers differ by segment and by quarter", () => {
    const growth = ["growth_dedicated", "growth_dialup", "growth_datacenter", "growth_si"];
    expect(new Set(growth.map((id) => seed(id, "2Q01").toString())).size).toBe(4);
    expect(new Set(QUARTERS.map((q) => seed("season_si", q).toString())).size).toBeGreaterThan(2);
    expect(new Set(QUARTERS.map((q) => seed("growth_datacenter", q).toString())).size).toBe(7);
  });
});

describe("the first estimate lands on the guidance in each scenario, worked from the printed 1Q01", () => {
  const plan1q01 = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
  const seed = (id: string, s: Scenario) => {
    const name = plan1q01.names.find((n) => n.name === driverName(id, "2Q01"))!;
    const row = plan1q01.cells.find((c) => c.row === name.row && c.col === name.col)!;
    // The In use formula reads the Low, Mid and High seed cells of its column.
    const [, low, high, mid] = row.formula!.match(
      /="Low",([A-Z]+\d+),IF\([A-Z]+\d+="High",([A-Z]+\d+),([A-Z]+\d+)\)\)/
    )!;
    const cell = { Low: low, High: high, Mid: mid }[s];
    return d(plan1q01.cells.find((c) => a1(c.row, c.col) === cell)!.number!);
  };
  const revenue = {
    dedicated: "3386.912",
    dialup: "983.461",
    datacenter: "489.385",
    other_vas: "391.731",
    other: "452.126",
  };
  test.each([
    ["Low", "9000", "-100", "580"],
    ["Mid", "9250", "-25", "655"],
    ["High", "9500", "50", "730"],
  ] as const)("%s: revenues %s, operating income %s, EBITDA %s", (s, rev, op, ebitda) => {
    const grown = (v: string, id: string) => d(v).times(seed(`growth_${id}`, s).plus(1));
    const connectivity = Object.entries(revenue).reduce((a, [id, v]) => a.plus(grown(v, id)), d(0));
    const seasonal = (v: string, id: string) => grown(v, id).times(seed(`season_${id}`, s).plus(1));
    const [si, equipment] = [seasonal("2279.854", "si"), seasonal("349.429", "equipment")];
    const total = connectivity.plus(si).plus(equipment);
    expect(total.toDecimalPlaces(20).toString()).toBe(rev);
    const backbone = d(867)
      .times(seed("growth_international_backbone_costs", s).plus(1))
      .plus(d(774).times(seed("growth_domestic_backbone_costs", s).plus(1)));
    const costs = backbone
      .plus(connectivity.times(seed("cost_connectivity", s)))
      .plus(si.times(seed("cost_si", s)))
      .plus(equipment.times(seed("cost_equipment", s)));
    const opex = [
      ["818.786", "sm"],
      ["439.030", "ga"],
      ["86.598", "rd"],
    ].reduce((a, [v, id]) => a.plus(grown(v, id)), d(0));
    const operating = total.minus(costs).minus(opex);
    expect(operating.toDecimalPlaces(20).toString()).toBe(op);
    const e = operating.plus(seed("da", s)).minus(seed("ebitda_gap", s));
    expect(e.toDecimalPlaces(20).toString()).toBe(ebitda);
    // Dial-up still falls and dedicated still grows: the calibration is the seasonal segments'.
    expect(grown(revenue.dialup, "dialup").lt(revenue.dialup)).toBe(true);
    expect(grown(revenue.dedicated, "dedicated").gt(revenue.dedicated)).toBe(true);
  });
});

describe("a load of an older quarter (4Q00)", () => {
  const older = planModelSheet(model, { quarter: "4Q00", unit: "JPY millions" });
  const cells = new Map(older.cells.map((c) => [a1(c.row, c.col), c]));
  const texts = older.cells.map((c) => c.text ?? "");

  test("does not seed from guidance issued later, and says so", () => {
    const { drivers } = seedDrivers(model, quarter(2000, 4), forecastQuarters(quarter(2000, 4)), {
      revenues: null,
      operating: null,
      ebitda: null,
      outlookPositive: false,
    });
    const planned = (id: string) => {
      const name = older.names.find((n) => n.name === driverName(id, "1Q01"))!;
      const mid = cells.get(a1(name.row, name.col))!.formula!.match(/,([A-Z]+\d+)\)\),/)![1];
      return cells.get(mid)!.number;
    };
    // Dedicated: (3,353.198 - 2,987.266) / 3 quarters = 121.977333... a quarter, no 3Q00 printed.
    expect(
      d(planned("growth_dedicated")!)
        .minus(d("365.932").dividedBy(3).dividedBy("3353.198"))
        .abs()
        .lt("1e-30")
    ).toBe(true);
    expect(planned("growth_dedicated")).toBe(
      drivers
        .find((x) => x.id === "growth_dedicated")!
        .seeds.get("1Q01")!
        .Mid.toString()
    );
    expect(planned("season_si")).toBe("0");
    expect(texts.find((t) => t.startsWith("Seeds"))).toMatch(
      /No guidance for 1Q01 had been issued when 4Q00 was reported \(guidance the data holds was issued 2001-08-14 with the 1Q01 results, after 4Q00\)/
    );
    expect(texts).toContain(
      "Issued 2001-08-14 with the 1Q01 results: after 4Q00, so shown for comparison only (not in the seeds or the flags)"
    );
    expect(texts.some((t) => t.startsWith("Estimates against guidance"))).toBe(false);
  });

  test("shows the 1Q01 actual beside 1Q01E with the difference", () => {
    const row = older.cells.find(
      (c) => c.col === 1 && c.text === "total_revenues" && c.row > 100
    )!.row;
    const estimateRow = older.cells.find((c) => c.col === 1 && c.text === "total_revenues")!.row;
    expect(texts).toContain("1Q01E");
    expect(cells.get(a1(row, 2))?.formula).toBe(`=E${estimateRow + 1}`);
    expect(cells.get(a1(row, 3))?.number).toBe("8332.898");
    expect(cells.get(a1(row, 3))?.source).toMatchObject({
      itemId: "total_revenues",
      period: "1Q01",
    });
    expect(cells.get(a1(row, 4))?.formula).toBe(
      `=IF(AND(ISNUMBER(C${row + 1}),ISNUMBER(D${row + 1})),C${row + 1}-D${row + 1},"n.m.")`
    );
  });
});

test("the latest quarter has no back-test block: nothing estimated has been printed", () => {
  expect(plan.cells.some((c) => c.text?.startsWith("Back-test"))).toBe(false);
});

describe("the forecast's checks restate no sum: they are identities of statements.ts", () => {
  const cellOf = (t: Term) => `${t.statement}.${t.row}@${t.lag ?? 0}`;
  const checks = forecastChecks();

  test("the balance sheet balances, and its cash ties to the cash flow's at both ends", () => {
    const byId = new Map(checks.map((c) => [c.id, c]));
    expect([...byId.keys()]).toEqual(["balance", "cash", "cash_beginning"]);
    for (const check of checks) expect([...BALANCING, ...TIES]).toContain(check.identity);
    expect(checkDifference(byId.get("balance")!, cellOf)).toBe(
      "BALANCE.total_assets@0-BALANCE.total_liabilities_and_shareholders_equity@0"
    );
    expect(checkDifference(byId.get("cash")!, cellOf)).toBe("BALANCE.cash@0-CASHFLOW.cash_end@0");
    expect(checkDifference(byId.get("cash_beginning")!, cellOf)).toBe(
      "CASHFLOW.cash_beginning@0-BALANCE.cash@1"
    );
    // A year's column has no previous quarter: no beginning-cash check there.
    const noLag = (t: Term) => ((t.lag ?? 0) > 0 ? null : cellOf(t));
    expect(checkDifference(byId.get("cash_beginning")!, noLag)).toBeNull();
  });

  test("each side's terms keep their signs; the other side's are negated", () => {
    const identity = {
      checkId: "x",
      name: "a - b = c",
      left: [
        { statement: "BALANCE", row: "a" },
        { statement: "BALANCE", row: "b", sign: -1 },
      ],
      right: [{ statement: "BALANCE", row: "c" }],
    } as const;
    const check = (from: "left" | "right"): ForecastCheck => ({
      id: "balance",
      label: "",
      identity,
      from,
    });
    const name = (t: Term) => t.row;
    expect(checkDifference(check("left"), name)).toBe("a-b-c");
    expect(checkDifference(check("right"), name)).toBe("c-a+b");
  });
});

/**
 * The forecast as LibreOffice computes it from the exported file: the default seeds sit on the
 * guidance in each scenario, the whole statement of operations follows, driver values typed into
 * the file move the estimates as the formulas promise, and a load of an older quarter back-tests
 * against the actual printed since. Expected figures are worked here from the printed release
 * (typed by hand) and the guidance, not read from the plan.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { RELEASE_2001_08_14 } from "../../src/data/releases/2001-08-14-1q01";
import { IIJModel, defaultModel } from "../../src/model";
import { planModelSheet } from "../../src/sheet/plan";
import { type SheetPlan, type SheetUnit, a1 } from "../../src/sheet/plan-types";
import { renderPlanToXlsx } from "../../src/sheet/xlsx-writer";
import { invoke } from "../../src/functions/library";
import { runCli } from "../cli/run-cli";
import { csvNumber, recalculate, requireLibreOffice } from "./libreoffice-support";

const QUARTERS = ["2Q01", "3Q01", "4Q01", "1Q02", "2Q02", "3Q02", "4Q02"];
const SEGMENTS = ["DEDICATED", "DIALUP", "DATACENTER", "OTHER_VAS", "OTHER", "SI", "EQUIPMENT"];
const GROWTH = [...SEGMENTS, "SM", "GA", "RD"].map((g) => `GROWTH_${g}`);
const SEASONS = ["SEASON_SI", "SEASON_EQUIPMENT"];

/** Every quarter's name of each driver, set to one value. */
const everyQuarter = (drivers: string[], value: number) =>
  Object.fromEntries(
    drivers.flatMap((id) => QUARTERS.map((q) => [`IIJ_DRV_${id}_${q}`, value] as const))
  );

/**
 * The release with a far worse 2Q01 operating income guided, (1,500) to (1,400): the history's
 * seeds then leave fiscal 2001 at a loss, against the outlook.
 */
const gloomy = new IIJModel([
  {
    ...RELEASE_2001_08_14,
    guidance: {
      ...RELEASE_2001_08_14.guidance,
      ranges: RELEASE_2001_08_14.guidance.ranges.map((r) =>
        r.id === "operating_income" ? { ...r, range: "(-)1,500 - (-)1,400" } : r
      ),
    },
  },
]);

/** Variants of the exported file: driver values typed into their "Your values" cells. */
const VARIANTS: Record<
  string,
  { unit: SheetUnit; inputs: Record<string, string | number>; model?: IIJModel }
> = {
  gloomy: { unit: "JPY millions", inputs: {}, model: gloomy },
  mid: { unit: "JPY millions", inputs: {} },
  thousands: { unit: "JPY thousands", inputs: {} },
  low: { unit: "JPY millions", inputs: { IIJ_SCENARIO: "Low" } },
  high: { unit: "JPY millions", inputs: { IIJ_SCENARIO: "High" } },
  flat: { unit: "JPY millions", inputs: everyQuarter([...GROWTH, ...SEASONS], 0) },
  custom: {
    unit: "JPY thousands",
    inputs: {
      ...everyQuarter(GROWTH, 0.05),
      ...everyQuarter(SEASONS, 0),
      ...everyQuarter(
        ["GROWTH_INTERNATIONAL_BACKBONE_COSTS", "GROWTH_DOMESTIC_BACKBONE_COSTS"],
        -0.1
      ),
      ...everyQuarter(["COST_CONNECTIVITY"], 0.6),
      ...everyQuarter(["COST_SI"], 0.75),
      ...everyQuarter(["COST_EQUIPMENT"], 0.9),
      ...everyQuarter(["DA"], 800),
      ...everyQuarter(["EBITDA_GAP"], 20),
      ...everyQuarter(["OTHER_INCOME"], -50),
      ...everyQuarter(["INCOME_TAX"], 100),
      ...everyQuarter(["MINORITY_INTERESTS"], 40),
      ...everyQuarter(["EQUITY_IN_AFFILIATES"], -1200),
      ...everyQuarter(["SHARES"], 25000),
      ...everyQuarter(["ADS_PER_SHARE"], 2000),
      IIJ_DRV_SHORT_TERM_BORROWING_2Q01: 500,
    },
  },
};

/** The analyst's cell of a named value: the scenario's left of it, a driver's in its column. */
function yoursOf(plan: SheetPlan, name: string): string {
  const n = plan.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  if (name === "IIJ_SCENARIO") return a1(n.row, n.col - 1);
  const used = plan.cells.find((c) => c.row === n.row && c.col === n.col)!.formula!;
  return used.match(/^=IF\(([A-Z]+\d+)=""/)![1];
}

const model = defaultModel();
const sheets = new Map<string, string[][]>();
let workDir = "";

beforeAll(async () => {
  requireLibreOffice();
  workDir = mkdtempSync(join(tmpdir(), "iij-forecast-"));
  const files: string[] = [];
  for (const [name, { unit, inputs, model: own }] of Object.entries(VARIANTS)) {
    const plan = planModelSheet(own ?? model, { quarter: "1Q01", unit });
    const book = new Workbook();
    await book.xlsx.load((await renderPlanToXlsx(plan)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(plan.sheetName)!;
    for (const [driver, value] of Object.entries(inputs))
      sheet.getCell(yoursOf(plan, driver)).value = value;
    book.calcProperties.fullCalcOnLoad = true;
    const file = join(workDir, `${name}.xlsx`);
    await book.xlsx.writeFile(file);
    files.push(file);
  }
  const older = join(workDir, "older.xlsx");
  const exported = await runCli(["export", "--quarter", "4Q00", "--out", older]);
  if (exported.status !== 0) throw new Error(`export failed: ${exported.err}`);
  files.push(older);
  const out = recalculate(files, workDir, "IIJ Model");
  for (const name of [...Object.keys(VARIANTS), "older"])
    sheets.set(name, out.get(join(workDir, `${name}.xlsx`)) as string[][]);
}, 240_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The row whose column B is `id` (the first after a row starting with `after`). */
function rowOf(variant: string, id: string, after = ""): string[] {
  const rows = sheets.get(variant) as string[][];
  const start = after ? rows.findIndex((r) => r[0].startsWith(after)) : 0;
  const r = rows.findIndex((row, i) => i > start && row[1] === id);
  if (r < 0) throw new Error(`${variant}: no row ${id} after "${after}"`);
  return rows[r];
}

/** The number in the row with `id` in column B and the column headed `period`. */
function value(variant: string, id: string, period: string, after = ""): number {
  const rows = sheets.get(variant) as string[][];
  const header = rows.findIndex((r) => r[0] === "Fiscal quarter");
  const text = rowOf(variant, id, after)[rows[header].indexOf(period)] ?? "";
  const v = csvNumber(text);
  if (v === null) throw new Error(`${variant}: no number for ${id} ${period}: "${text}"`);
  return v;
}

/** A derived row (by its label in column A), in the column headed `period`. */
function derived(variant: string, label: string, period: string): number {
  const rows = sheets.get(variant) as string[][];
  const header = rows.findIndex((r) => r[0] === "Fiscal quarter");
  const row = rows.find((r) => r[0] === label) as string[];
  return csvNumber(row[rows[header].indexOf(period)]) as number;
}

function flags(variant: string): string[] {
  const rows = sheets.get(variant) as string[][];
  const start = rows.findIndex((r) => r[0].startsWith("Estimates against guidance"));
  return rows.slice(start + 2, start + 6).map((r) => `${r[0]}: ${r[5]}`);
}

const close = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));

// 1Q01 as printed, JPY millions.
const REV = { total: 8332.898, connectivity: 5703.615, si: 2279.854, equipment: 349.429 };
const OPEX = 818.786 + 439.03 + 86.598;
const BACKBONE = 867 + 774;

test.each([
  ["mid", 9250, -25, 655],
  ["low", 9000, -100, 580],
  ["high", 9500, 50, 730],
])(
  "with the %s seeds, 2Q01E revenues, operating income and EBITDA sit on that guidance",
  (variant, rev, op, ebitda) => {
    close(value(variant, "total_revenues", "2Q01E"), rev);
    close(value(variant, "operating_income", "2Q01E"), op);
    close(derived(variant, "EBITDA (Table 5 basis)", "2Q01E"), ebitda);
    expect(flags(variant).slice(0, 3)).toEqual([
      "2Q01E Revenues: in range",
      "2Q01E Operating Income (Loss): in range",
      "2Q01E EBITDA: in range",
    ]);
  }
);

test("the default 2Q01E total revenues are exactly 9,250 JPY millions, and 9,250,000 in thousands", () => {
  expect(value("mid", "total_revenues", "2Q01E")).toBe(9250);
  expect(value("thousands", "total_revenues", "2Q01E")).toBe(9250000);
});

test.each(["mid", "low", "high"])(
  "%s: 2Q01E dial-up revenue is below 1Q01's (983.461) and dedicated above (3,386.912)",
  (variant) => {
    expect(value(variant, "dialup_access_services", "2Q01E")).toBeLessThan(983.461);
    expect(value(variant, "dedicated_access_services", "2Q01E")).toBeGreaterThan(3386.912);
  }
);

test("the drivers in use differ by segment and by quarter", () => {
  const rows = sheets.get("mid") as string[][];
  const start = rows.findIndex((r) => r[0].startsWith("In use"));
  const growth = (label: string) =>
    rows.slice(start).find((r) => r[0].startsWith(label)) as string[];
  const header = rows[rows.findIndex((r) => r[0] === "Fiscal quarter")];
  const series = (label: string) =>
    QUARTERS.map((q) => csvNumber(growth(label)[header.indexOf(`${q}E`)]) as number);
  const dedicated = series("Dedicated access services revenue, growth QoQ");
  const dialup = series("Dial-up access services revenue, growth QoQ");
  const seasonal = series("Systems integration revenue, seasonal factor QoQ");
  expect(dedicated.every((g) => g > 0) && dialup.every((g) => g < 0)).toBe(true);
  expect(new Set(dedicated).size).toBe(7);
  expect(seasonal[1]).toBeGreaterThan(0); // 3Q01E and 4Q01E: the second half's lift
  expect(seasonal[2]).toBeGreaterThan(0);
  expect(seasonal[3]).toBeLessThan(0); // 1Q02E: the first quarter's drop
});

test("net loss, per share and per ADS are computed in every estimated column; each fiscal year sums its quarters", () => {
  for (const variant of ["mid", "thousands", "custom"])
    for (const p of [...QUARTERS.map((q) => `${q}E`), "FY2001E", "FY2002E"])
      for (const id of ["net_income", "net_income_per_share", "net_income_per_ads"])
        expect(Number.isFinite(value(variant, id, p))).toBe(true);
  const quarters = ["1Q01", "2Q01E", "3Q01E", "4Q01E"].map((p) => value("mid", "net_income", p));
  close(
    value("mid", "net_income", "FY2001E"),
    quarters.reduce((a, b) => a + b, 0)
  );
  const next = ["1Q02E", "2Q02E", "3Q02E", "4Q02E"].map((p) => value("mid", "net_income", p));
  close(
    value("mid", "net_income", "FY2002E"),
    next.reduce((a, b) => a + b, 0)
  );
  // Per ADS from the year's sums: net loss (JPY millions) x 1,000,000 / the year's ADS, which
  // stay at the printed 44,960,000.
  close(value("mid", "weighted_average_ads", "FY2001E"), 44960000);
  close(
    value("mid", "net_income_per_ads", "FY2001E"),
    (value("mid", "net_income", "FY2001E") * 1e6) / 44960000
  );
  close(value("thousands", "net_income", "FY2001E"), value("mid", "net_income", "FY2001E") * 1000);
});

test("with the Mid seeds 2Q01E net loss follows operating income through the lines held at 1Q01's", () => {
  // -25 + (61.484) - 127.197 + 42.834 + (1,219.215), JPY millions.
  const net = -25 - 61.484 - 127.197 + 42.834 - 1219.215;
  close(value("mid", "net_income", "2Q01E"), net);
  close(value("mid", "net_income_per_share", "2Q01E"), (net * 1e6) / 22480);
  close(value("mid", "net_income_per_ads", "2Q01E"), (net * 1e6) / 44960000);
});

test("FY2001E operating income is positive in Mid, as the outlook says, and is flagged in range", () => {
  const quarters = ["1Q01", "2Q01E", "3Q01E", "4Q01E"].map((p) =>
    value("mid", "operating_income", p)
  );
  close(
    value("mid", "operating_income", "FY2001E"),
    quarters.reduce((a, b) => a + b, 0)
  );
  expect(value("mid", "operating_income", "FY2001E")).toBeGreaterThan(0);
  expect(flags("mid")[3]).toBe("FY2001E operating income against the outlook (positive): in range");
});

test("when the seeds leave the year at a loss, Mid lowers the later cost ratios to a 1% operating margin, as the outlook says", () => {
  close(value("gloomy", "operating_income", "2Q01E"), -1450);
  const revenues = value("gloomy", "total_revenues", "FY2001E");
  close(value("gloomy", "operating_income", "FY2001E"), revenues * 0.01);
  expect(flags("gloomy")[3]).toBe(
    "FY2001E operating income against the outlook (positive): in range"
  );
  // The guided quarter keeps its own calibration; the later quarters carry the year.
  expect(value("gloomy", "operating_income", "3Q01E")).toBeGreaterThan(
    value("mid", "operating_income", "3Q01E")
  );
});

test("with every growth and seasonal driver at 0, each quarter repeats 1Q01's revenues and expenses", () => {
  for (const p of ["2Q01E", "3Q01E", "4Q01E", "2Q02E"]) {
    close(value("flat", "total_revenues", p), REV.total);
    close(value("flat", "sales_and_marketing", p), 818.786);
  }
  close(value("flat", "total_revenues", "FY2002E"), REV.total * 4);
  expect(flags("flat")[0]).toBe("2Q01E Revenues: below");
});

test("typed drivers drive every line as the formulas say (JPY thousands)", () => {
  const g = 1.05;
  const revenue = (k: number) => REV.total * g ** k;
  const costs = (k: number) =>
    BACKBONE * 0.9 ** k + (REV.connectivity * 0.6 + REV.si * 0.75 + REV.equipment * 0.9) * g ** k;
  const operating = (k: number) => revenue(k) - costs(k) - OPEX * g ** k;
  for (const [p, k] of [
    ["2Q01E", 1],
    ["4Q01E", 3],
    ["4Q02E", 7],
  ] as const) {
    close(value("custom", "total_revenues", p), revenue(k) * 1000);
    close(value("custom", "total_costs", p), costs(k) * 1000);
    close(value("custom", "operating_income", p), operating(k) * 1000);
    const net = operating(k) - 50 - 100 + 40 - 1200;
    close(value("custom", "net_income", p), net * 1000);
    close(value("custom", "net_income_per_ads", p), (net * 1e6) / (25000 * 2000));
  }
  close(derived("custom", "EBITDA (Table 5 basis)", "2Q01E"), (operating(1) + 800 - 20) * 1000);
  expect(flags("custom")[0]).toBe(
    `2Q01E Revenues: ${revenue(1) < 9000 ? "below" : revenue(1) > 9500 ? "above" : "in range"}`
  );
});

test("export --quarter 4Q00 shows the 1Q01 actual beside 1Q01E, with the difference and its share", () => {
  const rows = sheets.get("older") as string[][];
  const start = rows.findIndex((r) => r[0].startsWith("Back-test"));
  expect(start).toBeGreaterThan(0);
  expect(rows[start + 2].slice(2, 6)).toEqual([
    "1Q01E",
    "1Q01 actual",
    "Difference",
    "Difference %",
  ]);
  for (const [id, actual] of [
    ["total_revenues", 8332.898],
    ["operating_income", -299.814],
    ["net_income", -1664.876],
    ["net_income_per_ads", -37.03],
  ] as const) {
    const row = rows.slice(start).find((r) => r[1] === id) as string[];
    const [estimate, printed, difference, share] = row.slice(2, 6).map(csvNumber) as number[];
    close(estimate, value("older", id, "1Q01E"));
    expect(printed).toBe(actual);
    close(difference, estimate - actual);
    close(share, (estimate - actual) / Math.abs(actual));
  }
  // No guidance had been issued at 4Q00, so nothing is flagged against it.
  expect(rows.some((r) => r[0].startsWith("Estimates against guidance"))).toBe(false);
});

test("the balance sheet balances in every estimated quarter and year; each check row is 0", () => {
  const rows = (variant: string) => sheets.get(variant) as string[][];
  for (const variant of ["mid", "low", "high", "thousands", "flat", "custom"]) {
    const header = rows(variant)[rows(variant).findIndex((r) => r[0] === "Fiscal quarter")];
    const start = rows(variant).findIndex((r) => r[0].startsWith("Forecast checks"));
    const checks = rows(variant).slice(start + 1, start + 4);
    expect(checks.map((r) => r[0])).toEqual([
      "Total assets - total liabilities, minority interest and shareholders' equity",
      "Balance-sheet cash - the cash flow's cash at the end of the period",
      "Cash at the beginning of the period - balance-sheet cash at the previous quarter end",
    ]);
    for (const p of [...QUARTERS.map((q) => `${q}E`), "FY2001E", "FY2002E"]) {
      const col = header.indexOf(p);
      for (const r of checks.slice(0, p.startsWith("FY") ? 2 : 3))
        expect([variant, p, r[0], csvNumber(r[col])]).toEqual([variant, p, r[0], 0]);
      close(
        value(variant, "total_assets", p),
        value(variant, "total_liabilities_and_shareholders_equity", p)
      );
    }
  }
});

test("cash rolls forward: 2Q01E begins with 1Q01's ending cash (12,574.744) and ends with the cash flow's", () => {
  close(value("mid", "cash_beginning", "2Q01E"), 12574.744);
  close(value("thousands", "cash_beginning", "2Q01E"), 12574744);
  for (const [p, before] of [
    ["3Q01E", "2Q01E"],
    ["1Q02E", "4Q01E"],
  ])
    close(value("mid", "cash_beginning", p), value("mid", "cash_end", before));
  close(value("mid", "cash", "4Q01E"), value("mid", "cash_end", "4Q01E"));
  // The year begins with its first quarter's cash and ends with its last quarter's.
  close(value("mid", "cash_beginning", "FY2001E"), 13570.707);
  close(value("mid", "cash_end", "FY2001E"), value("mid", "cash_end", "4Q01E"));
});

test("Mid 2Q01E balances worked from the printed 1Q01 and the drivers", () => {
  // PP&E: 7,348.823 + cash capex 179.145 + new leases (1,076 - 179.145) - D&A 710.649.
  close(value("mid", "property_and_equipment", "2Q01E"), 7348.823 + 1076 - 710.649);
  // Receivables at 1Q01's days of revenues: 9,250 x 5,381.435 / 8,332.898.
  close(value("mid", "accounts_receivable", "2Q01E"), (9250 * 5381.435) / 8332.898);
  // Accumulated deficit: (12,427.210) plus the 2Q01E net loss.
  close(
    value("mid", "accumulated_deficit", "2Q01E"),
    -12427.21 + value("mid", "net_income", "2Q01E")
  );
  // Investments in affiliates fall by the equity in their net loss, 1,219.215.
  close(value("mid", "investments_in_affiliates", "2Q01E"), 12690.98 - 1219.215);
  // Lease obligations: 2,963.868 + 896.855 new - 475.813 paid (current portion held).
  close(
    value("mid", "capital_lease_obligations_noncurrent", "2Q01E"),
    2963.868 + 896.855 - 475.813
  );
  close(value("mid", "minority_interest", "2Q01E"), 633.262 - 42.834);
});

test("a borrowing typed as an input reaches the balance sheet and the cash (JPY thousands)", () => {
  close(value("custom", "short_term_borrowings", "2Q01E"), 5520000);
  close(value("custom", "change_in_short_term_borrowings", "2Q01E"), 500000);
  close(value("custom", "short_term_borrowings", "3Q01E"), 5520000);
  close(value("custom", "change_in_short_term_borrowings", "3Q01E"), 0);
});

test("no cell of any variant evaluates to an error", () => {
  for (const [name, rows] of sheets) {
    const errors = rows
      .flat()
      .filter((v) => /^(#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)|Err:\d+)$/.test(v));
    expect([name, errors]).toEqual([name, []]);
  }
});

test("free cash flow and net debt on the sheet are what IIJ.CASHFLOW and IIJ.BALANCE answer, and are estimated", () => {
  const fcf = "Free cash flow (operating cash flow + purchases of property and equipment)";
  const netDebt =
    "Net debt (borrowings, convertible notes, capital leases - cash and short-term investments)";
  // 1Q01 as printed (JPY thousands): operating (231,079) + purchases (179,145) = (410,224); net
  // debt 15,596,560 (worked by hand in tests/functions/derived-lines.test.ts).
  expect(derived("thousands", fcf, "1Q01")).toBe(-410224);
  expect(derived("thousands", netDebt, "1Q01")).toBe(15596560);
  // Invoked the way a cell calls them, in the same unit as the sheet.
  expect(invoke("CASHFLOW", ["1Q01", "Free cash flow"])).toBe(-410224);
  expect(invoke("BALANCE", ["Jun 30, 2001", "Net debt"])).toBe(15596560);
  // Every estimated quarter has both, and the fiscal year sums free cash flow and ends on net debt.
  for (const q of ["2Q01E", "3Q01E", "4Q01E"]) {
    expect(Number.isFinite(derived("mid", fcf, q))).toBe(true);
    expect(Number.isFinite(derived("mid", netDebt, q))).toBe(true);
  }
  const year = ["1Q01", "2Q01E", "3Q01E", "4Q01E"].reduce((s, q) => s + derived("mid", fcf, q), 0);
  close(derived("mid", fcf, "FY2001E"), year);
  expect(derived("mid", netDebt, "FY2001E")).toBe(derived("mid", netDebt, "4Q01E"));
});

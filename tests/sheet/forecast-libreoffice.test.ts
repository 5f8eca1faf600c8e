/**
 * The forecast as LibreOffice computes it from the exported file: the defaults sit on guidance,
 * and editing drivers in the file moves the estimates as the formulas promise. Expected figures
 * are worked here from the printed 1Q01 figures and the guidance, not read from the plan.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { defaultModel } from "../../src/model";
import { planModelSheet } from "../../src/sheet/plan";
import { a1, type SheetUnit } from "../../src/sheet/plan-types";
import { renderPlanToXlsx } from "../../src/sheet/xlsx-writer";
import { csvNumber, recalculate, requireLibreOffice } from "./libreoffice-support";

const GROWTH = [
  "DEDICATED",
  "DIALUP",
  "DATACENTER",
  "OTHER_VAS",
  "OTHER",
  "SI",
  "EQUIPMENT",
  "SM",
  "GA",
  "RD",
].map((g) => `IIJ_DRV_GROWTH_${g}`);

/** Variants of the exported file: driver values typed into the "Your value" column. */
const VARIANTS: Record<string, { unit: SheetUnit; inputs: Record<string, string | number> }> = {
  mid: { unit: "JPY millions", inputs: {} },
  thousands: { unit: "JPY thousands", inputs: {} },
  low: { unit: "JPY millions", inputs: { IIJ_SCENARIO: "Low" } },
  high: { unit: "JPY millions", inputs: { IIJ_SCENARIO: "High" } },
  flat: { unit: "JPY millions", inputs: Object.fromEntries(GROWTH.map((n) => [n, 0])) },
  custom: {
    unit: "JPY thousands",
    inputs: {
      ...Object.fromEntries(GROWTH.map((n) => [n, 0.05])),
      IIJ_DRV_COST_CONNECTIVITY: 0.8,
      IIJ_DRV_COST_SI: 0.75,
      IIJ_DRV_COST_EQUIPMENT: 0.9,
      IIJ_DRV_DA: 800,
      IIJ_DRV_EBITDA_GAP: 20,
    },
  },
};

const model = defaultModel();
const sheets = new Map<string, string[][]>();
let workDir = "";

beforeAll(async () => {
  requireLibreOffice();
  workDir = mkdtempSync(join(tmpdir(), "iij-forecast-"));
  const files: string[] = [];
  for (const [name, { unit, inputs }] of Object.entries(VARIANTS)) {
    const plan = planModelSheet(model, { quarter: "1Q01", unit });
    const book = new Workbook();
    const buffer = await renderPlanToXlsx(plan);
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(plan.sheetName)!;
    for (const [driver, value] of Object.entries(inputs)) {
      const n = plan.names.find((x) => x.name === driver)!;
      sheet.getCell(a1(n.row, n.col - 1)).value = value; // the "Your value" cell left of "In use"
    }
    book.calcProperties.fullCalcOnLoad = true;
    const file = join(workDir, `${name}.xlsx`);
    await book.xlsx.writeFile(file);
    files.push(file);
  }
  const out = recalculate(files, workDir, "IIJ Model");
  for (const name of Object.keys(VARIANTS))
    sheets.set(name, out.get(join(workDir, `${name}.xlsx`)) as string[][]);
}, 180_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The value in the row with `id` in column B (first match after `after`) and the column headed `period`. */
function value(variant: string, id: string, period: string, after = ""): number {
  const rows = sheets.get(variant) as string[][];
  const header = rows.findIndex((r) => r[0] === "Fiscal quarter");
  const start = after ? rows.findIndex((r) => r[0].startsWith(after)) : 0;
  const r = rows.findIndex((row, i) => i > start && row[1] === id);
  const c = rows[header].indexOf(period);
  const v = csvNumber(rows[r]?.[c] ?? "");
  if (v === null)
    throw new Error(
      `${variant}: no number for ${id} ${period} (row ${r}, col ${c}): "${rows[r]?.[c]}"`
    );
  return v;
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

test.each([
  ["mid", 9250, -25, 655],
  ["low", 9000, -100, 580],
  ["high", 9500, 50, 730],
])(
  "with the %s seeds, 2Q01E revenues, operating income and EBITDA sit on that guidance",
  (variant, rev, op, ebitda) => {
    close(value(variant, "total_revenues", "2Q01E"), rev);
    close(value(variant, "operating_income", "2Q01E"), op);
    const rows = sheets.get(variant) as string[][];
    const ebitdaRow = rows.findIndex((r) => r[0] === "EBITDA (Table 5 basis)");
    const header = rows.findIndex((r) => r[0] === "Fiscal quarter");
    close(csvNumber(rows[ebitdaRow][rows[header].indexOf("2Q01E")]) as number, ebitda);
    expect(flags(variant).slice(0, 3)).toEqual([
      "2Q01E Revenues: in range",
      "2Q01E Operating Income (Loss): in range",
      "2Q01E EBITDA: in range",
    ]);
  }
);

test("the default 2Q01E total revenues are exactly 9,250 JPY millions, and 9,250,000 in thousands", () => {
  expect((sheets.get("mid") as string[][]).flat()).toContain("9250");
  expect(value("mid", "total_revenues", "2Q01E")).toBe(9250);
  expect(value("thousands", "total_revenues", "2Q01E")).toBe(9250000);
});

test("FY2001E is 1Q01 plus the three estimates, and its operating income is checked against the outlook", () => {
  const quarters = ["1Q01", "2Q01E", "3Q01E", "4Q01E"].map((p) =>
    value("mid", "operating_income", p)
  );
  close(
    value("mid", "operating_income", "FY2001E"),
    quarters.reduce((a, b) => a + b, 0)
  );
  // The guidance-seeded drivers give a positive fiscal-year operating income (about 77 JPY millions).
  expect(quarters.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(flags("mid")[3]).toBe("FY2001E operating income against the outlook (positive): in range");
});

test("with every growth driver at 0, each estimate repeats 1Q01 and the revenue flag reads below", () => {
  for (const p of ["2Q01E", "3Q01E", "4Q01E"]) close(value("flat", "total_revenues", p), REV.total);
  close(value("flat", "total_revenues", "FY2001E"), REV.total * 4);
  close(value("flat", "sales_and_marketing", "4Q01E"), 818.786);
  expect(flags("flat")[0]).toBe("2Q01E Revenues: below");
});

test("typed drivers drive every line as the formulas say (JPY thousands)", () => {
  const g = 1.05;
  const revenue2 = REV.total * g;
  close(value("custom", "total_revenues", "2Q01E"), revenue2 * 1000);
  close(value("custom", "total_revenues", "4Q01E"), REV.total * g ** 3 * 1000);
  const costs2 = REV.connectivity * g * 0.8 + REV.si * g * 0.75 + REV.equipment * g * 0.9;
  close(value("custom", "total_costs", "2Q01E"), costs2 * 1000);
  const operating2 = revenue2 - costs2 - OPEX * g;
  close(value("custom", "operating_income", "2Q01E"), operating2 * 1000);
  const rows = sheets.get("custom") as string[][];
  const header = rows.findIndex((r) => r[0] === "Fiscal quarter");
  const ebitda = rows.findIndex((r) => r[0] === "EBITDA (Table 5 basis)");
  close(
    csvNumber(rows[ebitda][rows[header].indexOf("2Q01E")]) as number,
    (operating2 + 800 - 20) * 1000
  );
  expect(flags("custom")[0]).toBe(
    `2Q01E Revenues: ${revenue2 < 9000 ? "below" : revenue2 > 9500 ? "above" : "in range"}`
  );
});

test("no cell of any variant evaluates to an error", () => {
  for (const [name, rows] of sheets) {
    const errors = rows
      .flat()
      .filter((v) => /^(#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)|Err:\d+)$/.test(v));
    expect([name, errors]).toEqual([name, []]);
  }
});

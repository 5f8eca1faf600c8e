/**
 * The exported workbook, recalculated by an independent engine (LibreOffice, headless), against the
 * release's printed cells. The expected figures are parsed here from the data file's printed text,
 * not taken from the model, the plan or the writer under test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../cli/run-cli";
import { RELEASE_2001_08_14 } from "../../src/data/releases/2001-08-14-1q01";
import { defaultModel } from "../../src/model";
import { planModelSheet } from "../../src/sheet/plan";
import type { SheetUnit } from "../../src/sheet/plan-types";
import {
  type PdfPages,
  csvNumber,
  printToPdf,
  recalculate,
  requireLibreOffice,
} from "./libreoffice-support";

const UNITS: readonly SheetUnit[] = ["JPY thousands", "JPY millions"];
const STATEMENTS = ["INCOME", "BALANCE", "CASHFLOW"] as const;
const PERIODS = ["1Q00", "4Q00", "1Q01"] as const;
/** A printed cell as the release prints it: "(299,814)" is -299814, "-" is 0, "12.5%" 12.5. */
function printedNumber(text: string): number {
  const t = text.trim();
  if (t === "-") return 0;
  const m = /^(\()?([\d,]+(?:\.\d+)?)%?(\))?$/.exec(t);
  if (!m || Boolean(m[1]) !== Boolean(m[3])) throw new Error(`not a printed figure: "${text}"`);
  const value = Number(m[2].replace(/,/g, ""));
  return m[1] ? -value : value;
}

const sig15 = (x: number) => Number(x.toPrecision(15));

const ERROR_VALUE =
  /^(#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)|Err:\d+|#[A-Z][A-Z0-9/]*[!?])$/;

interface Recalculated {
  rows: string[][];
  plan: ReturnType<typeof planModelSheet>;
  exportLine: string;
}

const results = new Map<SheetUnit, Recalculated>();
let workDir = "";
let printed: PdfPages = { count: 0, sizes: [] };

beforeAll(async () => {
  requireLibreOffice();
  workDir = mkdtempSync(join(tmpdir(), "iij-lo-"));
  const model = defaultModel();
  const files: string[] = [];
  const lines = new Map<SheetUnit, string>();
  for (const unit of UNITS) {
    const file = join(workDir, `${unit.replace(" ", "-")}.xlsx`);
    const { status, out, err } = await runCli([
      "export",
      "--quarter",
      "1Q01",
      "--unit",
      unit,
      "--out",
      file,
    ]);
    if (status !== 0) throw new Error(`export failed (${status}): ${err}`);
    files.push(file);
    lines.set(unit, out);
  }
  const sheets = recalculate(files, workDir, "IIJ Model");
  printed = printToPdf(files[1], workDir);
  for (const unit of UNITS) {
    const plan = planModelSheet(model, { quarter: "1Q01", unit });
    results.set(unit, {
      rows: sheets.get(join(workDir, `${unit.replace(" ", "-")}.xlsx`)) as string[][],
      plan,
      exportLine: lines.get(unit) as string,
    });
  }
}, 180_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test("the exported workbook prints landscape, one page wide, on a few pages (LibreOffice's PDF)", () => {
  const plan = planModelSheet(defaultModel(), { quarter: "1Q01", unit: "JPY millions" });
  // US Letter landscape: 792 x 612 points, on every page.
  expect(new Set(printed.sizes.map(([w, h]) => `${w}x${h}`))).toEqual(new Set(["792x612"]));
  // The width sets the scale: at most 90 rows a page (no long text widening the page past the
  // model's columns, which squeezed 432 rows onto 3 pages), at least 40.
  expect(printed.count).toBeGreaterThanOrEqual(Math.ceil(plan.rowCount / 90));
  expect(printed.count).toBeLessThanOrEqual(Math.ceil(plan.rowCount / 40));
});

describe.each(UNITS)("the exported workbook recalculated by LibreOffice (%s)", (unit) => {
  const get = () => results.get(unit) as Recalculated;
  const cellText = (rows: string[][], r: number, c: number) => rows[r]?.[c] ?? "";

  test("the export reported what it wrote", () => {
    expect(get().exportLine).toMatch(
      new RegExp(
        `^Wrote .*\\.xlsx: sheet "IIJ Model", 1Q01, ${unit}, \\d+ values, \\d+ formulas, \\d+ checks$`
      )
    );
  });

  test.each(STATEMENTS)(
    "%s: every printed figure for 1Q00, 4Q00 and 1Q01 sits under its label and period, as printed",
    (statement) => {
      const { rows } = get();
      const table = RELEASE_2001_08_14.tables.find((t) => t.statement === statement)!;
      const headerRow = rows.findIndex((r) => r[0] === "Fiscal quarter");
      expect(headerRow).toBeGreaterThanOrEqual(0);
      const columnOf = (period: string) => rows[headerRow].indexOf(period);
      const start = rows.findIndex((r) => r[0].toLowerCase().startsWith(table.title.toLowerCase()));
      expect(start).toBeGreaterThan(headerRow);
      let end = start + 1;
      while (end < rows.length && (rows[end][0] ?? "") !== "") end++;

      let compared = 0;
      for (const printed of table.rows) {
        const matches = [];
        for (let r = start + 1; r < end; r++) {
          const label = rows[r][0];
          if (
            rows[r][1] === printed.id &&
            (label === printed.label || label.startsWith(`${printed.label} (`))
          )
            matches.push(r);
        }
        expect({ row: printed.label, matches: matches.length }).toEqual({
          row: printed.label,
          matches: 1,
        });
        const rowUnit = printed.unit ?? table.unit;
        for (const period of PERIODS) {
          const index = table.columns.findIndex(
            (c) => c.period === period && c.measure === "amount"
          );
          expect(index).toBeGreaterThanOrEqual(0);
          const source = printed.cells[index];
          const actual = cellText(rows, matches[0], columnOf(period));
          const where = `${statement} "${printed.label}" ${period}`;
          if (source === "") {
            expect({ where, actual }).toEqual({ where, actual: "" });
          } else if (source === "NA") {
            expect({ where, actual }).toEqual({ where, actual: "NA" });
          } else {
            const figure = printedNumber(source);
            const value = csvNumber(actual);
            if (rowUnit === "JPY thousands" && unit === "JPY millions") {
              expect({ where, value: value === null ? actual : sig15(value) }).toEqual({
                where,
                value: sig15(figure / 1000),
              });
            } else {
              expect({ where, value: value ?? actual }).toEqual({ where, value: figure });
            }
          }
          compared++;
        }
      }
      expect(compared).toBe(table.rows.length * PERIODS.length);
    }
  );

  test("no cell evaluates to an error", () => {
    const { rows } = get();
    const errors: string[] = [];
    rows.forEach((r, i) =>
      r.forEach((text, c) => {
        if (ERROR_VALUE.test(text.trim())) errors.push(`row ${i + 1} col ${c + 1}: ${text}`);
      })
    );
    expect(errors).toEqual([]);
  });

  test('every formula cell computed a value (none left blank: a growth or margin that is not meaningful reads "n.m.")', () => {
    const { rows, plan } = get();
    const blank = plan.cells
      .filter((c) => c.formula !== undefined)
      .filter((c) => cellText(rows, c.row, c.col) === "")
      .map((c) => `${c.row + 1}:${c.col + 1} ${c.formula}`);
    expect(blank).toEqual([]);
  });

  test("growth from a negative base or through a sign change is n.m., never a number", () => {
    const { rows } = get();
    const header = rows[rows.findIndex((r) => r[0] === "Fiscal quarter")];
    const at = (label: string, period: string) =>
      (rows.find((r) => r[0] === label) as string[])[header.indexOf(period)];
    // 1Q01 operating loss (299.814) against (864.711); EBITDA 376 against (-)251: both n.m.
    expect(at("Operating income (loss), YoY growth", "1Q01")).toBe("n.m.");
    expect(at("EBITDA (Table 5 basis), YoY growth", "1Q01")).toBe("n.m.");
    // Revenues: 8,332,898 / 7,245,795 - 1, the printed 15.0%.
    expect(csvNumber(at("Total revenues, YoY growth", "1Q01"))?.toFixed(3)).toBe("0.150");
  });

  test("every check difference is 0", () => {
    const { rows, plan } = get();
    let checked = 0;
    const nonZero: string[] = [];
    for (const area of plan.checkAreas.filter((a) => a.expected === "0")) {
      for (const cell of plan.cells) {
        if (
          cell.row < area.firstRow ||
          cell.row > area.lastRow ||
          cell.col < area.firstCol ||
          cell.col > area.lastCol
        )
          continue;
        const text = cellText(rows, cell.row, cell.col);
        if (csvNumber(text) !== 0)
          nonZero.push(`${cell.row + 1}:${cell.col + 1} ${cell.formula} = ${text}`);
        checked++;
      }
    }
    expect(nonZero).toEqual([]);
    expect(checked).toBe(plan.summary.checks);
  });
});

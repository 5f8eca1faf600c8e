import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli";
import { Workbook } from "exceljs";

const run = runCli;
const BLUE = "FF0000FF";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "iij-export-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("iij-model export", () => {
  test("writes the workbook and says what it wrote", async () => {
    const file = join(dir, "model.xlsx");
    const r = await run(["export", "--quarter", "1Q01", "--unit", "JPY thousands", "--out", file]);
    expect(r.status).toBe(0);
    expect(r.err).toBe("");
    const said =
      /^Wrote (.+): sheet "IIJ Model", 1Q01, JPY thousands, (\d+) values, (\d+) formulas, (\d+) checks$/.exec(
        r.out
      );
    expect(said?.[1]).toBe(file);
    // The counts it reports are the ones in the file.
    const book = new Workbook();
    await book.xlsx.readFile(file);
    let values = 0;
    let formulas = 0;
    book.getWorksheet("IIJ Model")?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas++;
        // Blue on no fill: the printed figures (blue on a tint is the analyst's input slots).
        else if (
          cell.font?.color?.argb === BLUE &&
          (cell.fill as { pattern?: string } | undefined)?.pattern !== "solid"
        )
          values++;
      })
    );
    expect([Number(said?.[2]), Number(said?.[3])]).toEqual([values, formulas]);
    expect(Number(said?.[4])).toBeGreaterThan(80);
  });

  test("unit defaults to JPY millions; any period form and --flag=value are accepted", async () => {
    const file = join(dir, "m.xlsx");
    const r = await run(["export", "--quarter=Q1 FY2001", `--out=${file}`]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^Wrote .*m\.xlsx: sheet "IIJ Model", 1Q01, JPY millions, \d+ values/);
    expect(existsSync(file)).toBe(true);
  });

  test("--help prints the command's usage", async () => {
    const r = await run(["export", "--help"]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^Usage: iij-model export --quarter QUARTER --out FILE\.xlsx/);
  });

  test.each([
    ["no arguments", [], /--out FILE\.xlsx is required/],
    ["no --quarter", ["--out", "X.xlsx"], /--quarter is required/],
    ["no --out", ["--quarter", "1Q01"], /--out FILE\.xlsx is required/],
    [
      "unknown option",
      ["--quarter", "1Q01", "--out", "X.xlsx", "--sheet", "A"],
      /unknown option "--sheet"; options: --quarter, --unit, --out/,
    ],
    ["stray argument", ["1Q01", "--out", "X.xlsx"], /unexpected argument "1Q01"/],
    ["option without a value", ["--out", "X.xlsx", "--quarter"], /--quarter needs a value/],
    [
      "option given twice",
      ["--quarter", "1Q01", "--quarter", "4Q00", "--out", "X.xlsx"],
      /--quarter given twice/,
    ],
    [
      "bad unit",
      ["--quarter", "1Q01", "--unit", "USD", "--out", "X.xlsx"],
      /unknown unit "USD"; units: "JPY millions", "JPY thousands"/,
    ],
    [
      "quarter not printed",
      ["--quarter", "2Q01", "--out", "X.xlsx"],
      /No registered release prints INCOME figures for 2Q01.*INCOME periods: 1Q00, 4Q00, 1Q01/,
    ],
    ["not a period", ["--quarter", "soon", "--out", "X.xlsx"], /"soon"/],
    ["not an .xlsx", ["--quarter", "1Q01", "--out", "X.csv"], /--out must name an \.xlsx file/],
  ])("%s: exit 2 with a one-line error, nothing written", async (_, args, message) => {
    const r = await run(["export", ...args.map((a) => a.replace(/^X\./, join(dir, "X.")))]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).not.toContain("\n");
    expect(r.err).toMatch(/^iij-model export: .*\(iij-model export --help\)$/);
    expect(r.err).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a file that cannot be written: exit 1 with a one-line error", async () => {
    const r = await run([
      "export",
      "--quarter",
      "1Q01",
      "--out",
      join(dir, "no", "such", "a.xlsx"),
    ]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^iij-model export: cannot write .*a\.xlsx: ENOENT/);
    expect(r.err).not.toContain("\n");
  });
});

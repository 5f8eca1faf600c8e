/** Recalculating workbooks with LibreOffice, headless, for the tests that need an independent engine. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * CSV filter options: comma, double quote, UTF-8, from line 1, ..., token 9 "save cell contents as
 * shown" false (raw values, not the number format's text), token 12 -1: every sheet, one file each.
 */
export const CSV_FILTER =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

export function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => existsSync(join(dir, command)));
}

export function requireLibreOffice(): void {
  if (!onPath("soffice")) {
    throw new Error(
      "LibreOffice (soffice) is not installed, so the exported workbook cannot be recalculated: run `apt-get install -y libreoffice-calc`"
    );
  }
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A raw CSV value as a number: "-1664.876", "1.5E-05", "15.0032260090162%"; null if not one. */
export function csvNumber(text: string): number | null {
  const m = /^(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?)(%?)$/i.exec(text.trim());
  if (!m) return null;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

/** Converts files with headless LibreOffice, in a profile of its own under `workDir`. */
function convert(files: readonly string[], filter: string, outDir: string, workDir: string): void {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(join(workDir, "lo-profile")).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 170_000 }
  );
}

/**
 * Opens each workbook in LibreOffice with a fresh profile (no state from other runs; workbooks
 * without cached results are computed on load) and returns each sheet's rows by "file-sheet" name.
 */
export function recalculate(
  files: readonly string[],
  workDir: string,
  sheetName: string
): Map<string, string[][]> {
  convert(files, CSV_FILTER, join(workDir, "csv"), workDir);
  const out = new Map<string, string[][]>();
  for (const file of files) {
    const csv = join(workDir, "csv", `${basename(file, ".xlsx")}-${sheetName}.csv`);
    if (!existsSync(csv)) throw new Error(`LibreOffice wrote no ${csv}`);
    out.set(file, parseCsv(readFileSync(csv, "utf8")));
  }
  return out;
}

/** What a PDF says about its pages: how many, and each one's size in points (width, height). */
export interface PdfPages {
  readonly count: number;
  readonly sizes: readonly [number, number][];
}

/** Prints a workbook to PDF with LibreOffice, as a reader printing the file would get it. */
export function printToPdf(file: string, workDir: string): PdfPages {
  const outDir = join(workDir, "pdf");
  convert([file], "pdf", outDir, workDir);
  const pdf = readFileSync(join(outDir, `${basename(file, ".xlsx")}.pdf`), "latin1");
  const pages = [...pdf.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[([^\]]+)\]/g)];
  const sizes = pages.map((m) => {
    const [x0, y0, x1, y1] = m[1].trim().split(/\s+/).map(Number);
    return [x1 - x0, y1 - y0] as [number, number];
  });
  return { count: sizes.length, sizes };
}

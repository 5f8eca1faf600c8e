/**
 * The data file against the release's own text (the OCR copy kept beside it): every printed cell of
 * every table row must equal the OCR cell in the same place, unless a repair says why not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RELEASE_2001_08_14 as release } from "../../src/data/releases/2001-08-14-1q01";
import type { StatementId } from "../../src/data/types";

const ocr = readFileSync(
  join(__dirname, "../../src/data/releases/2001-08-14-1q01.source.txt"),
  "utf8"
).split("\n");

/** Line ranges of each statement's tables in the OCR text, found by their printed titles. */
function linesBetween(start: string, end: string | null): string[] {
  const from = ocr.findIndex((l) => l.includes(start));
  const to = end === null ? ocr.length : ocr.findIndex((l, i) => i > from && l.includes(end));
  expect(from).toBeGreaterThanOrEqual(0);
  return ocr.slice(from, to);
}

const SECTIONS: Record<Exclude<StatementId, "GUIDANCE">, string[]> = {
  KPI: linesBetween("| Internet Access Services |", "Company Information"),
  INCOME: linesBetween("CONSOLIDATED STATEMENTS OF OPERATIONS", "CONSOLIDATED BALANCE SHEETS"),
  BALANCE: linesBetween("CONSOLIDATED BALANCE SHEETS", "Appendix 3"),
  CASHFLOW: linesBetween("STATEMENTS OF CASH FLOWS", null),
};

const clean = (cell: string) =>
  cell
    .replace(/<[^>]+>/g, "")
    .replace(/\s*\^\(\*\d\)\s*/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function ocrRows(statement: Exclude<StatementId, "GUIDANCE">, label: string): string[][] {
  return SECTIONS[statement]
    .filter((l) => l.startsWith("|"))
    .map((l) => l.split("|").slice(1).map(clean))
    .filter((cells) => cells[0] === label || cells[0].endsWith(` ${label}`))
    .map((cells) => cells.slice(1));
}

const repairs = new Map(release.repairs.map((r) => [`${r.statement}|${r.rowId}|${r.column}`, r]));
const cases = release.tables.flatMap((table) => {
  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    const nth = seen.get(row.label) ?? 0;
    seen.set(row.label, nth + 1);
    return {
      statement: table.statement as Exclude<StatementId, "GUIDANCE">,
      title: table.title,
      row,
      nth,
    };
  });
});

/**
 * What a repair says the OCR shows, one entry per place it names ("100,816 (heading row); 100,810
 * (Cash row)"): the text before the place's note, unquoted, or null for a blank cell.
 */
function ocrReadings(ocrText: string): (string | null)[] {
  // "; " between places, not inside a note: "(blank; the figure sits on the ... row)" is one.
  return ocrText.split(/; (?![^(]*\))/).map((part) => {
    if (part.startsWith("(blank")) return null;
    return part.replace(/ \(.*$/, "").replace(/^"(.*)"$/, "$1");
  });
}

describe("every printed cell matches the OCR text of the release, or carries a repair that records the settled value and what the OCR shows there", () => {
  test.each(cases.map((c) => [c.title, c.row.label, c]))(
    "%s: %s",
    (_title, _label, { statement, row, nth }) => {
      expect.hasAssertions();
      const found = ocrRows(statement, row.label)[nth];
      const section = SECTIONS[statement].join("\n");
      row.cells.forEach((cell, i) => {
        const repair = repairs.get(`${statement}|${row.id}|${i}`);
        if (!repair) {
          // Not repaired: the OCR row is there and prints the same text in the same place.
          expect(found).toBeDefined();
          expect([i, found[i] ?? ""]).toEqual([i, cell]);
          return;
        }
        // Repaired (for rows wholly rebuilt from detached or displaced cells, every cell): the
        // repair records the settled value and what the OCR shows, which is in the OCR text.
        expect([i, repair.settled]).toEqual([i, cell]);
        expect(repair.ocr).not.toBe(cell);
        for (const reading of ocrReadings(repair.ocr)) {
          if (reading === null) {
            if (found) expect([i, found[i] ?? ""]).toEqual([i, ""]);
          } else expect([i, reading, section.includes(reading)]).toEqual([i, reading, true]);
        }
      });
    }
  );
});

test("every repair names a row and column that exist, and changes something", () => {
  for (const r of release.repairs) {
    const table = release.tables.find(
      (t) => t.statement === r.statement && t.rows.some((row) => row.id === r.rowId)
    );
    expect(table).toBeDefined();
    if (typeof r.column === "number") {
      const row = table!.rows.find((x) => x.id === r.rowId)!;
      expect(row.cells[r.column]).toBe(r.settled);
    }
    expect(r.ocr).not.toBe(r.settled);
    expect(r.reason.trim()).not.toBe("");
  }
});

test("the guidance ranges are the printed table's cells", () => {
  const guidanceLines = ocr.filter(
    (l) =>
      l.startsWith("| Revenues |") ||
      l.startsWith("| Operating Income (Loss) |") ||
      l.startsWith("| EBITDA | 5")
  );
  expect(
    guidanceLines.map((l) =>
      l
        .split("|")
        .slice(1, 3)
        .map((c) => c.trim())
    )
  ).toEqual(release.guidance.ranges.map((r) => [r.label, r.range]));
});

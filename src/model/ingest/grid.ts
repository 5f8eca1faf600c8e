/**
 * The release's figure cells by key, with what settling them needs: each cell's own readings in the
 * printed form of its row (a thousands figure printed "7.064" reads only as 7,064), its neighbours
 * in the column, the figures the OCR moved onto the heading above, and how the column prints a nil.
 */
import type { Measure } from "../../data/types";
import { type FigureReading, type PrintStyle, readingsOf } from "./cells";
import type { Known } from "./constraints";
import { type DraftCell, type DraftRow, type DraftTable, cellKey } from "./draft";

export interface GridCell {
  readonly key: string;
  readonly tableIndex: number;
  readonly table: DraftTable;
  readonly rowIndex: number;
  readonly row: DraftRow;
  readonly column: number;
  readonly measure: Measure;
  readonly period: string;
  readonly cell: DraftCell;
  /** Decimal places the row prints in this column's kind of measure. */
  readonly places: number;
  readonly style: PrintStyle;
  /** The cell's own readings that fit the row's printed form. */
  readonly readings: readonly FigureReading[];
  /** Figures printed on the heading right above the row, in this column. */
  readonly carried: readonly FigureReading[];
}

const isPercent = (m: Measure) => m === "pctOfTotal" || m === "yoyPct" || m === "qoqPct";

function sameKind(a: Measure, b: Measure): boolean {
  return isPercent(a) === isPercent(b) && (a === "usd") === (b === "usd");
}

/** The places most of the row's clean figures of this kind print (3 places: a misread separator). */
function formPlaces(table: DraftTable, row: DraftRow, measure: Measure): number {
  const counts = new Map<number, number>();
  row.cells.forEach((c, i) => {
    if (!sameKind(table.columns[i].measure, measure)) return;
    for (const r of readingsOf(c.reading)) {
      if (r.fault || r.value === null || r.text === "-" || r.places === 3) continue;
      counts.set(r.places, (counts.get(r.places) ?? 0) + 1);
    }
  });
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : isPercent(measure) ? 1 : 0;
}

/** How the table prints a nil figure in this kind of column: "0", "0.0" or "-". */
function zeroStyle(table: DraftTable, measure: Measure): string | undefined {
  const counts = new Map<string, number>();
  for (const row of table.rows)
    row.cells.forEach((c, i) => {
      if (!sameKind(table.columns[i].measure, measure)) return;
      for (const r of readingsOf(c.reading))
        if (r.value !== null && r.value.isZero() && !r.fault)
          counts.set(r.text, (counts.get(r.text) ?? 0) + 1);
    });
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function styleOf(table: DraftTable, row: DraftRow, measure: Measure, zero?: string): PrintStyle {
  const percentSign =
    isPercent(measure) &&
    row.cells.some((c, i) => table.columns[i].measure === measure && /%/.test(c.raw));
  return { zero, percentSign };
}

export class Grid {
  readonly cells: GridCell[] = [];
  private readonly byKey = new Map<string, GridCell>();
  private readonly byPlace = new Map<string, GridCell>();

  constructor(readonly tables: readonly DraftTable[]) {
    tables.forEach((table, tableIndex) => {
      // A table's nil style per measure, read once: it scans the whole table.
      const zeros = new Map(table.columns.map((c) => [c.measure, zeroStyle(table, c.measure)]));
      table.rows.forEach((row, rowIndex) =>
        table.columns.forEach((column, i) => {
          const cell = row.cells[i];
          if (!cell?.expected) return;
          const places = formPlaces(table, row, column.measure);
          const own = readingsOf(cell.reading).filter(
            (r) => r.places !== 3 || places === 3 || r.fault
          );
          const g: GridCell = {
            key: cellKey(table.statement, row.id, column.period, column.measure),
            tableIndex,
            table,
            rowIndex,
            row,
            column: i,
            measure: column.measure,
            period: column.period,
            cell,
            places,
            style: styleOf(table, row, column.measure, zeros.get(column.measure)),
            readings: own.length > 0 ? own : readingsOf(cell.reading).filter((r) => r.fault),
            carried: row.fromHeading?.[i] ?? [],
          };
          this.cells.push(g);
          this.byKey.set(g.key, g);
          this.byPlace.set(`${tableIndex}|${rowIndex}|${i}`, g);
        })
      );
    });
  }

  get(key: string): GridCell | undefined {
    return this.byKey.get(key);
  }

  /** The cell `offset` rows above (-1) or below (+1) in the same table and column. */
  neighbour(cell: GridCell, offset: number): GridCell | undefined {
    return this.byPlace.get(`${cell.tableIndex}|${cell.rowIndex + offset}|${cell.column}`);
  }

  labels(): Map<string, string> {
    return new Map(this.cells.map((c) => [c.key, c.row.label]));
  }
}

export function knownOf(r: FigureReading): Known {
  return { value: r.value, places: r.places, nil: r.text === "-" };
}

/** The cell's own reading when it is one clean figure in its row's form; else it is in doubt. */
export function cleanReading(cell: GridCell): FigureReading | undefined {
  if (cell.carried.length > 0 || cell.readings.length !== 1) return undefined;
  const [r] = cell.readings;
  return r.fault ? undefined : r;
}

/**
 * Long texts (notes, the release's title, worded outlooks) wrapped inside the model's columns: a
 * text that would run past the last column is merged through it and wrapped, its row as tall as
 * its lines. Excel clips such overflow at the print area, LibreOffice widens the page for it.
 */
import type { PlanCell, PlanRowHeight } from "../plan-types";

/** Points per line of the default font. */
const LINE_POINTS = 15;

export function wrapLongTexts(
  cells: readonly PlanCell[],
  widths: readonly number[],
  lastCol: number
): { cells: PlanCell[]; rowHeights: PlanRowHeight[] } {
  const lastUsed = new Map<number, number>();
  for (const c of cells) lastUsed.set(c.row, Math.max(lastUsed.get(c.row) ?? -1, c.col));
  const rowHeights: PlanRowHeight[] = [];
  const wrapped = cells.map((cell) => {
    const text = cell.formula === undefined ? (cell.text ?? "") : "";
    // Only a row's last cell can run on: a cell to its right stops it.
    if (lastUsed.get(cell.row) !== cell.col) return cell;
    const room = widths.slice(cell.col, lastCol + 1).reduce((a, b) => a + b, 0);
    if (text.length <= room) return cell;
    const lines = Math.ceil(text.length / room);
    rowHeights.push({ row: cell.row, points: lines * LINE_POINTS });
    return { ...cell, wrapTo: lastCol };
  });
  return { cells: wrapped, rowHeights };
}

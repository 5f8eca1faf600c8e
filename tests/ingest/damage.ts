/**
 * Damage for generated cases: the seed's text with faults put in known places, as the OCR makes
 * them (a cell's text changed, a figure moved onto the heading above or into the next row, a row
 * inserted). Rows are found by their printed label after a marker line, or by their line number
 * (0-based, as ingest reads them): no fault adds or removes a line, so numbers stay valid
 * across faults.
 */

interface Place {
  /** Text of a line before the table (its title), so that a label printed twice is found once. */
  readonly after: string;
  readonly label: string;
}

/** A row: by its label after a marker line, or by its 0-based line number. */
export type RowAt = Place | number;

function lineIndex(lines: readonly string[], place: RowAt): number {
  if (typeof place === "number") return place;
  const from = lines.findIndex((l) => l.includes(place.after));
  if (from < 0) throw new Error(`no line "${place.after}"`);
  const at = lines.findIndex(
    (l, i) =>
      i > from &&
      l.trim().startsWith("|") &&
      l
        .split("|")[1]
        .replace(/<[^>]+>/g, "")
        .trim() === place.label
  );
  if (at < 0) throw new Error(`no row "${place.label}" after "${place.after}"`);
  return at;
}

function cellsOf(line: string): string[] {
  return line.split("|");
}

/** Sets figure cell `cell` (0 = the first after the label) of a row. */
function setCell(lines: string[], at: number, cell: number, to: string): string {
  const parts = cellsOf(lines[at]);
  const old = parts[cell + 2].trim();
  parts[cell + 2] = ` ${to} `;
  lines[at] = parts.join("|");
  return old;
}

/** The text with one cell's text replaced (`to` gets the old text). */
export function editCell(
  text: string,
  place: RowAt,
  cell: number,
  to: (old: string) => string
): string {
  const lines = text.split("\n");
  const at = lineIndex(lines, place);
  const old = cellsOf(lines[at])[cell + 2].trim();
  setCell(lines, at, cell, to(old));
  return lines.join("\n");
}

/** A row's figure printed on the line above it (a heading, or the previous row), its own cell blank. */
export function moveUp(text: string, place: RowAt, cell: number, merge = false): string {
  const lines = text.split("\n");
  const at = lineIndex(lines, place);
  const old = setCell(lines, at, cell, "");
  const above = cellsOf(lines[at - 1])[cell + 2].trim();
  setCell(lines, at - 1, cell, merge && above ? `${above} ${old}` : old);
  return lines.join("\n");
}

/** A row's figure printed in the next row's cell, run together with that row's own. */
export function moveDown(text: string, place: RowAt, cell: number): string {
  const lines = text.split("\n");
  const at = lineIndex(lines, place);
  const old = setCell(lines, at, cell, "");
  const below = cellsOf(lines[at + 1])[cell + 2].trim();
  setCell(lines, at + 1, cell, `${old} ${below}`);
  return lines.join("\n");
}

/** The row's label replaced (its figures kept). */
export function relabel(text: string, place: Place, to: string): string {
  const lines = text.split("\n");
  const at = lineIndex(lines, place);
  const parts = cellsOf(lines[at]);
  parts[1] = ` ${to} `;
  lines[at] = parts.join("|");
  return lines.join("\n");
}

/** Rows inserted after a row. */
export function insertAfter(text: string, place: Place, rows: readonly string[]): string {
  const lines = text.split("\n");
  const at = lineIndex(lines, place);
  lines.splice(at + 1, 0, ...rows);
  return lines.join("\n");
}

/** The first line holding `from` replaced by `to` there. */
export function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`no "${from}" in the text`);
  return text.replace(from, to);
}

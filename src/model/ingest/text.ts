/**
 * A release's text as lines with their page, and its pipe tables as blocks of rows. OCR output mixes
 * prose, headings and markdown-style pipe tables (`| a | b |`); the page is wherever the last
 * "Page N" marker put it, and the statements that follow "Tables to follow" carry no page number.
 */

export interface SourceLine {
  /** 0-based line number in the text. */
  readonly index: number;
  readonly text: string;
  /** "page 5", or "" before the first page marker. */
  readonly page: string;
}

/** One `| ... |` row: its cells as printed (verbatim, trimmed), without the outer empty cells. */
export interface PipeRow {
  readonly line: number;
  readonly page: string;
  readonly cells: readonly string[];
}

/** Consecutive pipe rows; markdown separator rows (`|---|`) are dropped. */
export interface PipeBlock {
  readonly first: number;
  readonly last: number;
  readonly rows: readonly PipeRow[];
}

const PAGE_MARKER = /\bPage\s+(\d+)\s*$/;
const SEPARATOR_ROW = /^\|(\s*:?-+:?\s*\|)+\s*$/;
const RULE_LABEL = /^:?-{2,}:?$/;

export function sourceLines(text: string): SourceLine[] {
  let page = "";
  return text.split(/\r?\n/).map((raw, index) => {
    const marker = PAGE_MARKER.exec(raw.trim());
    if (marker) page = `page ${marker[1]}`;
    return { index, text: raw, page };
  });
}

function splitPipeRow(text: string): string[] {
  const body = text.trim().replace(/^\|/, "").replace(/\|$/, "");
  return body.split("|").map((cell) => cell.trim());
}

function isPipeLine(line: SourceLine): boolean {
  return line.text.trim().startsWith("|");
}

export function pipeBlocks(lines: readonly SourceLine[]): PipeBlock[] {
  const blocks: PipeBlock[] = [];
  let rows: PipeRow[] = [];
  let first = -1;
  const close = (last: number) => {
    if (rows.length > 0) blocks.push({ first, last, rows });
    rows = [];
  };
  for (const line of lines) {
    if (!isPipeLine(line)) {
      close(line.index - 1);
      continue;
    }
    if (rows.length === 0) first = line.index;
    const cells = splitPipeRow(line.text);
    // A rule of the table's markup, even where the OCR put a stray figure on it ("|--| 379 |"):
    // no row of the release is printed there, and a figure on it is lost to the row it left.
    if (!SEPARATOR_ROW.test(line.text.trim()) && !RULE_LABEL.test(cells[0] ?? ""))
      rows.push({ line: line.index, page: line.page, cells });
  }
  close(lines.length - 1);
  return blocks;
}

/** A footnote marker printed in a label: "^(*4)", "(*3)", or a note number stuck to a word, "(2)". */
export interface Marked {
  readonly text: string;
  /** "(*4)" or "(2)"; absent when the label carries none. */
  readonly marker?: string;
}

/**
 * A label as printed, without the OCR's markup: HTML tags (`<i>`, `<u>`), TeX (`$\mathbf{USD}$`),
 * escaped dollars and superscript carets. Footnote markers stay: `withoutMarker` takes them out.
 */
export function stripMarkup(text: string): string {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/\$\\[a-z]+\{([^}]*)\}[^$]*\$/gi, "$1")
    .replace(/\$\{?\\scriptstyle\s*([^}$]*)\}?\$/g, "$1")
    .replace(/\\\$/g, "$")
    .replace(/\^/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const STAR_MARKER = /\s*\(\*(\d+)\)\s*/;
const NOTE_MARKER = /\((\d)\)$/;

/** Takes a footnote marker out of a label: "(*3)" anywhere, or "(2)" stuck to the last word. */
export function withoutMarker(label: string): Marked {
  const star = STAR_MARKER.exec(label);
  if (star) {
    const text = `${label.slice(0, star.index)} ${label.slice(star.index + star[0].length)}`;
    return { text: text.replace(/\s+/g, " ").trim(), marker: `(*${star[1]})` };
  }
  const note = NOTE_MARKER.exec(label);
  if (note && /[a-z]\(\d\)$/i.test(label)) return { text: label, marker: `(${note[1]})` };
  return { text: label };
}

/** The italic words at the start of a label ("<i>IP Service</i> 64kbps"), which name a group. */
export function italicLead(raw: string): string | undefined {
  const m = /^\s*<i>([^<]+)<\/i>/i.exec(raw);
  return m ? m[1].trim() : undefined;
}

/** Sentences of a paragraph, split after ". " where the next word starts a sentence. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?]["”]?)\s+(?=["“A-Z(])/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

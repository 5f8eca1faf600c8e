/**
 * Facts a release states in words: its date and title, the quarter it reports, the outlook
 * sentences, and the footnotes its tables point to (the convenience rate: rate.ts).
 */
import type { PrintedOutlook } from "../../data/types";
import {
  type CalendarDate,
  type Quarter,
  isValidDate,
  isoDate,
  monthFromName,
  periodKey,
  quarterEndingOn,
} from "../calendar";
import { nameKey } from "../names";
import { GUIDANCE_METRICS } from "./lexicon";
import { type SourceLine, sentencesOf, stripMarkup } from "./text";

const DATE =
  /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (\d{1,2}), (\d{4})\b/g;

/** Every full date printed in `text` ("Jun 30, 2001", "August 14, 2001"), in order. */
export function datesIn(text: string): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (const m of text.matchAll(DATE)) {
    const month = monthFromName(m[1]);
    const date = { year: Number(m[3]), month: month ?? 0, day: Number(m[2]) };
    if (month !== null && isValidDate(date)) dates.push(date);
  }
  return dates;
}

/** The quarter that ends on a printed date, as the house key ("1Q01"), or null. */
export function quarterKeyOn(date: CalendarDate): string | null {
  const q: Quarter | null = quarterEndingOn(date);
  return q ? periodKey(q) : null;
}

export interface ReleaseHeading {
  /** ISO. */
  readonly date: string;
  /** As printed: "August 14, 2001". */
  readonly printedDate: string;
  readonly title: string;
}

/** The release date (the first full date of the first page) and its headline. */
export function releaseHeading(lines: readonly SourceLine[]): ReleaseHeading | null {
  const top = lines.slice(0, 40);
  const first = top.find((l) => datesIn(l.text).length > 0);
  const headline = top.find((l) => /\bAnnounces\b.*\bResults\b/i.test(l.text));
  if (!first) return null;
  const printed = [...first.text.matchAll(DATE)].find((m) => datesIn(m[0]).length > 0)?.[0] ?? "";
  return {
    date: isoDate(datesIn(first.text)[0]),
    printedDate: printed,
    title: headline ? stripMarkup(headline.text) : "",
  };
}

/** The first full date printed in `text`, with where its print ends. */
export function firstDateIn(text: string): { date: CalendarDate; end: number } | undefined {
  for (const m of text.matchAll(DATE)) {
    const [date] = datesIn(m[0]);
    if (date && m.index !== undefined) return { date, end: m.index + m[0].length };
  }
  return undefined;
}

/** A paragraph of the prose (pipe tables left out), with where it is printed. */
export interface Paragraph {
  readonly text: string;
  readonly page: string;
  /** The nearest short line above it with no sentence in it: the heading it sits under. */
  readonly heading: string;
  /** For a bullet ("- ..."): its place in its run of bullets, 1-based, and the run's length. */
  readonly bullet?: { readonly index: number; readonly of: number };
}

function isHeadingLine(text: string): boolean {
  const words = text.split(/\s+/).length;
  return (
    words <= 12 &&
    /[A-Za-z]/.test(text) &&
    !/[.:;,]$/.test(text) &&
    !/\bPage\s+\d+$/.test(text) &&
    !/\d{4}$/.test(text)
  );
}

/**
 * The paragraphs of the prose: lines run together until a blank line; a bullet is its own.
 * `tableLabels` (by `nameKey`): a short line that is a table row's label is that row's label
 * printed away from its table (Table 3's "Dedicated Access Services" above its detached values),
 * neither a heading nor prose: the text below it stays under the heading above.
 */
export function paragraphs(
  lines: readonly SourceLine[],
  tableLabels: ReadonlySet<string> = new Set()
): Paragraph[] {
  const out: { text: string; page: string; heading: string; bullet: boolean }[] = [];
  let heading = "";
  let current: string[] = [];
  let page = "";
  let bullet = false;
  const close = () => {
    if (current.length === 0) return;
    const text = current.join(" ");
    const short = !bullet && current.length === 1 && isHeadingLine(text);
    if (short && !tableLabels.has(nameKey(text))) heading = text;
    else if (!short) out.push({ text, page, heading, bullet });
    current = [];
  };
  for (const line of lines) {
    const t = line.text.trim();
    const starts = /^[-•]\s+/.test(t);
    if (t === "" || t.startsWith("|") || starts) close();
    if (t === "" || t.startsWith("|")) continue;
    if (current.length === 0) [page, bullet] = [line.page, starts];
    current.push(t.replace(/^[-•]\s+/, ""));
  }
  close();
  return out.map((p, i) => {
    if (!p.bullet) return { text: p.text, page: p.page, heading: p.heading };
    let first = i;
    while (first > 0 && out[first - 1].bullet) first--;
    let last = i;
    while (last + 1 < out.length && out[last + 1].bullet) last++;
    return {
      text: p.text,
      page: p.page,
      heading: p.heading,
      bullet: { index: i - first + 1, of: last - first + 1 },
    };
  });
}

const OUTLOOK_PATTERNS: readonly { readonly id: string; readonly pattern: RegExp }[] = [
  {
    id: "operating_income",
    pattern: /expects? to report positive operating income for the fiscal (\d{4})/i,
  },
  { id: "revenues", pattern: /expects? sales revenues in the fiscal (\d{4}) to/i },
];

/** Where in its paragraph a sentence stands: "the last bullet", "the quote of Yasuhiro Nishi, CFO". */
function placeOf(p: Paragraph): string {
  if (p.bullet)
    return p.bullet.index === p.bullet.of ? "the last bullet" : `bullet ${p.bullet.index}`;
  const quote = /said ([A-Z][a-z]+(?: [A-Z][a-z]+)+), ([A-Za-z& ]+?) of IIJ/.exec(p.text);
  if (quote) return `the quote of ${quote[1]}, ${quote[2]}`;
  return "a paragraph";
}

/** The fiscal-year outlook in words: the sentences that state it, one per metric. */
export function outlookSentences(lines: readonly SourceLine[]): PrintedOutlook[] {
  const found: PrintedOutlook[] = [];
  for (const p of paragraphs(lines)) {
    for (const sentence of sentencesOf(p.text)) {
      for (const { id, pattern } of OUTLOOK_PATTERNS) {
        const m = pattern.exec(sentence);
        if (!m || found.some((o) => o.id === id)) continue;
        const label = GUIDANCE_METRICS.find((g) => g.id === id)?.labels[0] ?? id;
        const text = sentence.replace(/^["“]+|["”]+$/g, "");
        found.push({
          id,
          label,
          period: `FY${m[1]}`,
          page: p.page,
          heading: p.heading,
          place: placeOf(p),
          text,
        });
      }
    }
  }
  return found;
}

/**
 * The release's footnotes by marker: "(*3)" and "^(*4)" lines, and the statements' "Note (2):"
 * paragraphs, joined across the OCR's paragraph breaks until the sentence ends.
 */
export function footnotes(lines: readonly SourceLine[]): Map<string, string> {
  const notes = new Map<string, string>();
  lines.forEach((line, i) => {
    const t = line.text.trim().replace(/^\^/, "");
    const star = /^\(\*(\d+)\)\s+(.*)$/.exec(t);
    const note = /^Note \((\d+)\):\s*(.*)$/.exec(t);
    if (star && !notes.has(`(*${star[1]})`)) notes.set(`(*${star[1]})`, `(*${star[1]}) ${star[2]}`);
    if (note)
      notes.set(`(${note[1]})`, joinUntilSentenceEnds(lines, i, `Note (${note[1]}): ${note[2]}`));
  });
  return notes;
}

function joinUntilSentenceEnds(lines: readonly SourceLine[], at: number, start: string): string {
  let text = start.trim();
  for (let i = at + 1; i < lines.length && !/[.:]$/.test(text); i++) {
    const t = lines[i].text.trim();
    if (t === "") continue;
    if (t.startsWith("|") || /^Note \(/.test(t)) break;
    text = `${text} ${t}`;
  }
  return text;
}

/** Terms the prose marks with a footnote ("EBITDA^(*1)"): the term's words, by marker. */
export function footnotedTerms(lines: readonly SourceLine[]): Map<string, string> {
  const terms = new Map<string, string>();
  for (const line of lines) {
    for (const m of line.text.matchAll(/([A-Za-z][A-Za-z&/-]*)\^\(\*(\d+)\)/g)) {
      if (!terms.has(m[1])) terms.set(m[1], `(*${m[2]})`);
    }
  }
  return terms;
}

/**
 * Figures a release states only in its prose ("Sales personnel expense increased 24.6% to JPY341
 * million in 1Q01 from 1Q00 and by 8.7% from 4Q00."), each with its sentence as source. Nothing is
 * computed: every figure is a printed number with what its sentence says of it, read by patterns of
 * the release's wording, never by the release's own subjects:
 * - the figure: "JPY341 million", "(-)JPY300 million", "24.6%", "8.3 percentage points",
 *   "approximately 1.7Gbps", "11,000 shares", "400,760"; dates, years, times, page and table
 *   numbers, footnote markers and numbers inside names ("IPv6", "Form 20-F") are not figures;
 * - its quarter: "in 1Q01", "for 1Q01", "During 1Q01, ..."; a change's base: "from 1Q00",
 *   "compared with 4Q00", "in the year-over-year comparison";
 * - a change or a level: "increased 24.6%", "by 8.7%", "a 27.5% increase" (signed by the verb)
 *   against "increased to 12.5%", "from 6.3% in 1Q00", "between JPY9.0 billion and JPY9.5 billion";
 * - its subject: "<subject> of <figure>" ("a foreign exchange gain of JPY412 million"), an
 *   affiliate's stake ("its 37.9% affiliate, Crosswave Communications"), the object of an actor
 *   ("IIJ upgraded its Japan-US backbone lines to ..."), a count's own noun ("14 network
 *   operators"), else the words before the clause's verb, else the sentence's first subject.
 */
import type { StatedFigure, StatedMeasure, StatedUnit } from "../../data/types";
import { quarter, quarterIndex } from "../calendar";
import { type Paragraph, paragraphs } from "./prose";
import { type SourceLine, stripMarkup } from "./text";

/** A sentence of the prose with where it is printed. */
interface ProseSentence {
  readonly text: string;
  readonly page: string;
  readonly heading: string;
  readonly place: string;
}

const RUNNING_HEAD = /^(?:[A-Z][\w.&' ]*?\s)?(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*(?:Page\s+\d+)?$/;
const ENDS_SENTENCE = /[.!?:;"”)]$/;

/** Running heads ("August 14, 2001 Page 3") and statement notes are not prose. */
function isProse(p: Paragraph): boolean {
  return !RUNNING_HEAD.test(p.text.trim()) && !/^(Note \(\d+\)|\(Expressed)/.test(p.text);
}

function placeIn(p: Paragraph, index: number): string {
  const marker = /^\^?\(\*(\d+)\)/.exec(p.text);
  if (marker) return `the footnote (*${marker[1]})`;
  if (p.bullet) return `bullet ${p.bullet.index}`;
  return `paragraph ${index}`;
}

/**
 * The prose's paragraphs, each whole: one the page break cut ("... common stock in the" / page
 * head / "amount of JPY825 million, ...") is joined again, at the page it starts on.
 */
function proseParagraphs(
  lines: readonly SourceLine[],
  tableLabels: ReadonlySet<string>
): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs(lines, tableLabels).filter(isProse)) {
    const last = out[out.length - 1];
    if (last && !ENDS_SENTENCE.test(last.text.trim()) && /^[a-z]/.test(p.text)) {
      out[out.length - 1] = { ...last, text: `${last.text.trim()} ${p.text.trim()}` };
    } else out.push(p);
  }
  return out;
}

const ABBREVIATION = /\b(?:Inc|Co|Corp|Ltd|K\.K|No|e\.g|i\.e|approx|U\.S|vs)\.$/;

/** Sentences of a paragraph: split after ". " before a capital or a quote, not after "Inc.". */
function sentencesIn(paragraph: string): string[] {
  const parts = paragraph.split(/(?<=[.!?]["”]?)\s+(?=["“A-Z])/);
  const out: string[] = [];
  for (const part of parts) {
    const previous = out[out.length - 1];
    if (previous !== undefined && ABBREVIATION.test(previous)) out[out.length - 1] += ` ${part}`;
    else out.push(part);
  }
  return out.map((s) => s.trim()).filter((s) => /[a-z]{3}/.test(s));
}

/** Every sentence of the prose, without OCR markup and footnote markers, with its place. */
function proseSentences(
  lines: readonly SourceLine[],
  tableLabels: ReadonlySet<string>
): ProseSentence[] {
  const counts = new Map<string, number>();
  return proseParagraphs(lines, tableLabels).flatMap((p) => {
    const n = (counts.get(p.heading) ?? 0) + 1;
    counts.set(p.heading, n);
    const place = placeIn(p, n);
    const text = stripMarkup(p.text)
      .replace(/^\(\*\d+\)\s*/, "")
      .replace(/\s*\(\*\d+\)/g, "")
      .replace(/\s*\\?\$\\?scriptstyle[^$]*\$/g, "");
    return sentencesIn(text).map((s) => ({ text: s, page: p.page, heading: p.heading, place }));
  });
}

/** A number printed in a sentence, with its unit and sign, before its meaning is read. */
interface Mention {
  readonly start: number;
  readonly end: number;
  readonly printed: string;
  readonly digits: string;
  readonly negative: boolean;
  readonly unit: StatedUnit;
  /** For a count: the noun it counts ("network operators"), part of `printed`. */
  readonly noun: string;
}

const MONTH =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$|\b(?:Page|Table|Form|Forms|version|Appendix|Note)\s$/;
const NOT_A_FIGURE_AFTER = /^(?:st\b|nd\b|rd\b|th\b|[-/:]\d|-[A-Za-z]|Q\d|[A-Za-z]\d)/;
const QUALIFIER = /(?:approximately|about|more than|less than|nearly|around|over|some)\s$/;
const UNIT_AFTER: readonly (readonly [RegExp, StatedUnit])[] = [
  [/^%/, "percent"],
  [/^\s?percentage points?\b/, "percentage points"],
  [/^\s?Gbps\b/, "Gbps"],
  [/^\s?Mbps\b/, "Mbps"],
  [/^\s?times\b/, "times"],
  [/^\s?shares\b/, "shares"],
  [/^\s?contracts\b/, "contracts"],
];
const SCALE: Readonly<Record<string, StatedUnit>> = {
  million: "JPY millions",
  billion: "JPY billions",
  trillion: "JPY trillions",
};
const NOUN_STOP =
  /^(?:of|in|to|by|including|as|such|from|for|with|on|at|which|that|is|are|was|were|will|and|since|than|a|an|the)$/;

/** The noun a bare number counts: up to three words after it, to the first preposition. */
function countedNoun(after: string): string {
  const words = /^\s((?:[a-z][\w-]*\s?){1,4})/.exec(after)?.[1].trim().split(/\s+/) ?? [];
  const noun: string[] = [];
  for (const [i, w] of words.entries()) {
    const joins =
      w === "and" && i > 0 && words[i + 1] !== undefined && !NOUN_STOP.test(words[i + 1]);
    if (NOUN_STOP.test(w) && !joins) break;
    noun.push(w);
  }
  return noun.join(" ").replace(/[,.;]$/, "");
}

/** The unit of a number and the text it spans after the digits. */
function unitOf(money: boolean, after: string): { unit: StatedUnit; tail: string; noun: string } {
  if (money) {
    const scale = /^\s?(million|billion|trillion)\b/.exec(after);
    return scale
      ? { unit: SCALE[scale[1]], tail: scale[0], noun: "" }
      : { unit: "JPY", tail: "", noun: "" };
  }
  for (const [pattern, unit] of UNIT_AFTER) {
    const m = pattern.exec(after);
    if (m) return { unit, tail: m[0], noun: "" };
  }
  const noun = countedNoun(after);
  return { unit: "count", tail: noun ? ` ${noun}` : "", noun };
}

/** The numbers of a sentence that are figures, in printed order. */
function mentionsIn(sentence: string): Mention[] {
  const found: Mention[] = [];
  for (const m of sentence.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    const at = m.index ?? 0;
    const before = sentence.slice(0, at);
    const after = sentence.slice(at + m[0].length);
    const money = /(\(-\)|\(\+\))?JPY\s?(\(-\)|\(\+\))?$/.exec(before);
    const sign = money ? (money[1] ?? money[2]) : /\(-\)$/.exec(before)?.[0];
    if (!money && /[\w.$/*:-]$/.test(before.replace(/\(-\)$/, ""))) continue;
    if (MONTH.test(before) || NOT_A_FIGURE_AFTER.test(after)) continue;
    const { unit, tail, noun } = unitOf(Boolean(money), after);
    if (unit === "count" && /^(?:19|20)\d\d$/.test(m[0])) continue; // a year
    const qualifier = QUALIFIER.exec(
      before.slice(0, at - (money?.[0].length ?? sign?.length ?? 0))
    );
    const start = at - (money?.[0].length ?? sign?.length ?? 0) - (qualifier?.[0].length ?? 0);
    const end = at + m[0].length + tail.length;
    found.push({
      start,
      end,
      printed: sentence.slice(start, end),
      digits: m[0].replace(/,/g, ""),
      negative: sign === "(-)",
      unit,
      noun,
    });
  }
  return found;
}

const QUARTER_KEY = /\b([1-4])Q(\d{2})\b/g;

interface QuarterMention {
  readonly at: number;
  readonly key: string;
  /** The word before it: "in", "for", "during", "from", "with", "to"... */
  readonly word: string;
}

function quartersIn(sentence: string): QuarterMention[] {
  return [...sentence.matchAll(QUARTER_KEY)].map((m) => ({
    at: m.index ?? 0,
    key: m[0],
    word: (/(\w+)\s+$/.exec(sentence.slice(0, m.index)) ?? ["", ""])[1].toLowerCase(),
  }));
}

const IN_WORDS = new Set(["in", "for", "during"]);
const BASE_WORDS = new Set(["from", "with", "to", "over", "against", "versus", "since", "than"]);

/** Quarters apart, later minus earlier: 4 for 1Q00 to 1Q01. */
function quartersApart(later: string, earlier: string): number {
  const index = (k: string) => {
    const yy = Number(k.slice(2));
    return quarterIndex(quarter(yy < 50 ? 2000 + yy : 1900 + yy, Number(k[0])));
  };
  return index(later) - index(earlier);
}

const DOWN_WORD = /\b(?:decreas\w*|declin\w*|fell|fall\w*|reduc\w*|down|dropp?\w*|lower\w*)\b/gi;
const UP_WORD = /\b(?:increas\w*|gr[eo]w\w*|rose|rise|rising|up|improv\w*|higher)\b/gi;
const CHANGE_BEFORE =
  /\b(?:increased|decreased|declined|grew|rose|fell|reduced|dropped|improved|up|down|by|(?:improvement|increase|decrease|decline|reduction|rise) of)\s+$/i;
const CHANGE_AFTER = /^\s*(increase|decrease|rise|decline|drop|improvement|growth|reduction)\b/i;
/** Words before a figure that make it a level of the clause's subject, not an object counted. */
const LEVEL_BEFORE =
  /(?:\b(?:to|from|at|was|were|is|are|be|totaled|totalled|reached|of|between|and|compared to|compared with)|,)\s+$/i;

/** Whether a change goes down: its own noun ("a 27.5% increase"), else the last verb before it. */
function isDown(sentence: string, m: Mention): boolean {
  const noun = CHANGE_AFTER.exec(sentence.slice(m.end));
  if (noun) return /^(decrease|decline|drop|reduction)$/i.test(noun[1]);
  const before = sentence.slice(0, m.start);
  const last = (re: RegExp) => Math.max(-1, ...[...before.matchAll(re)].map((x) => x.index ?? -1));
  return last(DOWN_WORD) > last(UP_WORD);
}

/** A figure read so far: the mention and what its sentence says of it. */
interface Reading {
  readonly mention: Mention;
  readonly change: boolean;
  measure: StatedMeasure;
  period?: string;
  base?: string;
  label: string;
  /** Whether the label was read from the figure's own words, not borrowed from the sentence. */
  own: boolean;
}

const YOY_WORDS = /\byear[- ]over[- ]year\b|\byear[- ]on[- ]year\b|\bYoY\b/i;
const QOQ_WORDS = /\bquarter[- ]over[- ]quarter\b|\bsequential\b|\bQoQ\b/i;

/** The measure of a change from its base quarter, or the words that name its basis. */
function changeMeasure(
  span: string,
  period: string | undefined,
  base: string | undefined,
  latest: string
): StatedMeasure {
  if (base) {
    const apart = quartersApart(period ?? latest, base);
    return apart === 4 ? "yoyPct" : apart === 1 ? "qoqPct" : "change";
  }
  if (YOY_WORDS.test(span)) return "yoyPct";
  if (QOQ_WORDS.test(span)) return "qoqPct";
  return "change";
}

/** The first quarter "in/for/during" names in `text`, or the last one when `last`. */
function inQuarter(quarters: readonly QuarterMention[], from: number, to: number, last = false) {
  const found = quarters.filter((q) => q.at >= from && q.at < to && IN_WORDS.has(q.word));
  return (last ? found[found.length - 1] : found[0])?.key;
}

/** Reads each figure of one sentence: change or level, its quarter, base and measure. */
function readFigures(sentence: string, latest: string): Reading[] {
  const mentions = mentionsIn(sentence);
  const quarters = quartersIn(sentence);
  const readings: Reading[] = [];
  mentions.forEach((m, i) => {
    const gapStart = i > 0 ? mentions[i - 1].end : 0;
    const before = sentence.slice(gapStart, m.start);
    const prev = readings[i - 1];
    const change =
      CHANGE_AFTER.test(sentence.slice(m.end)) ||
      CHANGE_BEFORE.test(before) ||
      (/(?:\b(?:and|but|or)|,)\s+$/.test(before) &&
        !/\b(?:to|from)\s+(?:and\s+)?$/.test(before) &&
        prev?.change === true &&
        prev.mention.unit === m.unit);
    const nextStart = (pick: (j: number) => boolean) => {
      for (let j = i + 1; j < mentions.length; j++) if (pick(j)) return mentions[j].start;
      return sentence.length;
    };
    const reading: Reading = { mention: m, change, measure: "amount", label: "", own: false };
    if (change) {
      const spanEnd = nextStart(
        (j) =>
          CHANGE_BEFORE.test(sentence.slice(mentions[j - 1].end, mentions[j].start)) ||
          CHANGE_AFTER.test(sentence.slice(mentions[j].end))
      );
      const span = sentence.slice(m.end, spanEnd);
      reading.period = inQuarter(quarters, m.end, spanEnd) ?? inQuarter(quarters, 0, m.start, true);
      reading.base = quarters.find(
        (q) => q.at >= m.end && q.at < spanEnd && BASE_WORDS.has(q.word)
      )?.key;
      reading.measure = changeMeasure(span, reading.period, reading.base, latest);
    } else
      readLevel(
        sentence,
        reading,
        before,
        prev,
        quarters,
        nextStart(() => true)
      );
    readings.push(reading);
  });
  return readings;
}

/** A level's measure and quarter: "from 6.3% in 1Q00", "between ... and ...", "JPY341 million in 1Q01". */
function readLevel(
  sentence: string,
  reading: Reading,
  before: string,
  prev: Reading | undefined,
  quarters: readonly QuarterMention[],
  spanEnd: number
): void {
  const m = reading.mention;
  const inRightAfter = /^\s*in\s+([1-4]Q\d{2})\b/.exec(sentence.slice(m.end));
  if (/\bfrom\s+(?:the\s+)?$/i.test(before)) {
    if (inRightAfter) reading.period = inRightAfter[1];
    else {
      reading.measure = "from";
      reading.period = prev?.period ?? inQuarter(quarters, 0, m.start, true);
    }
    return;
  }
  if (/\bbetween\s+$/i.test(before)) reading.measure = "low";
  else if (prev?.measure === "low" && /^\s*(?:and|to|-)\s*$/i.test(before))
    reading.measure = "high";
  const inOf = /\bin\s+([1-4]Q\d{2})\s+of\s+$/.exec(before);
  reading.period =
    inOf?.[1] ?? inQuarter(quarters, m.end, spanEnd) ?? inQuarter(quarters, 0, m.start, true);
  if (reading.measure === "high") reading.period = prev?.period;
}

const VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|totaled|totalled|increased|decreased|declined|grew|rose|fell|reduced|improved|recorded|reached|expects?|expected|upgraded|compared|amounted|remained|stood|delivers|covers|began|expanded|resolved|granted|reported|announced|launched|purchased|issued)\b/;
const ADVERB = /^(?:\w+ly|now|already|also|still|currently)\s+/i;
const ACTOR = /^(?:IIJ|the Company|Company|we|it|they)(?:\s+\w+ly)?$/i;
const LEADING = /^(?:["“]\s*|(?:and|but|or|the|a|an|its|our|their|this|these)(?:\s+|$))+/i;
const TIME_PHRASE =
  /\s+(?:in|for|during|as of|by)\s+(?:the\s+)?(?:[1-4]Q\d{2}|(?:fiscal\s+(?:year\s+)?)?\d{4}|end of \w+ \d{4})\b/gi;
const OPENER =
  /^(?:As|During|For|In|Upon|Due|Mainly|Also|According|Along|With|Unless|Additionally|At|Recently|Utilizing|To|While|Although|Since|After|Before|On)\b/;
const BOUNDARY = /,\s|;\s|\bthat\s|\bwhich\s|\bwho\s/g;
const GENERIC_NOUN = /^(?:amount|total|sum|value|price|figure)$/i;
const CHANGE_NOUN = /^(?:improvement|increase|decrease|decline|reduction|rise|growth)$/i;
const STOP_BACK =
  /^(?:a|an|the|its|our|their|was|were|is|are|to|and|but|compared|with|by|at|for|will|had|has|have|recorded|reported|posted|issue)$/i;

/** A subject's words as printed, without articles, quotes, a quarter or a trailing "to". */
function cleanLabel(words: string): string {
  return words
    .trim()
    .replace(TIME_PHRASE, "")
    .replace(/\s*\((?:NASDAQ|Nasdaq)[^)]*\)/g, "")
    .replace(LEADING, "")
    .replace(/\s+(?:to|will|would|also|each|already)$/i, "")
    .replace(/[\s,;:"”]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * "<noun phrase> of <figure>" (or "with", for "economy with 0% growth"): the words before the
 * preposition, back to an article or a verb.
 */
function nounBeforeOf(gap: string, preposition = "of"): string | null {
  const text = gap.replace(/\s+$/, "").replace(/\s+in\s+[1-4]Q\d{2}\s+of$/, " of");
  if (!text.endsWith(` ${preposition}`)) return null;
  return trailingNoun(text.slice(0, -preposition.length));
}

/** The noun phrase `text` ends with: its words back to an article, a verb or a comma. */
function trailingNoun(text: string): string | null {
  const words = text.trim().replace(/["”“]/g, "").split(/\s+/);
  const noun: string[] = [];
  for (let w = words.length - 1; w >= 0; w--) {
    if (STOP_BACK.test(words[w]) || /[,;]$/.test(words[w]) || VERB.test(words[w])) break;
    noun.unshift(words[w]);
  }
  return noun.length ? noun.join(" ") : null;
}

/** The subject of a clause: the words before its verb; the object after it when an actor acts. */
function clauseSubject(clause: string): string | null {
  const verb = VERB.exec(clause);
  if (!verb) return null;
  const subject = cleanLabel(clause.slice(0, verb.index));
  if (/\d/.test(subject)) return null;
  if (subject && !ACTOR.test(subject)) return subject;
  const object = clause
    .slice(verb.index + verb[0].length)
    .replace(/^\s*(?:\w+ly\s+)?(?:to\s+\w+\s+)?/, "")
    .split(/\s+(?:to|by|from|of|at|between|in|for|with|as|that)\s/)[0];
  const cleaned = cleanLabel(object);
  return subject && cleaned && !/\d/.test(cleaned) ? cleaned : null;
}

/** The text from the last clause boundary (", ", "that", "which") or `from` before `at`. */
function clauseBefore(sentence: string, at: number, from = 0): string {
  const head = sentence.slice(0, at);
  let start = from;
  for (const b of head.matchAll(BOUNDARY)) start = Math.max(start, (b.index ?? 0) + b[0].length);
  return head.slice(start);
}

/** The sentence's own subject: its first clause that is no opener ("During 1Q01", "As ..."). */
function sentenceSubject(sentence: string): string {
  for (const part of sentence.replace(/^["“]/, "").split(/,\s/)) {
    if (/^[a-z]/.test(part) || OPENER.test(part) || /^\(|^Inc\.|^\s*$/.test(part)) continue;
    const verb = VERB.exec(part);
    return cleanLabel(verb ? part.slice(0, verb.index) : part);
  }
  return "";
}

/** An affiliate's stake: "its 37.9% affiliate, Crosswave Communications", "X, a 26.0% affiliate". */
function affiliateOf(sentence: string, m: Mention): string | null {
  if (m.unit !== "percent" || !/^\s*(?:-owned\s+)?affiliate\b/.test(sentence.slice(m.end)))
    return null;
  const after = /^\s*(?:-owned\s+)?affiliate,\s+([A-Z][^,(.]*[^,(.\s])/.exec(sentence.slice(m.end));
  const before = /([A-Z][\w.&' -]*?)(?:\s*\([^)]*\))?,\s+(?:a|an|its)\s+$/.exec(
    sentence.slice(0, m.start)
  );
  const name = after?.[1] ?? before?.[1];
  return name ? `${name.trim()} affiliate` : null;
}

/** A count or share held that is the object of its clause: "JPNAP already has 14 network operators". */
function objectLabel(sentence: string, m: Mention, subject: string, from: number): string {
  const whole = clauseBefore(sentence, m.start);
  // "JPNAP, which now has 25 network operators": the clause's subject is what "which" follows.
  const relative = /,?\s+(?:which|that|who)\s+$/.exec(sentence.slice(0, m.start - whole.length));
  const antecedent = relative ? trailingNoun(sentence.slice(0, relative.index)) : null;
  // A clause that counts something else first ("395 common stock to 44 directors"): its subject.
  const own = whole === clauseBefore(sentence, m.start, from) ? whole : "";
  const clause = cleanLabel(own.replace(/\b(?:a|an|the)\s+/gi, ""));
  const ofPhrase = /^%\s+of\s+((?:[\w'’-]+\s?){1,4})/.exec(
    sentence.slice(m.start + m.printed.length - 1)
  );
  const noun = m.noun || (ofPhrase ? ofPhrase[1].trim().replace(/[.,;]$/, "") : m.unit);
  const verbFirst = VERB.exec(clause.replace(ADVERB, ""))?.index === 0 || !clause;
  const who = antecedent ?? subject;
  const head = verbFirst && who ? `${who} ${clause}` : clause;
  return cleanLabel(`${head} ${noun}`);
}

/**
 * Whether a figure is the object its clause counts or holds ("has 14 network operators", "will
 * each hold 12.5% of ..."), not a level of the clause's subject ("totaled to 400,760", "to
 * approximately 967,000 subscribers" of "subscribers increased ...").
 */
function isObject(sentence: string, m: Mention, gap: string): boolean {
  const counted = m.unit === "count" || m.unit === "shares";
  if (
    !counted &&
    !(m.unit === "percent" && /^%\s+of\s/.test(sentence.slice(m.start + m.printed.length - 1)))
  )
    return false;
  if (counted && !m.noun && m.unit === "count") return false;
  const subject = clauseSubject(clauseBefore(sentence, m.start)) ?? "";
  const sameNoun = m.noun !== "" && subject.toLowerCase().endsWith(m.noun.split(" ").pop() ?? "");
  if (sameNoun) return false;
  return !LEVEL_BEFORE.test(gap) || /\bto\s+$/.test(gap);
}

/** Gives each figure of a sentence its subject, as printed. */
function labelFigures(sentence: string, readings: Reading[]): void {
  const subject = sentenceSubject(sentence);
  let main = "";
  readings.forEach((r, i) => {
    const m = r.mention;
    const from = i > 0 ? readings[i - 1].mention.end : 0;
    const gap = sentence.slice(from, m.start);
    const ownLabels = readings
      .slice(0, i)
      .filter((x) => x.own)
      .map((x) => x.label);
    const of = nounBeforeOf(gap);
    const affiliate = affiliateOf(sentence, m);
    let label: string | null = affiliate;
    if (!label && of && !CHANGE_NOUN.test(of.split(" ").pop() ?? "")) {
      const head = of.split(" ").pop()?.toLowerCase();
      const same = ownLabels.find((l) => l.split(" ").pop()?.toLowerCase() === head);
      label =
        GENERIC_NOUN.test(of) && i > 0
          ? `${readings[i - 1].label}, ${of}`
          : (same ?? cleanLabel(of));
    }
    if (!label && !r.change && isObject(sentence, m, gap))
      label = objectLabel(sentence, m, subject, from);
    if (!label && CHANGE_AFTER.test(sentence.slice(m.end))) label = nounBeforeOf(gap, "with");
    else if (!label && !/\bof\s+$/.test(gap))
      label = clauseSubject(clauseBefore(sentence, m.start, from));
    if (r.measure === "high" && i > 0) label = readings[i - 1].label;
    r.own = Boolean(label);
    r.label = label || main || subject || (m.noun ? cleanLabel(m.noun) : "");
    if (!main && r.own && !affiliate) main = r.label;
  });
}

/** An id from a subject's words: "Sales personnel expense" -> "sales_personnel_expense". */
function statedId(label: string): string {
  return (
    label
      .normalize("NFKC")
      .toLowerCase()
      .replace(/['’]/g, "")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "") || "figure"
  );
}

/** A figure's value as a decimal string, signed by its printed sign or its verb. */
function valueOf(sentence: string, r: Reading): string {
  const negative = r.mention.negative || (r.change && isDown(sentence, r.mention));
  return `${negative ? "-" : ""}${r.mention.digits}`;
}

/**
 * Ids for one sentence's figures: a subject keeps its id unless an earlier sentence (or an
 * earlier figure of this one) stated a different figure for the same id, period and measure;
 * then it takes the first free suffix, "_2", "_3"...
 */
function assignIds(
  figures: Omit<StatedFigure, "id">[],
  taken: Map<string, string>
): StatedFigure[] {
  const bySubject = new Map<string, number>();
  return figures.map((f) => {
    const base = statedId(f.label);
    const slot = (n: number) => `${n > 1 ? `${base}_${n}` : base}|${f.period ?? ""}|${f.measure}`;
    let n = bySubject.get(base) ?? 1;
    while (taken.has(slot(n)) && taken.get(slot(n)) !== f.value) n++;
    bySubject.set(base, n);
    taken.set(slot(n), f.value);
    return { id: n > 1 ? `${base}_${n}` : base, ...f };
  });
}

/**
 * Every figure the release's prose states, in printed order, with its sentence and place.
 * `latestQuarter` is the quarter the release reports: a change against "4Q00" in a sentence that
 * names no quarter of its own is a QoQ change when the release reports 1Q01. `tableLabels`: the
 * tables' row labels (by `nameKey`), which a line printed apart from its table is not a heading.
 */
export function statedFigures(
  lines: readonly SourceLine[],
  latestQuarter: string,
  tableLabels: ReadonlySet<string> = new Set()
): StatedFigure[] {
  const taken = new Map<string, string>();
  const out: StatedFigure[] = [];
  for (const s of proseSentences(lines, tableLabels)) {
    const readings = readFigures(s.text, latestQuarter);
    labelFigures(s.text, readings);
    const figures = readings
      .filter((r) => r.label !== "")
      .map((r) => ({
        label: r.label,
        ...(r.period ? { period: r.period } : {}),
        measure: r.measure,
        ...(r.change && r.base ? { base: r.base } : {}),
        printed: r.mention.printed,
        value: valueOf(s.text, r),
        unit: r.mention.unit,
        sentence: s.text,
        page: s.page,
        heading: s.heading,
        place: s.place,
      }));
    out.push(...assignIds(figures, taken));
  }
  return out;
}

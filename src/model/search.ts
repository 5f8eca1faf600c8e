/**
 * Finding an item by what an analyst types: any words of its printed label, its id, an alias, its
 * section, with typos forgiven. Used by the pane's search box and `iij-model find`.
 */
import type { StatementId } from "../data/types";
import { resolveUnit } from "./units";
import { type Period, periodKey, samePeriod } from "./calendar";
import { type Item, innermostSection } from "./catalogue";
import { isIIJError } from "./errors";
import { STATEMENTS, type IIJModel, pickVintage } from "./model";
import type { PeriodRequest } from "./periods";
import { editDistance, nameKey } from "./names";
import { type StatedEntry, resolveStated, statedEntries, statedMeasureName } from "./stated";

export interface SearchHit {
  readonly item: Item;
  readonly score: number;
}

function words(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter(Boolean);
}

/** How well one query word matches one name word: exact 1, prefix 0.8, a typo 0.6, else 0. */
function wordScore(q: string, w: string): number {
  if (q === w) return 1;
  if (w.startsWith(q) && q.length >= 2) return 0.8;
  if (
    q.length >= 4 &&
    Math.abs(q.length - w.length) <= 2 &&
    editDistance(q, w) <= (q.length >= 7 ? 2 : 1)
  )
    return 0.6;
  return 0;
}

/** 0..100: how well `query` names `name`. */
function nameScore(query: string, name: string): number {
  if (nameKey(query) === nameKey(name)) return 100;
  const qs = words(query);
  const ns = words(name);
  if (qs.length === 0 || ns.length === 0) return 0;
  let total = 0;
  for (const q of qs) {
    const best = Math.max(0, ...ns.map((w) => wordScore(q, w)));
    if (best === 0) return 0; // every query word must match something
    total += best;
  }
  // Coverage: a query that names most of the label beats one word of a long label.
  const coverage = Math.min(1, qs.length / ns.length);
  return Math.round(60 * (total / qs.length) + 30 * coverage);
}

/** Items of every statement, table and the guidance, best first (printed order breaks ties). */
export function searchItems(model: IIJModel, query: string, limit = 20): SearchHit[] {
  const hits: SearchHit[] = [];
  STATEMENTS.forEach((statement: StatementId) => {
    const catalogue = model.catalogue(statement);
    for (const item of catalogue.items) {
      const section = innermostSection(item.section);
      const aliases = catalogue.aliasesOf(item.id);
      const names = [
        ...item.printedLabels,
        item.id.replace(/_/g, " "),
        ...aliases,
        ...item.printedLabels.map((l) => `${section} ${l}`),
      ];
      let best = 0;
      for (const name of names) {
        // An alias is a shorthand: on a tie, the item whose own label or id matches comes first.
        best = Math.max(best, nameScore(query, name) - (aliases.includes(name) ? 1 : 0));
      }
      if (best > 0) hits.push({ item, score: best });
    }
  });
  const order = (h: SearchHit) =>
    STATEMENTS.indexOf(h.item.statement) * 1000 + model.items(h.item.statement).indexOf(h.item);
  return hits.sort((a, b) => b.score - a.score || order(a) - order(b)).slice(0, limit);
}

/** A figure stated in the prose that matches a search, and how well. */
export interface StatedHit {
  readonly entry: StatedEntry;
  readonly score: number;
}

/** A subject's amount before its changes, where they match alike. */
const amountFirst = (hit: StatedHit) => (hit.entry.figure.measure === "amount" ? 0 : 1);

/** The most a match in a figure's sentence, not its subject, scores: below its own subject's. */
const SENTENCE_SCORE = 50;

const wordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * A sentence matches when it has every word of the query, exactly: a sentence is long, and a
 * near-miss of one of its words ("help" for "held") is no match.
 */
function sentenceScore(query: string, sentence: string): number {
  const wanted = wordsOf(query);
  const has = new Set(wordsOf(sentence));
  return wanted.length > 0 && wanted.every((w) => has.has(w)) ? SENTENCE_SCORE : 0;
}

/**
 * Figures stated in the prose whose subject or id matches, best first (printed order breaks
 * ties); failing those, figures whose sentence has every word of the query, scored lower.
 */
export function searchStated(model: IIJModel, query: string, limit = 20): StatedHit[] {
  const hits: { hit: StatedHit; order: number }[] = [];
  statedEntries(model).forEach((entry, order) => {
    const f = entry.figure;
    const own = Math.max(nameScore(query, f.label), nameScore(query, f.id.replace(/_/g, " ")));
    const score = own > 0 ? own : sentenceScore(query, f.sentence);
    if (score > 0) hits.push({ hit: { entry, score }, order });
  });
  return hits
    .sort(
      (a, b) =>
        b.hit.score - a.hit.score || amountFirst(a.hit) - amountFirst(b.hit) || a.order - b.order
    )
    .slice(0, limit)
    .map((h) => h.hit);
}

/**
 * The formula that reads a stated figure: its subject as printed when that names it alone (with
 * its measure when not the amount), else its id.
 */
export function statedFormulaFor(model: IIJModel, entry: StatedEntry): string {
  const f = entry.figure;
  const measure = f.measure === "amount" ? undefined : statedMeasureName(f.measure);
  let name = f.label;
  try {
    if (resolveStated(model, entry.period, f.label, measure).figure.value !== f.value) name = f.id;
  } catch (error) {
    if (!isIIJError(error)) throw error;
    name = f.id;
  }
  const args = [entry.period, name, ...(measure ? [measure] : [])].map(quote);
  return `=IIJ.STATED(${args.join(",")})`;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Whether a formula for `item` in `period` gives an amount `unit` converts: a table's or a guided
 * range's JPY millions (a count, a rate or words take no unit), and `unit` is another.
 */
function takesUnit(model: IIJModel, item: Item, period: string, unit: string): boolean {
  if (item.unit !== "JPY millions") return false;
  try {
    // A unit the statements have but a table's amount cannot take (USD as printed): none.
    if (resolveUnit(unit, "JPY millions", item.label) === "JPY millions") return false;
    if (item.statement !== "GUIDANCE") return true;
    const key = periodKey(model.resolveGuidancePeriod(period).period);
    return model.guidance(item.id, key, "range").length > 0;
  } catch (error) {
    if (!isIIJError(error)) throw error;
    return false;
  }
}

/**
 * The formula that reads an item, as it would be typed: its printed label when that names it alone
 * in its statement, else its id. `unit` is added only when it is not the item's default (JPY
 * thousands for the statements, the printed JPY millions for the tables' and guidance's amounts):
 * a unit asked for applies to every amount, so figures inserted together are in one unit.
 */
export function formulaFor(model: IIJModel, item: Item, period: string, unit?: string): string {
  const labelIsUnique = model.catalogue(item.statement).find(item.label) === item;
  const name = quote(labelIsUnique ? item.label : item.id);
  const p = quote(period);
  const tableUnit = unit && takesUnit(model, item, period, unit) ? `,${quote(unit)}` : "";
  switch (item.statement) {
    case "KPI":
      return `=IIJ.KPI(${p},${name}${tableUnit})`;
    case "GUIDANCE":
      // The unit is GUIDANCE's fourth argument: the bound before it is the default, "mid".
      return `=IIJ.GUIDANCE(${p},${name}${tableUnit ? `,"mid"${tableUnit}` : ""})`;
    default: {
      const u =
        unit && unit !== "JPY thousands" && item.unit === "JPY thousands" ? `,${quote(unit)}` : "";
      return `=IIJ.${item.statement}(${p},${name}${u})`;
    }
  }
}

/**
 * Whether a formula for `item` answers for the period asked: the item is printed in that quarter
 * (guidance: given for that period), as of the vintage asked. A printed "NA" counts: its formula
 * answers `#N/A` with the reason. Quarters compare by full fiscal year ("1Q1900" is not "1Q00").
 */
export function answersFor(model: IIJModel, item: Item, request: PeriodRequest): boolean {
  if (!modelPeriods(model, item).some((p) => samePeriod(p, request.period))) return false;
  const key = periodKey(request.period);
  const printings =
    item.statement === "GUIDANCE"
      ? [...model.guidance(item.id, key, "range"), ...model.guidance(item.id, key, "outlook")]
      : model.figureHistory(item.statement, item.id, key, "amount");
  return pickVintage(printings, request.vintage) !== undefined;
}

/** The periods the model has for `item`'s statement (guidance: every period guided), oldest first. */
function modelPeriods(model: IIJModel, item: Item): readonly Period[] {
  return item.statement === "GUIDANCE"
    ? model.guidancePeriodList()
    : model.quarters(item.statement);
}

/** The periods `item` answers for (as the latest releases print it), oldest first. */
export function periodsOf(model: IIJModel, item: Item): readonly Period[] {
  return modelPeriods(model, item).filter((period) =>
    answersFor(model, item, { period, vintage: { kind: "latest" } })
  );
}

/**
 * The period an item's formula should use by default: the latest quarter it is printed for
 * (guidance: the first period it is given for, the nearest ahead), so the formula answers.
 */
export function defaultPeriodFor(model: IIJModel, item: Item): string {
  const own = periodsOf(model, item);
  const periods = own.length ? own : modelPeriods(model, item);
  return periodKey(periods[item.statement === "GUIDANCE" ? 0 : periods.length - 1]);
}

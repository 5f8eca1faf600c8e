/**
 * Finding an item by what an analyst types: any words of its printed label, its id, an alias, its
 * section, with typos forgiven. Used by the pane's search box and `iij-model find`.
 */
import type { StatementId } from "../data/types";
import { ALIASES } from "./aliases";
import { periodKey } from "./calendar";
import type { Item } from "./catalogue";
import { STATEMENTS, type IIJModel } from "./model";
import { nameKey } from "./names";

export interface SearchHit {
  readonly item: Item;
  readonly score: number;
  /** The name that matched best (a label, alias or id). */
  readonly matched: string;
}

function words(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter(Boolean);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
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
    for (const item of model.items(statement)) {
      const section = item.section.split(" / ").pop() ?? "";
      const aliases = ALIASES[statement][item.id] ?? [];
      const names = [
        ...item.printedLabels,
        item.id.replace(/_/g, " "),
        ...aliases,
        ...item.printedLabels.map((l) => `${section} ${l}`),
      ];
      let best = { score: 0, matched: "" };
      for (const name of names) {
        // An alias is a shorthand: on a tie, the item whose own label or id matches comes first.
        const score = nameScore(query, name) - (aliases.includes(name) ? 1 : 0);
        if (score > best.score) best = { score, matched: name };
      }
      if (best.score > 0) hits.push({ item, ...best });
    }
  });
  const order = (h: SearchHit) =>
    STATEMENTS.indexOf(h.item.statement) * 1000 + model.items(h.item.statement).indexOf(h.item);
  return hits.sort((a, b) => b.score - a.score || order(a) - order(b)).slice(0, limit);
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The formula that reads an item, as it would be typed: its printed label when that is unique in
 * its statement, else its id. `unit` is added only when it is not the default.
 */
export function formulaFor(model: IIJModel, item: Item, period: string, unit?: string): string {
  const labelIsUnique =
    model.items(item.statement).filter((i) => nameKey(i.label) === nameKey(item.label)).length ===
    1;
  const name = quote(labelIsUnique ? item.label : item.id);
  const p = quote(period);
  switch (item.statement) {
    case "KPI":
      return `=IIJ.KPI(${p},${name})`;
    case "GUIDANCE":
      return `=IIJ.GUIDANCE(${p},${name})`;
    default: {
      const u =
        unit && unit !== "JPY thousands" && item.unit === "JPY thousands" ? `,${quote(unit)}` : "";
      return `=IIJ.${item.statement}(${p},${name}${u})`;
    }
  }
}

/** The period an item's formula should use by default: the latest it has figures for. */
export function defaultPeriodFor(model: IIJModel, item: Item): string {
  const periods =
    item.statement === "GUIDANCE" ? model.guidancePeriodList() : model.quarters(item.statement);
  return periodKey(periods[item.statement === "GUIDANCE" ? 0 : periods.length - 1]);
}

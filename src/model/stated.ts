/**
 * Printed figures besides the statements' amounts: those stated only in a release's prose
 * (`Release.stated`), looked up by period and the words of their subject, for `IIJ.STATED` and
 * `iij-model find`, each cited by its sentence (a figure whose sentence names no quarter is
 * reached by the quarter its release reports); and the statements' printed % of total, Chg % and
 * USD columns, as printed, for `IIJ.PRINTED`.
 */
import type { Measure, Release, StatedFigure, StatedMeasure } from "../data/types";
import { type Period, periodKey, printedDate, quarterEnd, samePeriod } from "./calendar";
import { Dec } from "./decimal";
import { isDerived, resolveAnyLine } from "./derived";
import { invalidValue, isIIJError, notAvailable } from "./errors";
import { type Figure, type IIJModel, pickVintage } from "./model";
import { isOmitted, nameKey, nearestNames, quotedList, shown } from "./names";
import type { Vintage } from "./periods";
import { releaseName } from "./source";

/** A stated figure with its release and the quarter it is reached by. */
export interface StatedEntry {
  readonly release: Release;
  readonly figure: StatedFigure;
  /** The quarter the sentence names, else the quarter its release reports. */
  readonly period: string;
}

/** How each measure is written in a formula, and the names it also answers to. */
const MEASURES: readonly (readonly [StatedMeasure, readonly string[]])[] = [
  ["amount", ["amount", "value", "level"]],
  ["yoyPct", ["YoY %", "YoY", "yoyPct", "YOY Chg %", "year-over-year", "YoY change"]],
  ["qoqPct", ["QoQ %", "QoQ", "qoqPct", "QOQ Chg %", "quarter-over-quarter", "QoQ change"]],
  ["change", ["change", "change %"]],
  ["from", ["from", "before", "previous"]],
  ["low", ["low"]],
  ["high", ["high"]],
];
const MEASURE_BY_NAME = new Map<string, StatedMeasure>(
  MEASURES.flatMap(([measure, names]) => names.map((n) => [nameKey(n), measure] as const))
);
const MEASURE_SHOWN = new Map<StatedMeasure, string>(MEASURES.map(([m, names]) => [m, names[0]]));

/** The name a formula gives a measure: "YoY %", "QoQ %", "amount"... */
export function statedMeasureName(measure: StatedMeasure): string {
  return MEASURE_SHOWN.get(measure) ?? measure;
}

interface StatedIndex {
  readonly entries: readonly StatedEntry[];
  /** By nameKey of each label and id: a Map, so no user text reaches an object's keys. */
  readonly byName: ReadonlyMap<string, readonly StatedEntry[]>;
}

const indexes = new WeakMap<IIJModel, StatedIndex>();

function indexOf(model: IIJModel): StatedIndex {
  let index = indexes.get(model);
  if (index) return index;
  // model.releases is in date order already.
  const entries = model.releases.flatMap((release) =>
    (release.stated ?? []).map((figure) => ({
      release,
      figure,
      period: figure.period ?? release.latestQuarter,
    }))
  );
  const byName = new Map<string, StatedEntry[]>();
  for (const entry of entries) {
    for (const key of new Set([nameKey(entry.figure.label), nameKey(entry.figure.id)])) {
      const list = byName.get(key) ?? [];
      list.push(entry);
      byName.set(key, list);
    }
  }
  index = { entries, byName };
  indexes.set(model, index);
  return index;
}

/** Every stated figure of the model's releases, oldest release first, in printed order. */
export function statedEntries(model: IIJModel): readonly StatedEntry[] {
  return indexOf(model).entries;
}

/** A figure for messages: `"Sales personnel expense" (JPY341 million)`. */
function described(e: StatedEntry): string {
  const m = e.figure.measure === "amount" ? "" : `, ${statedMeasureName(e.figure.measure)}`;
  return `"${e.figure.label}" (${e.figure.printed}${m})`;
}

function choicesFor(entries: readonly StatedEntry[], period: string): string {
  const shownList = [...new Set(entries.filter((e) => e.period === period).map(described))];
  return `Figures stated for ${period}: ${shownList.join(", ")}.`;
}

/** Whether a stated figure's key ("1Q01") names `period`, as the model reads its releases' keys. */
export function isStatedFor(model: IIJModel, entry: StatedEntry, period: Period): boolean {
  return samePeriod(model.parsePeriod(entry.period).period, period);
}

/** The stated period asked for; an error naming the periods with stated figures. */
function statedPeriod(
  model: IIJModel,
  input: unknown
): { key: string; entries: StatedEntry[]; vintage: Vintage } {
  const request = model.parsePeriod(input);
  const key = periodKey(request.period);
  const all = indexOf(model).entries;
  // By the quarter itself, not its key: "1Q01" is also what 1Q1901 and 1Q2101 print as.
  const forPeriod = all.filter((e) => isStatedFor(model, e, request.period));
  if (forPeriod.length === 0) {
    const periods = [...new Set(all.map((e) => e.period))].join(", ") || "none";
    const p = request.period;
    const when =
      p.kind === "quarter" ? `${key} (quarter ended ${printedDate(quarterEnd(p))})` : key;
    throw notAvailable(
      `No release states figures in its text for ${when}. Periods with stated figures: ${periods}.`
    );
  }
  return { key, entries: forPeriod, vintage: request.vintage };
}

/** The entries an item names in a period's figures; errors name the valid choices. */
function statedItem(model: IIJModel, input: unknown, key: string, entries: StatedEntry[]) {
  if (isOmitted(input)) throw invalidValue(`An item is required. ${choicesFor(entries, key)}`);
  if (typeof input !== "string")
    throw invalidValue(
      `The item must be text (the subject of a stated figure or its id). ${choicesFor(entries, key)}`
    );
  const named = indexOf(model).byName.get(nameKey(input)) ?? [];
  const found = entries.filter((e) => named.includes(e));
  if (found.length > 0) return found;
  const elsewhere = [...new Set(named.map((e) => e.period))];
  if (elsewhere.length > 0)
    throw notAvailable(
      `"${shown(input)}" is stated for ${elsewhere.join(", ")}, not for ${key}. ${choicesFor(entries, key)}`
    );
  const near = nearestNames(
    input,
    entries.map((e) => [nameKey(e.figure.label), e.figure.label] as const)
  );
  const hint = near.length ? ` Did you mean ${quotedList(near)}?` : "";
  throw notAvailable(
    `No figure "${shown(input)}" is stated for ${key}.${hint} ${choicesFor(entries, key)}`
  );
}

/** The measure asked for, or the figure's own when it is stated in one measure only. */
function statedMeasure(input: unknown, found: readonly StatedEntry[]): StatedEntry[] {
  const measures = [...new Set(found.map((e) => e.figure.measure))];
  const label = found[0].figure.label;
  const valid = `"${label}" is stated as ${quotedList(measures.map(statedMeasureName))}`;
  if (isOmitted(input)) {
    const measure = measures.includes("amount") ? "amount" : measures[0];
    if (measures.length > 1 && measure !== "amount")
      throw invalidValue(`Give the measure: ${valid}.`);
    return found.filter((e) => e.figure.measure === measure);
  }
  const measure = typeof input === "string" ? MEASURE_BY_NAME.get(nameKey(input)) : undefined;
  if (!measure) {
    const names = MEASURES.map(([m]) => statedMeasureName(m));
    throw invalidValue(
      `"${shown(String(input))}" is no measure; measures: ${quotedList(names)}. ${valid}.`
    );
  }
  const chosen = found.filter((e) => e.figure.measure === measure);
  if (chosen.length === 0) throw notAvailable(`${valid}, not as "${statedMeasureName(measure)}".`);
  return chosen;
}

/**
 * The stated figure a period, an item (its subject as printed, or its id) and a measure (by
 * default its amount) name. Two sentences stating different figures for one subject, period and
 * measure are ambiguous: `#VALUE!` naming each by id and sentence.
 */
export function resolveStated(
  model: IIJModel,
  periodInput: unknown,
  itemInput: unknown,
  measureInput?: unknown
): StatedEntry {
  const { key, entries, vintage } = statedPeriod(model, periodInput);
  const stated = statedMeasure(measureInput, statedItem(model, itemInput, key, entries));
  // A later release that states the figure again wins, as for the tables; "@first" reads the first.
  const release = pickVintage(stated, vintage, (id) =>
    notAvailable(`Release ${id} does not state "${shown(String(itemInput))}" for ${key}.`)
  )?.release;
  const chosen = stated.filter((e) => e.release === release);
  const values = new Set(chosen.map((e) => new Dec(e.figure.value).toString()));
  if (values.size > 1) {
    const each = chosen.map(
      (e) => `${e.figure.id} (${e.figure.printed}: "${shown(e.figure.sentence)}")`
    );
    throw invalidValue(
      `"${shown(String(itemInput))}" is stated with different figures for ${key}: ${each.join(" or ")}. Use the id.`
    );
  }
  return chosen.find((e) => e.figure.period !== undefined) ?? chosen[0];
}

/** A stated figure's value, exact, in its printed unit (a percentage as its printed number). */
export function statedValue(entry: StatedEntry): Dec {
  return new Dec(entry.figure.value);
}

/** Where a stated figure is printed: release, page, heading, place, and its sentence. */
export function statedCitation(entry: StatedEntry): string {
  const f = entry.figure;
  const measure = f.measure === "amount" ? "" : `, ${statedMeasureName(f.measure)}`;
  const base = f.base ? ` from ${f.base}` : "";
  return `${releaseName(entry.release)}, ${f.page}, "${f.heading}", ${f.place}: "${f.sentence}" (printed ${f.printed}${measure}${base}; ${f.unit}, ${entry.period}).`;
}

/** `IIJ.SOURCE` for a stated figure: its citation, or null when the item names none. */
export function statedSource(
  model: IIJModel,
  periodInput: unknown,
  itemInput: unknown
): string | null {
  try {
    return statedCitation(resolveStated(model, periodInput, itemInput));
  } catch (error) {
    if (isIIJError(error)) return null;
    throw error;
  }
}

/** The statements' printed columns besides the amounts, by the names an analyst gives them. */
const COLUMNS: readonly (readonly [Measure, readonly string[]])[] = [
  ["pctOfTotal", ["% of total", "% of total revenues", "% of total assets", "pctOfTotal"]],
  ["yoyPct", ["YoY %", "YOY Chg %", "YoY", "yoyPct", "YoY change"]],
  ["qoqPct", ["QoQ %", "QOQ Chg %", "QoQ", "qoqPct", "QoQ change"]],
  ["usd", ["USD", "USD (1)", "USD thousands", "usd"]],
];
const COLUMN_BY_NAME = new Map<string, Measure>(
  COLUMNS.flatMap(([measure, names]) => names.map((n) => [nameKey(n), measure] as const))
);
const COLUMN_SHOWN = new Map<Measure, string>(COLUMNS.map(([m, names]) => [m, names[0]]));

function resolveColumn(input: unknown): Measure {
  const names = quotedList(COLUMNS.map(([, n]) => n[0]));
  if (isOmitted(input)) throw invalidValue(`A column is required: ${names}.`);
  const measure = typeof input === "string" ? COLUMN_BY_NAME.get(nameKey(input)) : undefined;
  if (!measure)
    throw invalidValue(`"${shown(String(input))}" is no printed column; columns: ${names}.`);
  return measure;
}

/**
 * A statement cell of a printed column other than the amount, as printed: `IIJ.PRINTED`. A
 * percentage is its printed number (40.6 for "40.6%"), USD the printed USD thousands. `#N/A` names
 * the columns the release printed for the row when it printed none of this one for the quarter.
 */
export function readPrintedColumn(
  model: IIJModel,
  periodInput: unknown,
  itemInput: unknown,
  columnInput: unknown
): { readonly value: Dec; readonly figure: Figure } {
  const request = model.parsePeriod(periodInput);
  const { line: item } = resolveAnyLine(model, itemInput);
  if (isDerived(item))
    throw notAvailable(
      `"${item.label}" is computed from printed figures: it has no printed columns.`
    );
  const measure = resolveColumn(columnInput);
  const key = periodKey(model.resolveQuarter(periodInput, item.statement).period);
  const figure = model.figure(item.statement, item.id, key, measure, request.vintage);
  if (!figure) {
    const printed = model
      .quarters(item.statement)
      .flatMap((q) =>
        COLUMNS.filter(([m]) => model.figure(item.statement, item.id, periodKey(q), m)).map(
          ([m]) => `${COLUMN_SHOWN.get(m)} ${periodKey(q)}`
        )
      );
    throw notAvailable(
      `The release prints no "${COLUMN_SHOWN.get(measure)}" for "${item.label}" in ${key}. Printed for this row: ${printed.join(", ") || "the amounts only"}.`
    );
  }
  return { value: model.numberOf(figure, item), figure };
}

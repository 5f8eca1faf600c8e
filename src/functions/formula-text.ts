/**
 * IIJ formulas as text, beside the function table: `=IIJ.NAME(...)` read into a call, a result
 * written as one line, and "find with values" (each search hit with its value and the formula that
 * reads it). The CLI (eval, find) and the pane (find and insert, trace) both use these, so a
 * formula reads, evaluates and prints the same in a terminal and in the pane.
 */
import {
  type IIJModel,
  type SearchHit,
  type StatedHit,
  answersFor,
  defaultModel,
  defaultPeriodFor,
  formulaFor,
  invalidValue,
  isIIJError,
  isStatedFor,
  searchItems,
  searchStated,
  statedCitation,
  statedFormulaFor,
} from "../model";
import { type Result, type Scalar, invoke } from "./library";

/** A literal argument as typed in a cell; null is an omitted argument (nothing between commas). */
export type Literal = string | number | boolean | null;

/**
 * `=IIJ.NAME(arg, ...)` with literal arguments, as typed in a cell: "text" (with "" for a quote),
 * numbers, TRUE/FALSE, and omitted arguments. Cell references and nested formulas are outside what
 * text alone can evaluate and are rejected with the reason.
 */
export interface FormulaCall {
  /** The function's name in upper case, without "IIJ.". */
  readonly name: string;
  readonly args: readonly Literal[];
}

/** Text that is not an IIJ formula with literal arguments; the message says what is wrong. */
export class FormulaSyntaxError extends Error {}

/** A reader over the formula's text: the position and the steps every argument needs. */
class FormulaReader {
  constructor(
    readonly src: string,
    public at: number
  ) {}

  get next(): string | undefined {
    return this.src[this.at];
  }

  skipSpace(): void {
    while (this.at < this.src.length && /\s/.test(this.src[this.at])) this.at++;
  }

  /** A quoted text, the reader on its opening quote; "" inside stands for one quote. */
  text(): string {
    let value = "";
    this.at++;
    for (;;) {
      if (this.at >= this.src.length)
        throw new FormulaSyntaxError(`Unterminated text in ${this.src}`);
      if (this.next === '"') {
        if (this.src[this.at + 1] !== '"') break;
        value += '"';
        this.at += 2;
        continue;
      }
      value += this.src[this.at++];
    }
    this.at++;
    return value;
  }

  /** An unquoted argument: TRUE, FALSE or a number; anything else is not a literal. */
  bare(position: number): boolean | number {
    const raw = /^[^,)]*/.exec(this.src.slice(this.at))?.[0] ?? "";
    this.at += raw.length;
    const token = raw.trim();
    if (/^(TRUE|FALSE)$/i.test(token)) return token.toUpperCase() === "TRUE";
    if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(token)) return Number(token);
    throw new FormulaSyntaxError(
      `Argument ${position} of ${this.src}: "${token}" is not a literal (text in quotes, a number, TRUE or FALSE)`
    );
  }

  argument(position: number): Literal {
    this.skipSpace();
    if (this.next === "," || this.next === ")") return null;
    return this.next === '"' ? this.text() : this.bare(position);
  }
}

/** Reads a formula as typed in a cell (the leading "=" may be left out). */
export function parseFormula(text: string): FormulaCall {
  const src = text.trim();
  const head = /^=?\s*IIJ\.([A-Za-z][A-Za-z0-9_.]*)\s*\(/i.exec(src);
  if (!head)
    throw new FormulaSyntaxError(
      `"${src}" is not an IIJ formula; write it as in a cell, e.g. =IIJ.INCOME("1Q01","Total revenues")`
    );
  const reader = new FormulaReader(src, head[0].length);
  const args: Literal[] = [];
  for (;;) {
    args.push(reader.argument(args.length + 1));
    reader.skipSpace();
    const separator = reader.next;
    reader.at++;
    if (separator === ")") break;
    if (separator !== ",")
      throw new FormulaSyntaxError(`Expected "," or ")" at position ${reader.at} of ${src}`);
  }
  reader.skipSpace();
  if (reader.at !== src.length)
    throw new FormulaSyntaxError(`Unexpected text after the closing parenthesis in ${src}`);
  // IIJ.PERIODS() has no arguments: the empty slot read above is not an argument.
  if (args.length === 1 && args[0] === null && /\(\s*\)$/.test(src)) args.length = 0;
  return { name: head[1].toUpperCase(), args };
}

/**
 * Evaluates a formula's text as the custom function would; text that is not an IIJ formula with
 * literal arguments is a `#VALUE!` that says why. Never throws for the formula's sake.
 */
export function evaluateFormula(text: string, model: IIJModel = defaultModel()): Result {
  let call: FormulaCall;
  try {
    call = parseFormula(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return invalidValue(error.message);
    throw error;
  }
  return invoke(call.name, call.args, model);
}

function scalarText(value: Scalar, inGrid: boolean): string {
  if (isIIJError(value)) return inGrid ? value.kind : `${value.kind}: ${value.message}`;
  if (typeof value === "number") return String(value);
  return value.replace(/\s*[\r\n]+\s*/g, " ");
}

/**
 * A result as text: a number as JavaScript prints it, text on one line, an error as
 * "#N/A: message", a spilled grid as one tab-separated line per row (an error cell as its kind).
 */
export function formatResult(result: Result): string {
  if (Array.isArray(result))
    return result.map((row) => row.map((c) => scalarText(c, true)).join("\t")).join("\n");
  return scalarText(result, false);
}

/** The most hits `find` returns when no limit is given. */
export const FIND_DEFAULT_LIMIT = 20;

/** A search hit with its value and the formula that reads it. */
export interface FoundItem {
  readonly hit: SearchHit;
  readonly statement: string;
  readonly id: string;
  readonly label: string;
  /** The value for the chosen period and unit, as text; an error as its kind ("#N/A"). */
  readonly value: string;
  readonly formula: string;
}

export interface FindOptions {
  /**
   * Any period form: only the items printed (guidance: given) for it are offered. By default each
   * item at its latest printed quarter (guidance: the first period it is given for).
   */
  readonly period?: string;
  /**
   * The unit of the amounts offered: statement amounts (JPY thousands by default) and the tables'
   * and guidance's amounts (printed in JPY millions); counts, rates and words keep their own.
   */
  readonly unit?: string;
  /** The most hits returned, best first; FIND_DEFAULT_LIMIT (20) by default. */
  readonly limit?: number;
}

/**
 * The items matching the text (labels, ids, aliases; typos forgiven), best first, with values.
 * Only formulas that answer are offered: with a period, an item not printed (or guided) for it is
 * left out, so "operating income" for 4Q00 offers the statements' line, not IIJ.GUIDANCE("4Q00")
 * which is `#N/A`. A period that is no period throws its IIJError (the CLI checks it first).
 */
export function findWithValues(
  model: IIJModel,
  query: string,
  options: FindOptions = {}
): FoundItem[] {
  if (query.trim() === "") return [];
  const { period, limit = FIND_DEFAULT_LIMIT } = options;
  const request = period === undefined ? null : model.parsePeriod(period);
  const hits = searchItems(model, query, request ? Number.MAX_SAFE_INTEGER : limit);
  return hits
    .filter((hit) => !request || answersFor(model, hit.item, request))
    .slice(0, limit)
    .map((hit) => {
      const formula = formulaFor(
        model,
        hit.item,
        period ?? defaultPeriodFor(model, hit.item),
        options.unit
      );
      const result = evaluateFormula(formula, model);
      return {
        hit,
        statement: hit.item.statement,
        id: hit.item.id,
        label: hit.item.label,
        value: isIIJError(result) ? result.kind : formatResult(result),
        formula,
      };
    });
}

/** A figure stated in the prose, found, with its value, formula and the sentence it comes from. */
export interface FoundStated {
  readonly hit: StatedHit;
  readonly statement: "STATED";
  readonly id: string;
  readonly label: string;
  /** The value as text, in `unit`: "341". */
  readonly value: string;
  readonly formula: string;
  readonly unit: string;
  /** The quarter it is read for. */
  readonly period: string;
  /** Its citation: release, page, heading, place and the sentence. */
  readonly source: string;
}

/**
 * The figures stated in the prose that match the text, best first, each with its value, the
 * formula that reads it and its sentence: what `iij-model find` lists after the statements'
 * items. With a period, only the figures stated for that quarter.
 */
export function findStatedWithValues(
  model: IIJModel,
  query: string,
  options: Pick<FindOptions, "period" | "limit"> = {}
): FoundStated[] {
  if (query.trim() === "") return [];
  const { period, limit = FIND_DEFAULT_LIMIT } = options;
  // By the quarter itself, not its key: "1Q01" is also what 1Q1901 prints as.
  const asked = period === undefined ? null : model.parsePeriod(period).period;
  return searchStated(model, query, Number.MAX_SAFE_INTEGER)
    .filter((hit) => asked === null || isStatedFor(model, hit.entry, asked))
    .slice(0, limit)
    .map((hit) => {
      const { figure, period: quarter } = hit.entry;
      const formula = statedFormulaFor(model, hit.entry);
      const result = evaluateFormula(formula, model);
      return {
        hit,
        statement: "STATED",
        id: figure.id,
        label: figure.label,
        value: isIIJError(result) ? result.kind : formatResult(result),
        formula,
        unit: figure.unit,
        period: quarter,
        source: statedCitation(hit.entry),
      };
    });
}

/** A match of find: an item of the statements, tables or guidance, or a figure stated in prose. */
export type Found = FoundItem | FoundStated;

/**
 * Everything find offers for the text, as `iij-model find` and the pane list it: the items of the
 * statements, tables and guidance first (best first), then, in the room the limit leaves, the
 * figures stated in the prose.
 */
export function findAllWithValues(
  model: IIJModel,
  query: string,
  options: FindOptions = {}
): Found[] {
  const limit = options.limit ?? FIND_DEFAULT_LIMIT;
  const found = findWithValues(model, query, options);
  const room = limit - found.length;
  const stated =
    room > 0 ? findStatedWithValues(model, query, { period: options.period, limit: room }) : [];
  return [...found, ...stated];
}

/** Whether a match is a figure stated in prose (read by IIJ.STATED, one quarter, its sentence). */
export function isStatedFound(found: Found): found is FoundStated {
  return "entry" in found.hit;
}

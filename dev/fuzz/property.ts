/**
 * Property-based fuzzing of every custom function, called the way Excel calls it: through the
 * exported adapters of src/functions/functions.ts, with every parameter passed (omitted ones as
 * null) and a CustomFunctions stub that behaves like Excel's runtime.
 *
 * Arguments come from a grammar that mixes the model's own vocabulary (periods, labels, ids,
 * aliases, units, bounds) with corruptions of it, with look-alikes of it (month names such as
 * "Junk" and "Marc", units, bounds, bases and statements a letter or a word off), with the names
 * every JavaScript object answers to (`constructor`, `__proto__`, `toString`...: a lookup in a
 * plain object finds them), and with wild values (any unicode, very long text, formula-looking
 * text, NaN-like and huge numbers, date serials, booleans, null, nested arrays).
 *
 * The property: every call returns a finite number, a string, a well-formed 2-D array (each cell a
 * finite number, a string or an error), or throws a CustomFunctions.Error of #N/A or #VALUE! with a
 * non-empty message; never another exception, NaN, Infinity, undefined, an "Internal error", or a
 * value when an argument names nothing (an Object-prototype name never names anything, in any
 * argument, and is checked on its own as well). Whether an argument names something is decided here,
 * independently of the parser: a period by the meaning the generator gave it (checked against
 * the model's periods by full fiscal year), any other name by its key (case, spaces and
 * punctuation ignored, as documented) against the vocabulary of its parameter.
 *
 * Shared by tests/fuzz/fuzz.test.ts (a sample in `npm test`) and scripts/fuzz.mjs (`npm run fuzz`).
 */
import fc from "fast-check";
import * as adapters from "../../src/functions/functions";
import { LIBRARY } from "../../src/functions/library";
import { type StatementId } from "../../src/data/types";
import { defaultModel, nameKey, STATEMENTS } from "../../src/model";

import { FakeCustomFunctionsError, installCustomFunctions } from "../excel-host/custom-functions";

export { FakeCustomFunctionsError, installCustomFunctions };

// ---------------------------------------------------------------------------------------------
// What names something: the oracle. Its grammar of periods and names is written here, apart from
// the model's parsers; the lists it checks against (periods printed, item ids, labels, aliases)
// come from the model's catalogue, which the data and lookup tests pin to the release.

const model = defaultModel();

/** What a generated period argument means: a quarter, a fiscal year, nothing, or not known here. */
export type PeriodMeaning =
  | { readonly kind: "quarter"; readonly fy: number; readonly q: number }
  | { readonly kind: "year"; readonly fy: number }
  | { readonly kind: "none" }
  | { readonly kind: "unknown" };

const NONE: PeriodMeaning = { kind: "none" };
const UNKNOWN: PeriodMeaning = { kind: "unknown" };

const modelPeriods = model.periods().map((p) => ({ ...p }));
function inModel(m: PeriodMeaning): boolean {
  if (m.kind === "quarter")
    return modelPeriods.some((p) => p.kind === "quarter" && p.fy === m.fy && p.q === m.q);
  if (m.kind === "year") return modelPeriods.some((p) => p.kind === "year" && p.fy === m.fy);
  return false;
}

const latest = model.latestQuarter;
const RELEASE_IDS = model.releases.map((r) => r.id);

/** Quarter ends by fiscal quarter (fiscal years start April 1): month and day, year offset. */
const QUARTER_ENDS: Record<number, [month: number, day: number, yearOffset: number]> = {
  1: [6, 30, 0],
  2: [9, 30, 0],
  3: [12, 31, 0],
  4: [3, 31, 1],
};

const DAY_MS = 86_400_000;
/** Days since 1899-12-30, as Excel counts from 1900-03-01 on (years 1900 to 9999 only). */
function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / DAY_MS);
}

/** What a number in a period position means: a date serial of a quarter end, or nothing. */
export function serialMeaning(n: number): PeriodMeaning {
  if (!Number.isInteger(n) || n < 61 || n > 2_958_465) return NONE;
  const d = new Date(Date.UTC(1899, 11, 30) + n * DAY_MS);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  for (const q of [1, 2, 3, 4]) {
    const [em, ed, off] = QUARTER_ENDS[q];
    if (m === em && day === ed) return { kind: "quarter", fy: y - off, q };
  }
  return NONE;
}

/** What a parameter takes, by its name in the function table (period_or_date is a period). */
export type Role =
  | "period" | "item" | "metric" | "segment" | "kind" | "unit" | "bound" | "basis" | "statement"
  | "measure" | "column"; // prettier-ignore

const roleOf = (parameter: string): Role =>
  parameter === "period_or_date" ? "period" : (parameter as Role);

function statementNames(s: StatementId): string[] {
  const catalogue = model.catalogue(s);
  return model.items(s).flatMap((item) => {
    const section = item.section.split(" / ").pop() ?? "";
    return [
      item.id,
      ...item.printedLabels,
      ...catalogue.aliasesOf(item.id),
      ...(section
        ? item.printedLabels.flatMap((l) => [`${section} ${l}`, `${l} (${section})`])
        : []),
    ];
  });
}

/** Documented spellings (README and the functions' help) of the small closed argument sets. */
const UNITS = [
  "JPY thousands", "JPY thousand", "thousands", "JPY000", "JPY '000", "JPY k", "yen thousands",
  "JPY millions", "JPY million", "millions", "JPY mn", "JPY m", "JPY mm", "yen millions",
  "JPY", "yen", "USD thousands", "USD thousand", "USD000", "USD '000", "USD k", "US$000",
  "US$ thousands", "USD", "dollars", "US dollars", "USD thousands (as printed)", "USD printed",
  "printed USD", "USD as printed",
]; // prettier-ignore
const BOUNDS = ["low", "min", "lower", "bottom", "mid", "midpoint", "middle", "mean", "high", "max",
  "upper", "top", "text", "outlook", "qualitative"]; // prettier-ignore
const BASES = ["YoY", "year over year", "y", "QoQ", "quarter over quarter", "sequential", "q"];
const STATEMENT_NAMES = ["INCOME", "Income statement", "Statement of operations",
  "Statements of operations", "P&L", "IS", "Operations", "BALANCE", "Balance sheet",
  "Balance sheets", "BS", "CASHFLOW", "Cash flow", "Cash flows", "Cash flow statement", "CF", "KPI",
  "KPIs", "Tables", "Operating data", "GUIDANCE", "Outlook", "Forecast"]; // prettier-ignore
const REVENUE_SEGMENTS = ["Dedicated", "Dial-up", "Data center", "Other VAS", "VAS", "Other",
  "Connectivity", "SI", "Equipment", "Total"]; // prettier-ignore
const COST_SEGMENTS = ["Connectivity", "SI", "Equipment", "Total"];
/** IIJ.STATED's measures and IIJ.PRINTED's columns, as README and the help page spell them. */
const STATED_MEASURES = ["amount", "value", "level", "YoY %", "YoY", "YOY Chg %", "year-over-year",
  "YoY change", "QoQ %", "QoQ", "QOQ Chg %", "quarter-over-quarter", "QoQ change", "change",
  "change %", "from", "before", "previous", "low", "high"]; // prettier-ignore
const PRINTED_COLUMNS = ["% of total", "% of total revenues", "% of total assets", "YoY %",
  "YOY Chg %", "YoY", "YoY change", "QoQ %", "QOQ Chg %", "QoQ", "QoQ change", "USD", "USD (1)",
  "USD thousands"]; // prettier-ignore
/** The subjects (and ids) of the figures the releases state in their prose. */
const STATED_NAMES = [
  ...new Set(model.releases.flatMap((r) => (r.stated ?? []).flatMap((f) => [f.label, f.id]))),
];
const MARGIN_KINDS = ["gross", "gross margin", "operating", "operating margin", "EBITDA",
  "EBITDA margin", "net", "net margin"]; // prettier-ignore

/**
 * The names every object answers to through its prototype: a lookup of user text in a plain
 * object (`BOUNDS[text]`, `text in TABLE`) finds them. None names anything of IIJ's.
 */
const PROTOTYPE_NAMES = [
  ...new Set([
    "constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf",
    "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__defineSetter__",
    "__lookupGetter__", "__lookupSetter__", "prototype", "length",
    ...Object.getOwnPropertyNames(Object.prototype),
  ]),
]; // prettier-ignore
const PROTOTYPE_KEYS = new Set(PROTOTYPE_NAMES.map(nameKey));

/**
 * Words a letter or a word off a closed set's names, by role: a prefix, a plural, a neighbour. The
 * oracle decides by key whether one still names something (\`mid-point\` does), so the list may hold
 * both kinds; most name nothing.
 */
const LOOK_ALIKES: ReadonlyMap<Role, readonly string[]> = new Map(Object.entries({
  unit: ["JPY thousandz", "JPY thousand s", "JPY millio", "JPY million s", "JPY bn", "JPY billions",
    "thousand", "million", "yen thousand", "yens", "USDollars", "US$", "USD thousandss", "EUR",
    "JPY '00", "$00", "USD printe", "printed", "as printed"],
  bound: ["lo", "hi", "midd", "median", "average", "lowest", "highest", "mid-point", "txt",
    "outlooks", "maximum", "minimum", "high-low", "qualitive", "middl"],
  basis: ["YoYo", "yoy%", "QoQ2", "YTD", "annual", "quarterly", "y/y", "q/q", "yo", "qo",
    "year", "quarter", "sequentially"],
  statement: ["INCOMES", "Incom", "Balance-sheets", "Balanc", "CASH", "Cashflows", "KPIS", "KP",
    "Guide", "Guidances", "P and L", "Forecasts", "Table"],
  segment: ["Dedicate", "Dialup2", "Totals", "SIs", "Equip", "Connectivit", "Data centers"],
  kind: ["grossly", "op", "EBIT", "netto", "operatin", "gross margins"],
  measure: ["amounts", "YoYo", "QoQ2", "changes", "fro", "lows", "highest"],
  column: ["% of totals", "USDs", "YoY%%", "QoQo", "pct", "% total rev"],
}) as [Role, string[]][]); // prettier-ignore

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"]; // prettier-ignore
/** The month spellings a printed date takes: full name or three letters, any case, optional ".". */
const MONTH_WORDS = new Set(
  MONTH_NAMES.flatMap((m) => [m, m.slice(0, 3)]).flatMap((w) => [w.toLowerCase(), `${w.toLowerCase()}.`])
); // prettier-ignore

/** Words near a month's names that are none of them: "Junk", "Marc", "Jully", "Sept", "Ju". */
function monthLookAlikes(month: number): string[] {
  const full = MONTH_NAMES[month - 1];
  const short = full.slice(0, 3);
  const near = [`${short}k`, `${full}s`, full.slice(0, 4), full.slice(0, 2), `${full}${full.at(-1)}`,
    `${full.slice(0, 2)}${full[2]}${full.slice(2)}`, `${short}e`, `${full.slice(0, -1)}`,
    `\u017F${full.slice(1)}`, `${short}..`]; // prettier-ignore
  return [...new Set(near)].filter((w) => !MONTH_WORDS.has(w.toLowerCase()));
}

/** The words each function's parameter accepts (its vocabulary), before key normalisation. */
function vocabularyWords(fn: string, role: Role): string[] {
  const of = (...s: StatementId[]) => s.flatMap(statementNames);
  switch (role) {
    case "item":
      if (fn === "GROWTH") return of("INCOME", "BALANCE", "CASHFLOW", "KPI");
      if (fn === "SOURCE") return [...of(...STATEMENTS), ...STATED_NAMES];
      if (fn === "STATED") return STATED_NAMES;
      if (fn === "PRINTED") return of("INCOME", "BALANCE", "CASHFLOW");
      return of(fn as StatementId);
    case "measure":
      return STATED_MEASURES;
    case "column":
      return PRINTED_COLUMNS;
    case "metric":
      return of(fn === "KPI" ? "KPI" : "GUIDANCE");
    case "segment":
      return [...of("INCOME"), ...(fn === "REVENUE" ? REVENUE_SEGMENTS : COST_SEGMENTS)];
    case "kind":
      return [...of("INCOME"), ...MARGIN_KINDS];
    case "unit":
      return UNITS;
    case "bound":
      return BOUNDS;
    case "basis":
      return BASES;
    case "statement":
      return STATEMENT_NAMES;
    case "period":
      return [];
  }
}

const vocabularies = new Map<string, ReadonlySet<string>>();
function vocabulary(fn: string, role: Role): ReadonlySet<string> {
  const key = `${fn}|${role}`;
  let set = vocabularies.get(key);
  if (!set) vocabularies.set(key, (set = new Set(vocabularyWords(fn, role).map(nameKey))));
  return set;
}

// ---------------------------------------------------------------------------------------------
// The grammar.

/** A generated argument, with what it means when it is a period. */
export interface Arg {
  readonly value: unknown;
  readonly period?: PeriodMeaning;
}

const arg = (value: unknown, period?: PeriodMeaning): Arg =>
  period ? { value, period } : { value };

const pad2 = (n: number) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Fiscal years: mostly around the data, some a century away (two-digit years alias them). */
const fiscalYear = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...new Set(modelPeriods.map((p) => p.fy))) },
  { weight: 2, arbitrary: fc.integer({ min: 1998, max: 2003 }) },
  { weight: 2, arbitrary: fc.constantFrom(1900, 1901, 1999, 2100, 2101) },
  { weight: 2, arbitrary: fc.integer({ min: 1900, max: 2200 }) }
);

/** Text case and surrounding space, which never change what a period or name means. */
const decorate = (text: string) =>
  fc
    .tuple(fc.constantFrom("", " ", "  ", "\t"), fc.constantFrom("as is", "lower", "upper"))
    .map(
      ([space, kase]) =>
        `${space}${kase === "lower" ? text.toLowerCase() : kase === "upper" ? text.toUpperCase() : text}${space}`
    );

/** A quarter of the model (most of the time) or any quarter. */
const someQuarter = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...modelPeriods.flatMap((p) => (p.kind === "quarter" ? [[p.fy, p.q] as const] : []))) },
  { weight: 2, arbitrary: fc.tuple(fiscalYear, fc.integer({ min: 1, max: 4 })) }
); // prettier-ignore

const quarterSpelling: fc.Arbitrary<Arg> = fc
  .tuple(someQuarter, fc.integer({ min: 0, max: 7 }))
  .chain(([[fy, q], form]) => {
    const meaning: PeriodMeaning = { kind: "quarter", fy, q };
    const [m, d, off] = QUARTER_ENDS[q];
    const y = fy + off;
    const twoDigit = fy >= 1990 && fy <= 2089;
    switch (form) {
      case 0:
        return twoDigit
          ? decorate(`${q}Q${pad2(fy % 100)}`).map((t) => arg(t, meaning))
          : fc.constant(arg(`${q}Q${fy}`, meaning));
      case 1:
        return decorate(`${q}Q${fy}`).map((t) => arg(t, meaning));
      case 2:
        return decorate(`Q${q} FY${fy}`).map((t) => arg(t, meaning));
      case 3:
        return decorate(`FY${fy} Q${q}`).map((t) => arg(t, meaning));
      case 4:
        return fc.constant(arg(`${y}-${pad2(m)}-${pad2(d)}`, meaning));
      case 5:
        return decorate(`${MONTHS[m - 1]} ${d}, ${y}`).map((t) => arg(t, meaning));
      case 6:
        return fc.constant(arg(`${m}/${d}/${y}`, meaning));
      default:
        return fc.constant(arg(serialOf(y, m, d), meaning));
    }
  });

const fiscalYearSpelling: fc.Arbitrary<Arg> = fiscalYear.chain((fy) =>
  decorate(`FY${fy}`).map((t) => arg(t, { kind: "year", fy }))
);

const relativeSpelling: fc.Arbitrary<Arg> = fc
  .oneof(fc.integer({ min: -12, max: 4 }), fc.integer({ min: -999, max: 999 }))
  .map((n) => {
    const index = latest.fy * 4 + (latest.q - 1) + n;
    const text = `FQ${n > 0 ? "+" : ""}${n}`;
    return arg(text, { kind: "quarter", fy: Math.floor(index / 4), q: (index % 4) + 1 });
  });

/** Calendar dates that are not quarter ends, or not dates at all: they name no period. */
const notAQuarterEnd: fc.Arbitrary<Arg> = fc
  .tuple(fc.integer({ min: 1901, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => {
    const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
    const end = [1, 2, 3, 4].some((q) => QUARTER_ENDS[q][0] === m && QUARTER_ENDS[q][1] === d);
    return arg(`${y}-${pad2(m)}-${pad2(d)}`, real && end ? UNKNOWN : NONE);
  }); // prettier-ignore

/** Near misses of the period forms: wrong quarter digit, wrong year length, stray characters. */
const PERIOD_NEAR_MISSES = ["5Q01", "0Q01", "1Q1", "1Q001", "1Q20011", "Q5 FY2001", "Q0 FY2001",
  "FY2001 Q5", "1Q01x", "x1Q01", "1Q01 1Q01", "FQ", "FY", "Q", "1Q", "FQ1Q", "1Q01@", "1Q01@someday",
  "1Q01@2001-13-45", "2001-02-30", "2001-06-31", "13/45/2001", "Foo 30, 2001", "FY 2001 Q 1",
  "1 Q 01", "FQ-", "FQ--1", "FQ1.5", "FQ-1e3", "0001-06-30", "0000-06-30", "1Q01\u0000",
  "１Q01", "1Ｑ01", "FY２００１"]; // prettier-ignore

/** A quarter-end date with a look-alike of its month: names no period, however near. */
const monthLookAlike: fc.Arbitrary<Arg> = someQuarter.chain(([fy, q]) => {
  const [m, d, off] = QUARTER_ENDS[q];
  return fc
    .constantFrom(...monthLookAlikes(m))
    .chain((word) => decorate(`${word} ${d}, ${fy + off}`))
    .map((t) => {
      // Upper case can make a look-alike a month: "ſeptember" upper-cases to "SEPTEMBER".
      const month = t.trim().split(" ")[0].toLowerCase();
      return arg(t, MONTH_WORDS.has(month) ? { kind: "quarter", fy, q } : NONE);
    });
});

/** A period spelling with a vintage suffix: @first, @latest or a release date. */
const withVintage = (base: fc.Arbitrary<Arg>): fc.Arbitrary<Arg> =>
  fc
    .tuple(
      base,
      fc.oneof(
        { weight: 4, arbitrary: fc.constant({ suffix: "", names: true }) },
        fc.constantFrom("@first", "@FIRST", " @ first", "@latest").map((suffix) => ({ suffix, names: true })),
        fc.constantFrom(...RELEASE_IDS).map((id) => ({ suffix: `@${id}`, names: true })),
        fc.constantFrom("@1999-01-01", "@2001-08-15", "@2100-08-14").map((suffix) => ({ suffix, names: false }))
      )
    )
    .map(([a, v]) =>
      typeof a.value !== "string" || v.suffix === ""
        ? a
        : arg(`${a.value.trimEnd()}${v.suffix}`, v.names ? a.period : NONE)
    ); // prettier-ignore

const LONG = fc
  .tuple(fc.constantFrom("x", "1Q01", "Total revenues ", "é", "💹", " ", "="), fc.integer({ min: 100, max: 40_000 }))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length))); // prettier-ignore

const FORMULA_LIKE = ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://example.invalid\",\"x\")",
  "+1+1", "-2+3", "@SUM(1,2)", "=1Q01", "=IIJ.INCOME(\"1Q01\",\"Revenue\")", "=Total revenues",
  "\t=1+1", "'=1+1", "=", "+", "-", "@"]; // prettier-ignore

const WHITESPACE = ["", " ", "   ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u200b", "\ufeff"];

const NUMBERS: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.integer({ min: -100, max: 3_000_000 }),
  fc.constantFrom(0, -0, 1, -1, 60, 61, 36_981, 37_072, 37_073, 2_958_465, 2_958_466, 1e15, -1e15,
    1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, Number.NaN, Infinity,
    -Infinity, 37_072.5) // prettier-ignore
);

const NAN_LIKE_TEXT = ["NaN", "Infinity", "-Infinity", "undefined", "null", "true", "FALSE", "#N/A",
  "#VALUE!", "#REF!", "1e309", "0x10", "3,386,912", "(231,079)", "37072"]; // prettier-ignore

/** Anything at all: what a cell reference or a typo can hand a function. */
const primitive: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  NUMBERS,
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...FORMULA_LIKE, ...WHITESPACE, ...NAN_LIKE_TEXT)
);

const wild: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: primitive },
  { weight: 1, arbitrary: LONG },
  { weight: 2, arbitrary: fc.array(fc.array(primitive, { maxLength: 3 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.array(fc.array(primitive, { maxLength: 2 }), { maxLength: 2 }), { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, {}, [], [[]], [[null]]) }
); // prettier-ignore

/** A name from a vocabulary, spelled as an analyst might: case, spaces and punctuation vary. */
const respell = (word: string) =>
  fc
    .tuple(decorate(word), fc.constantFrom("", "-", ".", " ", "_"))
    .map(([w, sep]) => (sep ? w.replace(/ /g, sep) : w));

/** A corruption of a name: a character dropped, changed, doubled or added (it may still name something). */
const corrupt = (word: string) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: Math.max(0, word.length - 1) }),
      fc.constantFrom("drop", "swap", "double", "append", "prepend", "digit"),
      fc.constantFrom("x", "q", "1", "Z", "é", "’", "0", " ", "=")
    )
    .map(([i, how, ch]) => {
      if (how === "drop") return word.slice(0, i) + word.slice(i + 1);
      if (how === "swap") return word.slice(0, i) + ch + word.slice(i + 1);
      if (how === "double") return word.slice(0, i) + word[i] + word.slice(i);
      if (how === "append") return word + ch;
      if (how === "prepend") return ch + word;
      return `${word}${i}`;
    });

/** Every name any parameter takes: a near miss is often a name of another parameter. */
const ALL_WORDS = [
  ...new Set(
    [...LIBRARY.values()].flatMap((spec) =>
      spec.parameters.flatMap((p) => vocabularyWords(spec.name, roleOf(p.name)))
    )
  ),
];

const periodArg: fc.Arbitrary<Arg> = fc.oneof(
  { weight: 6, arbitrary: withVintage(quarterSpelling) },
  { weight: 1, arbitrary: withVintage(fiscalYearSpelling) },
  { weight: 2, arbitrary: withVintage(relativeSpelling) },
  { weight: 1, arbitrary: notAQuarterEnd },
  { weight: 2, arbitrary: fc.constantFrom(...PERIOD_NEAR_MISSES).map((t) => arg(t, NONE)) },
  { weight: 1, arbitrary: monthLookAlike },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES).chain(decorate).map((t) => arg(t, NONE)) },
  { weight: 1, arbitrary: quarterSpelling.chain((a) => (typeof a.value === "string" ? corrupt(a.value) : fc.constant(String(a.value)))).map((t) => arg(t, UNKNOWN)) },
  { weight: 1, arbitrary: NUMBERS.map((n) => arg(n, serialMeaning(n))) },
  { weight: 3, arbitrary: wild.map((v) => arg(v, typeof v === "number" ? serialMeaning(v) : typeof v === "string" ? (/\d/.test(v) ? UNKNOWN : NONE) : NONE)) }
); // prettier-ignore

function nameArg(fn: string, role: Role): fc.Arbitrary<Arg> {
  const own = vocabularyWords(fn, role);
  const lookAlikes = LOOK_ALIKES.get(role) ?? [];
  return fc
    .oneof(
      { weight: 12, arbitrary: fc.constantFrom(...own).chain(respell) },
      { weight: 3, arbitrary: fc.constantFrom(...own).chain(corrupt) },
      { weight: 1, arbitrary: fc.constantFrom(...ALL_WORDS) },
      { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES).chain(respell) },
      ...(lookAlikes.length ? [{ weight: 2, arbitrary: fc.constantFrom(...lookAlikes).chain(respell) }] : []),
      { weight: 3, arbitrary: wild }
    )
    .map((value) => arg(value));
} // prettier-ignore

export interface Case {
  readonly fn: string;
  readonly args: readonly Arg[];
}

const FUNCTIONS = [...LIBRARY.keys()];

/** A call of one function with exactly its parameters (Excel passes omitted ones as null). */
const anyCall: fc.Arbitrary<Case> = fc.constantFrom(...FUNCTIONS).chain((fn) => {
  const spec = LIBRARY.get(fn)!;
  const params = spec.parameters.map((p) => {
    const role = roleOf(p.name);
    const base = role === "period" ? periodArg : nameArg(fn, role);
    return p.optional
      ? fc.oneof({ weight: 2, arbitrary: fc.constant(arg(null)) }, { weight: 3, arbitrary: base })
      : base;
  });
  return fc.tuple(...params).map((args) => ({ fn, args }));
});

/** A period of the model, as IIJ writes it. */
const modelPeriodArg: fc.Arbitrary<Arg> = fc
  .constantFrom(...modelPeriods)
  .map((p) =>
    p.kind === "quarter"
      ? arg(`${p.q}Q${pad2(p.fy % 100)}`, { kind: "quarter", fy: p.fy, q: p.q })
      : arg(`FY${p.fy}`, { kind: "year", fy: p.fy })
  );

/** An argument that names something: a period of the model, or a word of the parameter's own. */
const namingArg = (fn: string, role: Role): fc.Arbitrary<Arg> =>
  role === "period"
    ? modelPeriodArg
    : fc
        .constantFrom(...vocabularyWords(fn, role))
        .chain(respell)
        .map((v) => arg(v));

/** An Object-prototype name or a look-alike of the parameter's words: names nothing. */
function spoilerArg(role: Role): fc.Arbitrary<Arg> {
  if (role === "period")
    return fc.oneof(
      monthLookAlike,
      fc
        .constantFrom(...PROTOTYPE_NAMES)
        .chain(decorate)
        .map((t) => arg(t, NONE))
    );
  const words = [...PROTOTYPE_NAMES, ...(LOOK_ALIKES.get(role) ?? [])];
  return fc
    .constantFrom(...words)
    .chain(respell)
    .map((v) => arg(v));
}

/**
 * A call whose arguments all name something but one, which is a prototype name or a look-alike:
 * so the lookup of that one argument is reached, whichever position it is in, rather than the
 * call failing earlier on another argument.
 */
const oneSpoiledCall: fc.Arbitrary<Case> = fc
  .constantFrom(...FUNCTIONS.filter((fn) => LIBRARY.get(fn)!.parameters.length > 0))
  .chain((fn) => {
    const parameters = LIBRARY.get(fn)!.parameters;
    return fc
      .integer({ min: 0, max: parameters.length - 1 })
      .chain((spoiled) =>
        fc
          .tuple(
            ...parameters.map((p, i) =>
              i === spoiled ? spoilerArg(roleOf(p.name)) : namingArg(fn, roleOf(p.name))
            )
          )
          .map((args) => ({ fn, args }))
      );
  });

export const callArbitrary: fc.Arbitrary<Case> = fc.oneof(
  { weight: 5, arbitrary: anyCall },
  { weight: 1, arbitrary: oneSpoiledCall }
);

// ---------------------------------------------------------------------------------------------
// The property.

export type Outcome = "number" | "text" | "array" | "#N/A" | "#VALUE!" | "violation";

export interface Verdict {
  readonly outcome: Outcome;
  readonly violation?: string;
}

const adapterOf = (fn: string) =>
  (adapters as unknown as Record<string, (...args: unknown[]) => unknown>)[fn.toLowerCase()];

const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/** Why a value must not be returned for these arguments (an argument names nothing), or null. */
function namesNothing(c: Case): string | null {
  const spec = LIBRARY.get(c.fn)!;
  for (let i = 0; i < spec.parameters.length; i++) {
    const p = spec.parameters[i];
    const role = roleOf(p.name);
    const { value, period } = c.args[i];
    if (isBlank(value)) {
      if (!p.optional) return `${p.name} is required but was ${JSON.stringify(value) ?? "undefined"}`;
      continue;
    }
    if (role === "period") {
      const meaning = period ?? UNKNOWN;
      if (meaning.kind === "unknown") continue;
      if (!inModel(meaning)) return `${p.name} ${JSON.stringify(value)} names no period of the model (${JSON.stringify(meaning)})`;
      continue;
    }
    if (typeof value !== "string") return `${p.name} is not text`;
    if (!vocabulary(c.fn, role).has(nameKey(value)))
      return `${p.name} ${JSON.stringify(value)} is no ${role} of IIJ.${c.fn}`;
  }
  return null;
} // prettier-ignore

function checkError(error: unknown, where: string): Verdict {
  if (!(error instanceof FakeCustomFunctionsError))
    return { outcome: "violation", violation: `${where}: ${error instanceof Error ? error.constructor.name : typeof error} is not a CustomFunctions.Error: ${String(error)}` }; // prettier-ignore
  if (error.code !== "#N/A" && error.code !== "#VALUE!")
    return { outcome: "violation", violation: `${where}: error code ${error.code}` };
  if (!error.message || error.message.trim() === "")
    return { outcome: "violation", violation: `${where}: ${error.code} without a message` };
  if (/Internal error/.test(error.message))
    return { outcome: "violation", violation: `${where}: ${error.message.slice(0, 300)}` };
  return { outcome: error.code };
}

const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);

/** Calls the function as Excel does and judges the answer. */
export function judge(c: Case): Verdict {
  const fn = adapterOf(c.fn);
  if (typeof fn !== "function")
    return { outcome: "violation", violation: `no adapter for ${c.fn}` };
  let result: unknown;
  try {
    result = fn(...c.args.map((a) => a.value));
  } catch (error) {
    return checkError(error, "thrown");
  }
  if (Array.isArray(result)) {
    if (result.length === 0 || !result.every((row) => Array.isArray(row) && row.length > 0))
      return { outcome: "violation", violation: "an empty or ragged array" };
    const width = (result[0] as unknown[]).length;
    for (const row of result as unknown[][]) {
      if (row.length !== width) return { outcome: "violation", violation: "rows of unequal length" };
      for (const cell of row) {
        if (cell instanceof FakeCustomFunctionsError) {
          const v = checkError(cell, "array cell");
          if (v.outcome === "violation") return v;
        } else if (!finite(cell) && typeof cell !== "string") {
          return { outcome: "violation", violation: `array cell ${String(cell)}` };
        }
      }
    }
  } else if (typeof result === "number") {
    if (!Number.isFinite(result)) return { outcome: "violation", violation: `returned ${result}` };
  } else if (typeof result !== "string") {
    return { outcome: "violation", violation: `returned ${String(result)} (${typeof result})` };
  }
  const proto = c.args.find((a) => typeof a.value === "string" && PROTOTYPE_KEYS.has(nameKey(a.value)));
  if (proto) return { outcome: "violation", violation: `a value for the Object-prototype name ${JSON.stringify(proto.value)}` };
  const nothing = namesNothing(c);
  if (nothing) return { outcome: "violation", violation: `a value for an argument that names nothing: ${nothing}` };
  return { outcome: Array.isArray(result) ? "array" : typeof result === "number" ? "number" : "text" };
} // prettier-ignore

export interface FuzzReport {
  readonly runs: number;
  readonly seed: number;
  readonly counts: Record<Outcome, number>;
  readonly byFunction: Record<string, Record<Outcome, number>>;
  readonly violations: number;
  /** The first violations, as found. */
  readonly examples: { readonly c: Case; readonly why: string }[];
  /** The smallest failing case fast-check shrinks to, when there is a violation. */
  readonly smallest?: { readonly c: Case; readonly why: string };
}

const emptyCounts = (): Record<Outcome, number> => ({
  number: 0,
  text: 0,
  array: 0,
  "#N/A": 0,
  "#VALUE!": 0,
  violation: 0,
});

/** Runs `runs` generated calls from `seed`; the same seed generates the same calls. */
export function fuzz(runs: number, seed: number): FuzzReport {
  installCustomFunctions();
  const counts = emptyCounts();
  const byFunction: Record<string, Record<Outcome, number>> = {};
  const examples: { c: Case; why: string }[] = [];
  fc.assert(
    fc.property(callArbitrary, (c) => {
      const v = judge(c);
      counts[v.outcome]++;
      (byFunction[c.fn] ??= emptyCounts())[v.outcome]++;
      if (v.violation && examples.length < 10) examples.push({ c, why: v.violation });
    }),
    { numRuns: runs, seed }
  );
  let smallest: { c: Case; why: string } | undefined;
  if (counts.violation > 0) {
    // The same seed again, now failing on a violation, so that fast-check shrinks it.
    const details = fc.check(
      fc.property(callArbitrary, (c) => judge(c).outcome !== "violation"),
      { numRuns: runs, seed }
    );
    if (details.failed && details.counterexample) {
      const [c] = details.counterexample;
      smallest = { c, why: judge(c).violation ?? "" };
    }
  }
  return { runs, seed, counts, byFunction, violations: counts.violation, examples, smallest };
}

/** An argument list as a reader would type it in a formula. */
export function showCase(c: Case): string {
  const show = (v: unknown): string => {
    if (typeof v === "string") return JSON.stringify(v.length > 120 ? `${v.slice(0, 120)}…(${v.length} chars)` : v);
    if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
    if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
    if (v === undefined) return "undefined";
    return JSON.stringify(v);
  }; // prettier-ignore
  return `IIJ.${c.fn}(${c.args.map((a) => show(a.value)).join(", ")})`;
}

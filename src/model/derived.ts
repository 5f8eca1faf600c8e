import type { StatementId } from "../data/types";
import { type Period, periodKey, shiftQuarter } from "./calendar";
import { type Item, describeValue } from "./catalogue";
import { Dec, formatPrinted } from "./decimal";
import { IIJError, invalidValue, notAvailable } from "./errors";
import { type Figure, type FinancialStatement, type IIJModel, resolveStatement } from "./model";
import { isOmitted, nameKey, nearestNames, quotedList, shown } from "./names";
import type { Vintage } from "./periods";
import {
  ANCHORS,
  EBITDA_DEFINITION,
  type Identity,
  type LineId,
  type Term,
  TIES,
  term,
} from "./statements";
import { resolveUnit } from "./units";

/** Statements searched, in order, when a function takes an item without its statement. */
const SEARCH_ORDER: readonly StatementId[] = ["INCOME", "BALANCE", "CASHFLOW", "KPI"];

/** A printed line (a catalogue item) or a line computed from printed ones. */
export type ModelLine = Item | DerivedLine;

export function isDerived(line: ModelLine): line is DerivedLine {
  return "terms" in line;
}

/** A line found by name, and what SOURCE says when the name could have meant another line. */
export interface FoundLine {
  readonly line: ModelLine;
  readonly note?: string;
}

/**
 * Finds a line by name in `statementInput`'s statement (its printed lines, then the lines derived
 * in it), or else where no statement is given: an ambiguous name (`AMBIGUOUS_NAMES`) means IIJ's
 * own metric, said in the note, or is an error listing its meanings; any other name is the first
 * of INCOME, BALANCE, CASHFLOW, KPI that prints it ("Net loss" is the statements of operations'
 * line, not the cash flow's, which ties to it), or else a derived line.
 */
export function resolveAnyLine(
  model: IIJModel,
  itemInput: unknown,
  statementInput?: unknown
): FoundLine {
  if (!isOmitted(statementInput)) {
    return { line: resolveLineIn(model, resolveStatement(statementInput), itemInput) };
  }
  if (typeof itemInput === "string") {
    const ambiguous = AMBIGUOUS_BY_NAME.get(nameKey(itemInput));
    if (ambiguous) return takeDefaultMeaning(model, ambiguous, itemInput);
    // The common case, without building and catching an error per statement searched.
    for (const statement of SEARCH_ORDER) {
      const item = model.catalogue(statement).find(itemInput);
      if (item) return { line: item };
    }
    const derived = DERIVED_BY_NAME.get(nameKey(itemInput));
    if (derived) return { line: derived };
  }
  let ambiguity: IIJError | undefined;
  for (const statement of SEARCH_ORDER) {
    try {
      return { line: model.catalogue(statement).resolve(itemInput) };
    } catch (error) {
      if (!(error instanceof IIJError)) throw error;
      if (error.kind === "#VALUE!" && typeof itemInput === "string" && itemInput.trim() !== "")
        ambiguity ??= error;
      else if (error.kind === "#VALUE!") throw error;
    }
  }
  if (ambiguity) throw ambiguity;
  throw notAvailable(
    `No statement or table has an item "${shown(String(itemInput))}". See IIJ.ITEMS("INCOME"), IIJ.ITEMS("BALANCE"), IIJ.ITEMS("CASHFLOW") and IIJ.ITEMS("KPI") for the valid items. ${DERIVED_CHOICES}`
  );
}

/**
 * A line of one statement by name: a printed line (label, id or alias), else a line derived in
 * that statement, else, for a name `AMBIGUOUS_NAMES` lists with a meaning here that this
 * statement does not print, an error listing the meanings. Never a line of another statement.
 */
export function resolveLineIn(
  model: IIJModel,
  statement: StatementId,
  itemInput: unknown,
  argument = "item"
): ModelLine {
  const catalogue = model.catalogue(statement);
  if (typeof itemInput !== "string" || statement === "GUIDANCE")
    return catalogue.resolve(itemInput, argument);
  const item = catalogue.find(itemInput);
  if (item) return item;
  const key = nameKey(itemInput);
  const derived = DERIVED_BY_NAME.get(key);
  if (derived?.statement === statement) return derived;
  const ambiguous = AMBIGUOUS_BY_NAME.get(key);
  if (
    ambiguous?.meanings.some((m) => m.statement === statement) &&
    catalogue.idsNamed(itemInput).length === 0
  )
    throw ambiguityError(ambiguous, itemInput);
  try {
    return catalogue.resolve(itemInput, argument);
  } catch (error) {
    if (!(error instanceof IIJError) || error.kind !== "#N/A") throw error;
    const elsewhere = derived
      ? ` "${derived.label}" is derived in ${derived.statement}: =IIJ.${derived.statement}(period,"${derived.label}").`
      : "";
    const here = DERIVED_LINES.filter((l) => l.statement === statement).map((l) => l.label);
    const also = here.length ? ` Derived ${statement} lines: ${quotedList(here)}.` : "";
    throw notAvailable(`${error.message}${also}${elsewhere}`);
  }
}

/**
 * A statement function's amount (`IIJ.INCOME`, `IIJ.BALANCE`, `IIJ.CASHFLOW`): a printed line as
 * printed (or in `unitInput`), or a derived line computed from printed ones. The period is checked
 * first, so that its mistake, the first argument's, is the one reported.
 */
export function statementLineAmount(
  model: IIJModel,
  statement: FinancialStatement,
  periodInput: unknown,
  itemInput: unknown,
  unitInput?: unknown
): Dec {
  model.resolveQuarter(periodInput, statement);
  const line = resolveLineIn(model, statement, itemInput);
  return isDerived(line)
    ? derivedValue(model, line, periodInput, unitInput).value
    : model.statementAmount(statement, periodInput, line.id, unitInput).value;
}

/** A line's value in its printed unit (statements and derived lines: JPY thousands; tables: theirs). */
function printedValue(model: IIJModel, item: ModelLine, period: unknown): Dec {
  if (isDerived(item)) return derivedValue(model, item, period).value;
  if (item.statement === "KPI") return model.kpi(period, item.id).value;
  if (item.statement === "GUIDANCE") throw invalidValue(`Use IIJ.GUIDANCE for guidance.`);
  return model.statementAmount(item.statement as FinancialStatement, period, item.id).value;
}

/** The period argument that names `period` as of `vintage`: "1Q01", "1Q01@first", "1Q01@2001-08-14". */
function periodArgument(period: Period, vintage: Vintage): string {
  const suffix =
    vintage.kind === "latest" ? "" : `@${vintage.kind === "first" ? "first" : vintage.id}`;
  return `${periodKey(period)}${suffix}`;
}

export type Basis = "YoY" | "QoQ";
/** Bases by name key; a Map, so that no text the user types finds an Object-prototype member. */
const BASES: ReadonlyMap<string, Basis> = new Map([
  ["yoy", "YoY"],
  ["yearoveryear", "YoY"],
  ["y", "YoY"],
  ["qoq", "QoQ"],
  ["quarteroverquarter", "QoQ"],
  ["sequential", "QoQ"],
  ["q", "QoQ"],
]);

/**
 * Change over the year (the same quarter a year earlier) or the quarter, as a fraction, exactly
 * from the printed figures: this / comparison - 1, the way the release computes its Chg % columns.
 */
export function growth(
  model: IIJModel,
  periodInput: unknown,
  itemInput: unknown,
  basisInput?: unknown
): Dec {
  const item = resolveAnyLine(model, itemInput).line;
  let basis: Basis = "YoY";
  if (!isOmitted(basisInput)) {
    const b = typeof basisInput === "string" ? BASES.get(nameKey(basisInput)) : undefined;
    if (!b)
      throw invalidValue(
        `The basis must be "YoY" (default: against the same quarter a year earlier) or "QoQ" (against the previous quarter); got ${typeof basisInput === "string" ? `"${shown(basisInput)}"` : describeValue(basisInput)}.`
      );
    basis = b;
  }
  const request = model.resolveQuarter(periodInput, item.statement);
  const prior = shiftQuarter(request.period, basis === "YoY" ? -4 : -1);
  const now = printedValue(model, item, periodArgument(request.period, request.vintage));
  let then: Dec;
  try {
    then = printedValue(model, item, periodArgument(prior, request.vintage));
  } catch (error) {
    if (error instanceof IIJError) {
      throw notAvailable(
        `${basis} growth of "${item.label}" for ${periodKey(request.period)} needs ${periodKey(prior)}: ${error.message}`
      );
    }
    throw error;
  }
  if (then.isZero())
    throw notAvailable(
      `${basis} growth of "${item.label}" for ${periodKey(request.period)} is undefined: ${periodKey(prior)} is 0.`
    );
  // A ratio from a negative base, or across a change of sign, says nothing about growth (the
  // sheet shows n.m. there): -251 to 376 is no "-249.8%".
  if (then.isNegative() || now.isNegative()) {
    const key = periodKey(request.period);
    const measure = basis === "YoY" ? "yoyPct" : "qoqPct";
    const printed = isDerived(item)
      ? undefined
      : model.figure(item.statement, item.id, key, measure, request.vintage);
    const column = printed
      ? ` The release prints ${printed.printed} in its "${printed.column.header}" column.`
      : "";
    throw notAvailable(
      `${basis} growth of "${item.label}" for ${key} is not meaningful (n.m.): ${periodKey(prior)} is ${then.toString()} and ${key} is ${now.toString()} (${item.unit}); growth is measured only between positive figures.${column}`
    );
  }
  return now.dividedBy(then).minus(1);
}

const MARGINS = ["gross", "operating", "EBITDA", "net"] as const;

/**
 * A margin over total revenues, as a fraction: gross, operating, EBITDA (Table 5's), net, any
 * INCOME amount, or a derived flow (gross profit, EBITDA as defined, free cash flow).
 */
export function margin(model: IIJModel, periodInput: unknown, kindInput?: unknown): Dec {
  const request = model.resolveQuarter(periodInput, "INCOME");
  const period = periodArgument(request.period, request.vintage);
  const revenue = model.statementAmount("INCOME", period, ANCHORS.revenues).value;
  if (revenue.isZero())
    throw notAvailable(`Total revenues are 0 in ${periodKey(request.period)}: no margin.`);
  const kind = isOmitted(kindInput) ? "gross" : kindInput;
  if (typeof kind !== "string")
    throw invalidValue(
      `The margin kind must be text: ${quotedList([...MARGINS])} or an INCOME item; got ${describeValue(kind)}.`
    );
  return marginNumerator(model, period, kind).dividedBy(revenue);
}

/** What a margin kind divides by revenues, in JPY thousands. */
function marginNumerator(model: IIJModel, period: string, kind: string): Dec {
  const income = (id: LineId<"INCOME">) => model.statementAmount("INCOME", period, id).value;
  switch (nameKey(kind)) {
    case "gross":
    case "grossmargin":
      return derivedValue(model, derivedLine("gross_profit"), period).value;
    case "operating":
    case "operatingmargin":
      return income("operating_income");
    case "ebitda":
    case "ebitdamargin":
      // Table 5 prints EBITDA in JPY millions; revenues are JPY thousands.
      return model.kpi(period, "ebitda" satisfies LineId<"KPI">, "JPY thousands").value;
    case "net":
    case "netmargin":
      return income("net_income");
  }
  const derived = DERIVED_BY_NAME.get(nameKey(kind));
  if (derived && !model.catalogue("INCOME").find(kind)) {
    if (derived.kind !== "flow")
      throw invalidValue(
        `"${derived.label}" is a balance at the quarter's end, not a flow over it: it has no margin over revenues.`
      );
    return derivedValue(model, derived, period).value;
  }
  let item: Item;
  try {
    item = model.catalogue("INCOME").resolve(kind);
  } catch (error) {
    if (error instanceof IIJError && error.kind === "#N/A") {
      const near = nearestNames(
        kind,
        MARGINS.map((m) => [nameKey(m), m])
      );
      const hint = near.length ? ` Did you mean ${quotedList(near)}?` : "";
      throw notAvailable(
        `"${shown(kind)}" is not a margin.${hint} Use ${quotedList([...MARGINS])}, an INCOME item or a derived flow. ${error.message} ${DERIVED_CHOICES}`
      );
    }
    throw error;
  }
  if (item.unit !== "JPY thousands")
    throw invalidValue(
      `"${item.label}" is in ${item.unit}, not an amount: it has no margin over revenues.`
    );
  return model.statementAmount("INCOME", period, item.id).value;
}

/**
 * A line the model computes from printed figures (no release prints it), defined once here as a
 * sum of printed lines with weights, as statements.ts defines footings. It is reached by name
 * through its statement's function (`=IIJ.INCOME("1Q01","Gross profit")`), by GROWTH, by MARGIN
 * (a flow) and by SOURCE, which shows the arithmetic. Its terms are printed in JPY thousands, so it
 * is too, and it takes the statements' units.
 */
export interface DerivedLine {
  readonly id: string;
  readonly label: string;
  /** The statement whose function reaches it, and whose quarters it has. */
  readonly statement: FinancialStatement;
  /** Names analysts type besides the label and id; none names a printed line (a test checks). */
  readonly names: readonly string[];
  /** What it is, in words, for SOURCE and messages. */
  readonly definition: string;
  readonly terms: readonly Term[];
  /** A flow over the quarter (it has a margin over revenues) or a balance at the quarter's end. */
  readonly kind: "flow" | "balance";
  readonly unit: "JPY thousands";
  /** The printed figure a release gives for the same thing, when one does (Table 5's EBITDA). */
  readonly printedAs?: Term;
}

/** Table 5's footnote *1, as the checks and the sheet's noted rows read it: one definition. */
const EBITDA_TIE = TIES.find((t) => t.checkId === EBITDA_DEFINITION) as Identity;

export const DERIVED_LINES: readonly DerivedLine[] = [
  {
    id: "gross_profit",
    label: "Gross profit",
    statement: "INCOME",
    names: ["Gross profit (loss)", "GP"],
    definition: "Gross profit = Total revenues − Total costs (of revenues)",
    terms: [term("INCOME", ANCHORS.revenues), term("INCOME", ANCHORS.costs, -1)],
    kind: "flow",
    unit: "JPY thousands",
  },
  {
    id: "ebitda_as_defined",
    label: "EBITDA as defined",
    statement: "INCOME",
    names: ["EBITDA (as defined)", "Defined EBITDA", "EBITDA by definition", "EBITDA (OI + D&A)"],
    definition:
      "EBITDA as IIJ defines it (Table 5, footnote *1) = Operating income (loss) + Depreciation and amortization (cash flows)",
    terms: EBITDA_TIE.right,
    kind: "flow",
    unit: "JPY thousands",
    printedAs: EBITDA_TIE.left[0],
  },
  {
    id: "free_cash_flow",
    label: "Free cash flow",
    statement: "CASHFLOW",
    names: ["FCF"],
    definition:
      "Free cash flow = Net cash from operating activities + Purchase of property and equipment (printed negative: the cash paid; equipment under capital leases is not paid in cash, and its principal payments are financing)",
    terms: [
      term("CASHFLOW", "net_cash_from_operating_activities"),
      term("CASHFLOW", "purchase_of_property_and_equipment"),
    ],
    kind: "flow",
    unit: "JPY thousands",
  },
  {
    id: "net_debt",
    label: "Net debt",
    statement: "BALANCE",
    names: [],
    definition:
      "Net debt = Short-term borrowings + Long-term borrowings (current portion and noncurrent) + Convertible notes + Capital lease obligations (current portion and noncurrent) − Cash − Short-term investments, at the quarter end",
    terms: [
      term("BALANCE", "short_term_borrowings"),
      term("BALANCE", "long_term_borrowings_current"),
      term("BALANCE", "capital_lease_obligations_current"),
      term("BALANCE", "long_term_borrowings"),
      term("BALANCE", "convertible_notes"),
      term("BALANCE", "capital_lease_obligations_noncurrent"),
      term("BALANCE", "cash", -1),
      term("BALANCE", "short_term_investments", -1),
    ],
    kind: "balance",
    unit: "JPY thousands",
  },
];

/** Derived lines by every name's key; a Map, so no text finds an Object-prototype member. */
const DERIVED_BY_NAME: ReadonlyMap<string, DerivedLine> = new Map(
  DERIVED_LINES.flatMap((line) =>
    [line.id, line.label, ...line.names].map((name) => [nameKey(name), line] as const)
  )
);

const DERIVED_CHOICES = `Derived lines (computed from printed figures): ${DERIVED_LINES.map((l) => `"${l.label}" (${l.statement})`).join(", ")}.`;

/** The derived line of this id; for code that names one (the sheet, MARGIN's "gross"). */
export function derivedLine(id: string): DerivedLine {
  const line = DERIVED_LINES.find((l) => l.id === id);
  if (!line) throw new Error(`No derived line ${id}`);
  return line;
}

/** One printed figure a derived value uses, with its weight. */
export interface DerivedPart {
  readonly item: Item;
  readonly sign: 1 | -1;
  readonly figure: Figure;
  /** The figure in the unit asked for, times its sign. */
  readonly value: Dec;
}

export interface DerivedAnswer {
  readonly line: DerivedLine;
  /** The quarter's key ("1Q01"). */
  readonly period: string;
  readonly value: Dec;
  readonly unit: string;
  readonly parts: readonly DerivedPart[];
}

/** A derived line's value in a quarter: the exact sum of its printed terms, in `unitInput`. */
export function derivedValue(
  model: IIJModel,
  line: DerivedLine,
  periodInput: unknown,
  unitInput?: unknown
): DerivedAnswer {
  const request = model.resolveQuarter(periodInput, line.statement);
  const unit = resolveUnit(unitInput, line.unit, `"${line.label}"`);
  if (unit === "USD thousands (as printed)")
    throw invalidValue(
      `"${line.label}" is computed, not printed, so the release prints no USD figure for it. Use "USD thousands" (translated exactly at the release's rate).`
    );
  const key = periodKey(request.period);
  const parts = line.terms.map((t): DerivedPart => {
    const at = periodKey(shiftQuarter(request.period, -(t.lag ?? 0)));
    const item = model.catalogue(t.statement).get(t.row);
    const reading = item ? model.reading(item, at, unit, request.vintage) : undefined;
    if (!item || reading?.kind !== "value") {
      const why = reading?.kind === "na" ? `is printed "NA"` : "is not printed";
      throw notAvailable(
        `"${line.label}" for ${key} needs ${item?.label ?? t.row} (${t.statement}), which ${why} for ${at}. ${line.definition}.`
      );
    }
    const sign = t.sign ?? 1;
    return { item, sign, figure: reading.figure, value: reading.value.times(sign) };
  });
  const value = parts.reduce((sum, p) => sum.plus(p.value), new Dec(0));
  return { line, period: key, value, unit: unit ?? line.unit, parts };
}

/** "Total revenues 8,332,898 − Total costs 7,288,298 = 1,044,600": the printed figures summed. */
export function derivedArithmetic(answer: DerivedAnswer): string {
  const terms = answer.parts.map((p, i) => {
    const op = p.sign < 0 ? (i === 0 ? "− " : " − ") : i === 0 ? "" : " + ";
    return `${op}${p.item.label} ${p.figure.printed}`;
  });
  return `${terms.join("")} = ${formatPrinted(answer.value)} ${answer.unit}`;
}

/** One meaning of an ambiguous name: a line, and a name that reaches that line alone. */
export interface Meaning {
  readonly statement: StatementId;
  /** A printed line's id, or a derived line's. */
  readonly id: string;
  /** A name that means this line only, in its statement's function and where none is given. */
  readonly name: string;
  readonly what: string;
}

/**
 * A name that means different things in different statements, and whose figures differ (a name
 * two statements print for one tied figure, like "Net loss", is not ambiguous: a test checks that
 * every name shared across statements is tied or listed here).
 */
export interface AmbiguousName {
  readonly names: readonly string[];
  readonly meanings: readonly Meaning[];
  /**
   * Where no statement narrows the name (GROWTH; SOURCE without one): the meaning taken (IIJ's own
   * metric), which SOURCE states with the others; left out, the name is an error listing them.
   */
  readonly taken?: { readonly meaning: number; readonly why: string };
}

export const AMBIGUOUS_NAMES: readonly AmbiguousName[] = [
  {
    names: ["EBITDA"],
    meanings: [
      {
        statement: "KPI",
        id: "ebitda",
        name: "EBITDA",
        what: "Table 5's printed EBITDA (JPY millions)",
      },
      {
        statement: "INCOME",
        id: "ebitda_as_defined",
        name: "EBITDA as defined",
        what: "EBITDA by Table 5's footnote *1, operating income (loss) + D&A, computed from the statements (JPY thousands); it does not tie to the printed figure",
      },
    ],
    taken: { meaning: 0, why: "IIJ's own reported EBITDA, the basis of its guidance" },
  },
  {
    names: ["Capex", "Capital expenditure", "Capital expenditures"],
    meanings: [
      {
        statement: "KPI",
        id: "capex",
        name: "CAPEX",
        what: "IIJ's CAPEX, including capitalized leases (Table 5, JPY millions)",
      },
      {
        statement: "CASHFLOW",
        id: "purchase_of_property_and_equipment",
        name: "Purchases of PP&E",
        what: "the cash flow's Purchase of property and equipment, the cash paid (JPY thousands, negative)",
      },
    ],
    taken: { meaning: 0, why: "IIJ's own CAPEX measure" },
  },
  {
    names: ["Other"],
    meanings: [
      {
        statement: "INCOME",
        id: "other_revenues",
        name: "Other revenues",
        what: 'the revenue line "Other"',
      },
      {
        statement: "CASHFLOW",
        id: "operating_other",
        name: "operating_other",
        what: 'the cash flow\'s "Other" under Operating Activities',
      },
      {
        statement: "CASHFLOW",
        id: "investing_other",
        name: "investing_other",
        what: 'the cash flow\'s "Other" under Investing Activities',
      },
    ],
  },
  {
    names: ["Investments in affiliates", "Investments in and advances to affiliated companies"],
    meanings: [
      {
        statement: "BALANCE",
        id: "investments_in_affiliates",
        name: "Affiliates",
        what: "the balance sheet's investments in and advances to affiliates at the quarter end",
      },
      {
        statement: "CASHFLOW",
        id: "investments_in_affiliates",
        name: "Cash invested in affiliates",
        what: "the cash flow's investments in and advances to affiliates in the quarter",
      },
    ],
  },
  {
    names: ["Dedicated access services"],
    meanings: [
      {
        statement: "INCOME",
        id: "dedicated_access_services",
        name: "Dedicated",
        what: "the revenue of Dedicated access services (statements of operations)",
      },
      {
        statement: "KPI",
        id: "dedicated_access_bandwidth",
        name: "Bandwidth",
        what: "Table 3's contracted bandwidth of Dedicated Access Services (Gbps)",
      },
    ],
    taken: { meaning: 0, why: "the statements are searched before the tables" },
  },
];

/** Ambiguous names by key; a Map, so no text finds an Object-prototype member. */
const AMBIGUOUS_BY_NAME: ReadonlyMap<string, AmbiguousName> = new Map(
  AMBIGUOUS_NAMES.flatMap((entry) => entry.names.map((name) => [nameKey(name), entry] as const))
);

function meaningText(m: Meaning): string {
  return `${m.what}: "${m.name}" (=IIJ.${m.statement}(period,"${m.name}"))`;
}

function ambiguityError(entry: AmbiguousName, input: string): IIJError {
  return invalidValue(
    `"${shown(input)}" is ambiguous: it could be ${entry.meanings.map(meaningText).join("; or ")}. Use one of those names.`
  );
}

/** The line a meaning names, in this model. */
function lineOfMeaning(model: IIJModel, m: Meaning): ModelLine {
  const line =
    DERIVED_LINES.find((l) => l.id === m.id && l.statement === m.statement) ??
    model.catalogue(m.statement).get(m.id);
  if (!line) throw notAvailable(`No registered release prints ${m.what}.`);
  return line;
}

function takeDefaultMeaning(model: IIJModel, entry: AmbiguousName, input: string): FoundLine {
  if (!entry.taken) throw ambiguityError(entry, input);
  const taken = entry.meanings[entry.taken.meaning];
  const others = entry.meanings.filter((m) => m !== taken).map(meaningText);
  return {
    line: lineOfMeaning(model, taken),
    note: `"${shown(input)}" is read as ${taken.what}: ${entry.taken.why}. It could also mean ${others.join("; or ")}.`,
  };
}

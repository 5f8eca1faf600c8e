import type { StatementId } from "../data/types";
import { type Period, periodKey, shiftQuarter } from "./calendar";
import { type Item, describeValue } from "./catalogue";
import { Dec } from "./decimal";
import { IIJError, invalidValue, notAvailable } from "./errors";
import { FINANCIAL_STATEMENTS, type IIJModel, resolveStatement } from "./model";
import { isOmitted, nameKey, nearestNames, quotedList, shown } from "./names";
import type { Vintage } from "./periods";
import type { LineId } from "./statements";

/** Statements searched, in order, when a function takes an item without its statement. */
const SEARCH_ORDER: readonly StatementId[] = ["INCOME", "BALANCE", "CASHFLOW", "KPI"];

/**
 * Finds an item in `statementInput`'s statement, or else in the first of INCOME, BALANCE, CASHFLOW,
 * KPI that has it ("Net loss" is the statements of operations' line, not the cash flow's).
 */
export function resolveAnyItem(
  model: IIJModel,
  itemInput: unknown,
  statementInput?: unknown
): Item {
  if (!isOmitted(statementInput)) {
    return model.catalogue(resolveStatement(statementInput)).resolve(itemInput);
  }
  if (typeof itemInput === "string") {
    // The common case, without building and catching an error per statement searched.
    for (const statement of SEARCH_ORDER) {
      const item = model.catalogue(statement).find(itemInput);
      if (item) return item;
    }
  }
  let ambiguity: IIJError | undefined;
  for (const statement of SEARCH_ORDER) {
    try {
      return model.catalogue(statement).resolve(itemInput);
    } catch (error) {
      if (!(error instanceof IIJError)) throw error;
      if (error.kind === "#VALUE!" && typeof itemInput === "string" && itemInput.trim() !== "")
        ambiguity ??= error;
      else if (error.kind === "#VALUE!") throw error;
    }
  }
  if (ambiguity) throw ambiguity;
  throw notAvailable(
    `No statement or table has an item "${shown(String(itemInput))}". See IIJ.ITEMS("INCOME"), IIJ.ITEMS("BALANCE"), IIJ.ITEMS("CASHFLOW") and IIJ.ITEMS("KPI") for the valid items.`
  );
}

/** An item's value in its printed unit (statements: JPY thousands; tables: their unit). */
function printedValue(model: IIJModel, item: Item, period: unknown): Dec {
  if (item.statement === "KPI") return model.kpi(period, item.id).value;
  if (item.statement === "GUIDANCE") throw invalidValue(`Use IIJ.GUIDANCE for guidance.`);
  return model.statementAmount(
    item.statement as (typeof FINANCIAL_STATEMENTS)[number],
    period,
    item.id
  ).value;
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
  const item = resolveAnyItem(model, itemInput);
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
    const printed = model.figure(item.statement, item.id, key, measure, request.vintage);
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

/** A margin over total revenues, as a fraction: gross, operating, EBITDA (Table 5's), net, or any INCOME amount. */
export function margin(model: IIJModel, periodInput: unknown, kindInput?: unknown): Dec {
  const request = model.resolveQuarter(periodInput, "INCOME");
  const period = periodArgument(request.period, request.vintage);
  const income = (id: LineId<"INCOME">) => model.statementAmount("INCOME", period, id).value;
  const revenue = income("total_revenues");
  if (revenue.isZero())
    throw notAvailable(`Total revenues are 0 in ${periodKey(request.period)}: no margin.`);
  const kind = isOmitted(kindInput) ? "gross" : kindInput;
  if (typeof kind !== "string")
    throw invalidValue(
      `The margin kind must be text: ${quotedList([...MARGINS])} or an INCOME item; got ${describeValue(kind)}.`
    );
  switch (nameKey(kind)) {
    case "gross":
    case "grossmargin":
      return revenue.minus(income("total_costs")).dividedBy(revenue);
    case "operating":
    case "operatingmargin":
      return income("operating_income").dividedBy(revenue);
    case "ebitda":
    case "ebitdamargin":
      // Table 5 prints EBITDA in JPY millions; revenues are JPY thousands.
      return model
        .kpi(period, "ebitda" satisfies LineId<"KPI">)
        .value.times(1000)
        .dividedBy(revenue);
    case "net":
    case "netmargin":
      return income("net_income").dividedBy(revenue);
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
        `"${shown(kind)}" is not a margin.${hint} Use ${quotedList([...MARGINS])} or an INCOME item. ${error.message}`
      );
    }
    throw error;
  }
  if (item.unit !== "JPY thousands")
    throw invalidValue(
      `"${item.label}" is in ${item.unit}, not an amount: it has no margin over revenues.`
    );
  return model.statementAmount("INCOME", period, item.id).value.dividedBy(revenue);
}

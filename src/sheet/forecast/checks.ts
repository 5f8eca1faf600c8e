/**
 * The estimates' own checks, from the one description of what must tie (`src/model/statements.ts`):
 * the balance sheet balances (BALANCING), its cash is the cash flow's ending cash and each
 * quarter's beginning cash is the previous quarter end's (TIES). Which lines each check compares,
 * and with which sign and lag, is the identity's; here is only which identities the forecast
 * checks, and how the sheet words and orders each difference.
 */
import { BALANCING, type Identity, TIES, type Term } from "../../model";
import { signedSum } from "../plan-types";

/** A check row of the forecast: its id on the sheet, its label, the identity it checks. */
export interface ForecastCheck {
  readonly id: "balance" | "cash" | "cash_beginning";
  readonly label: string;
  readonly identity: Identity;
  /** The side the sheet's difference starts from (the label reads the same way). */
  readonly from: "left" | "right";
}

const CHECKED: readonly (Omit<ForecastCheck, "identity"> & { checkId: string })[] = [
  {
    id: "balance",
    checkId: "balance:BALANCE:total_assets",
    label: "Total assets - total liabilities, minority interest and shareholders' equity",
    from: "left",
  },
  {
    id: "cash",
    checkId: "tie:CASHFLOW:cash_end",
    label: "Balance-sheet cash - the cash flow's cash at the end of the period",
    from: "right",
  },
  {
    id: "cash_beginning",
    checkId: "tie:CASHFLOW:cash_beginning",
    label: "Cash at the beginning of the period - balance-sheet cash at the previous quarter end",
    from: "left",
  },
];

/** The forecast's checks, in the order the sheet shows them. */
export function forecastChecks(): readonly ForecastCheck[] {
  return CHECKED.map(({ checkId, ...check }) => {
    const identity = [...BALANCING, ...TIES].find((i) => i.checkId === checkId);
    // A scaled identity compares figures printed in different units: no estimate is checked so.
    if (!identity || identity.scale !== undefined)
      throw new Error(`No same-unit identity ${checkId} in src/model/statements.ts`);
    return { ...check, identity };
  });
}

/**
 * The check's difference as a formula body ("C5-C9"): the terms of the side it starts from, then
 * those of the other side negated, each at the cell `cellOf` gives it (the term's line, `lag`
 * quarters back), or null when a term has no cell in the column (a year has no previous quarter).
 */
export function checkDifference(
  check: ForecastCheck,
  cellOf: (term: Term) => string | null
): string | null {
  const { left, right } = check.identity;
  const [first, second] = check.from === "left" ? [left, right] : [right, left];
  const signed = [
    ...first.map((t) => ({ t, weight: t.sign ?? 1 })),
    ...second.map((t) => ({ t, weight: -(t.sign ?? 1) as 1 | -1 })),
  ];
  const cells: { cell: string; weight: 1 | -1 }[] = [];
  for (const { t, weight } of signed) {
    const cell = cellOf(t);
    if (cell === null) return null;
    cells.push({ cell, weight });
  }
  return signedSum(cells);
}

/**
 * What ingest did, in the release's own terms: a repair for every figure recorded other than as its
 * cell reads (with the arithmetic that settled it), an unresolved entry for every figure it could
 * not settle, and the release's own non-ties (USD and % rounding plugs, Table 5's EBITDA against
 * its footnote), kept as printed with their sizes.
 */
import type { PrintedInconsistency, Repair, UnresolvedCell } from "../../data/types";
import { Dec, formatPrinted, roundAsPrinted } from "../decimal";
import type { Constraint, Known, Values } from "./constraints";
import type { Grid, GridCell } from "./grid";
import type { Decision, Settled } from "./settle";
import { stripMarkup } from "./text";

/** The values settled, for the arithmetic of the explanations. */
export function settledValues(decisions: ReadonlyMap<string, Decision>): Values {
  return (key) => {
    const d = decisions.get(key);
    return d?.kind === "settled" ? d.known : undefined;
  };
}

const WHAT: Record<Settled["origin"], string> = {
  own: "As printed",
  format: "Thousands separator misread",
  merged: "Two figures run together in one cell; this one is the row's",
  heading: "The row's figure is printed on the heading above it",
  above: "The figure is printed one row up",
  below: "The figure is printed one row down",
  solved: "Settled by the release's arithmetic",
};

function ocrText(grid: Grid, cell: GridCell, d: Settled): string {
  const own = stripMarkup(cell.cell.raw);
  const shown = own === "" ? "(blank)" : own;
  if (d.origin === "heading")
    return `${shown}; ${d.text} on the "${cell.row.headingLabel ?? "heading"}" row above`;
  if ((d.origin === "above" || d.origin === "below") && d.from) {
    const from = grid.get(d.from);
    return `${shown}; ${d.text} on the "${from?.row.label ?? "next"}" row`;
  }
  return shown;
}

function confirmations(
  cell: GridCell,
  constraints: readonly Constraint[],
  values: Values,
  by?: string
): string[] {
  return constraints
    .filter((c) => c.id !== by && c.cells.includes(cell.key) && c.check(values) === "holds")
    .slice(0, 3)
    .map((c) => c.describe(values));
}

/** Why a printed figure gave way: another row took it, or it is a misread of the settled value. */
function solvedOverPrinted(cell: GridCell, decisions: ReadonlyMap<string, Decision>): string {
  const lent = [...decisions.values()].some((d) => d.kind === "settled" && d.from === cell.key);
  return lent
    ? "The figure printed here belongs to the next row, which takes it; this row's is settled by the release's arithmetic"
    : "Misread: settled by the release's arithmetic";
}

/** What the OCR shows of a settled cell and the arithmetic that settled it, for its repair. */
function explained(
  grid: Grid,
  cell: GridCell,
  d: Settled,
  decisions: ReadonlyMap<string, Decision>,
  constraints: readonly Constraint[],
  values: Values
): { ocr: string; reason: string } {
  const solvedBy = d.by ? constraints.find((c) => c.id === d.by) : undefined;
  const what =
    d.origin === "solved" && stripMarkup(cell.cell.raw) !== ""
      ? solvedOverPrinted(cell, decisions)
      : WHAT[d.origin];
  const arithmetic = [
    ...(solvedBy ? [solvedBy.describe(values)] : []),
    ...confirmations(cell, constraints, values, d.by),
  ];
  return {
    ocr: ocrText(grid, cell, d),
    reason: `${what}. ${arithmetic.join("; ") || "No rule of the release's arithmetic covers this cell"}.`,
  };
}

/** A repair for each settled figure whose text differs from its cell's; a judgement gives its own words. */
export function repairsOf(
  grid: Grid,
  decisions: ReadonlyMap<string, Decision>,
  constraints: readonly Constraint[]
): Repair[] {
  const values = settledValues(decisions);
  return grid.cells.flatMap((cell) => {
    const d = decisions.get(cell.key);
    if (d?.kind !== "settled" || d.text === stripMarkup(cell.cell.raw)) return [];
    const { ocr, reason } = d.judged ?? explained(grid, cell, d, decisions, constraints, values);
    return [
      {
        statement: cell.table.statement,
        rowId: cell.row.id,
        column: cell.column,
        ocr,
        settled: d.text,
        reason,
      },
    ];
  });
}

export function unresolvedOf(
  grid: Grid,
  decisions: ReadonlyMap<string, Decision>
): UnresolvedCell[] {
  return grid.cells.flatMap((cell) => {
    const d = decisions.get(cell.key);
    if (d?.kind !== "unresolved") return [];
    return [
      {
        statement: cell.table.statement,
        rowId: cell.row.id,
        column: cell.column,
        ocr: cell.cell.raw,
        candidates: d.candidates,
        why: d.why,
      },
    ];
  });
}

const fmt = (k: Known | undefined) => formatPrinted(k?.value ?? new Dec(0), k?.places ?? 0);

/** Rounding plugs: USD and % cells printed off their exact value so that their column foots. */
export function plugsOf(
  grid: Grid,
  constraints: readonly Constraint[],
  values: Values,
  rate: Dec
): PrintedInconsistency[] {
  return constraints
    .filter(
      (c) => (c.id.startsWith("usd:") || c.id.startsWith("percent:")) && c.check(values) === "plug"
    )
    .map((c) => {
      const cell = grid.get(c.cells[0]) as GridCell;
      const [checkId] = c.id.split("|");
      const printed = values(c.cells[0]);
      const inputs = c.cells.slice(1).map((k) => values(k)?.value ?? new Dec(0));
      const exact = c.id.startsWith("usd:")
        ? inputs[0].dividedBy(rate)
        : inputs[0].dividedBy(inputs[1] ?? inputs[0]).times(100);
      const places = printed?.places || (c.id.startsWith("usd:") ? 0 : 1);
      return {
        checkId,
        period: cell.period,
        rowId: cell.row.id,
        explanation: `${c.describe(values)}: it rounds to ${formatPrinted(roundAsPrinted(exact, places), places)}; printed ${fmt(printed)}, a rounding plug so that the column foots as printed.`,
      };
    });
}

/** Table 5's EBITDA against footnote (*1)'s definition, quarter by quarter, where it does not tie. */
export function definitionGapsOf(
  grid: Grid,
  definitions: readonly Constraint[],
  values: Values
): PrintedInconsistency[] {
  return definitions
    .filter((c) => c.check(values) === "fails")
    .map((c) => {
      const [printedKey, ...parts] = c.cells;
      const cell = grid.get(printedKey) as GridCell;
      const sum = parts.reduce((acc, k) => acc.plus(values(k)?.value ?? 0), new Dec(0));
      const millions = sum.dividedBy(1000);
      const printed = values(printedKey)?.value ?? new Dec(0);
      const gap = printed.minus(millions);
      const terms = parts.map((k) => fmt(values(k))).join(" + ");
      return {
        checkId: c.id.split("|")[0],
        period: cell.period,
        rowId: cell.row.id,
        explanation: `${c.name}: ${terms} = ${formatPrinted(sum)} JPY thousands = ${formatPrinted(millions, 3)} JPY millions; printed ${fmt(values(printedKey))}: ${formatPrinted(gap.abs(), 3)} JPY millions ${gap.isNegative() ? "less" : "more"}. Kept as printed.`,
      };
    });
}

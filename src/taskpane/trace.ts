/**
 * Provenance of a cell, for the pane's trace panel: a cell holding an =IIJ.* formula, or a value
 * written by Load quarter. Pure: the pane reads the cell and hands it here.
 */
import { FormulaSyntaxError, parseFormula } from "../functions/formula-text";
import { traceCall } from "../functions/library";
import {
  type CheckResult,
  type IIJModel,
  type Item,
  guidancePlace,
  periodKey,
  releaseName,
  runChecks,
} from "../model";
import { HEADER_NAMES } from "../sheet/header-names";
import { planFromHeader } from "../sheet/plan";
import type { CellSource, PlanCell } from "../sheet/plan-types";

export interface Provenance {
  readonly title: string;
  /** Label and text pairs, shown in order. */
  readonly lines: readonly (readonly [string, string])[];
}

/** Checks that involve an item in a quarter: identities with it as a term, and its column checks. */
function checksInvolving(
  model: IIJModel,
  item: Item,
  period: string,
  all: readonly CheckResult[]
): CheckResult[] {
  const ids = new Set(
    model
      .identities()
      .filter((rule) =>
        [...rule.left, ...rule.right].some(
          (t) => t.statement === item.statement && t.row === item.id
        )
      )
      .map((r) => r.checkId)
  );
  return all.filter(
    (r) =>
      r.period === period &&
      (ids.has(r.checkId) ||
        ids.has(r.checkId.replace(/:usd$/, "")) ||
        r.checkId.endsWith(`:${item.statement}`))
  );
}

let checkCache: { model: IIJModel; results: CheckResult[] } | undefined;
function checksOf(model: IIJModel): CheckResult[] {
  if (checkCache?.model !== model) checkCache = { model, results: runChecks(model) };
  return checkCache.results;
}

/** A guidance figure: the release and table that give it, and the range or words printed. */
function guidanceLines(model: IIJModel, item: Item, periodInput: unknown): Provenance {
  const request = model.resolveGuidancePeriod(periodInput);
  const key = periodKey(request.period);
  const entry = model.guidanceEntry(item.id, request);
  if (!entry)
    return {
      title: `${item.label}, ${key}`,
      lines: [["Not given", `No guidance for ${item.label} in ${key}.`]],
    };
  return {
    title: `Guidance: ${item.label}, ${key}`,
    lines: [
      ["Release", releaseName(entry.release)],
      [entry.outlook ? "Printed in" : "Table", guidancePlace(entry)],
      [
        "Printed",
        entry.range ? `${entry.range.range} (${entry.range.unit})` : (entry.outlook?.text ?? ""),
      ],
    ],
  };
}

/** The printed figure behind an item in a quarter, as a list of facts. */
function figureLines(model: IIJModel, item: Item, periodInput: unknown): Provenance {
  if (item.statement === "GUIDANCE") return guidanceLines(model, item, periodInput);
  const request = model.resolveQuarter(periodInput, item.statement);
  const key = periodKey(request.period);
  const f = model.figure(item.statement, item.id, key, "amount", request.vintage);
  if (!f)
    return {
      title: `${item.label}, ${key}`,
      lines: [["Not printed", `"${item.label}" is not printed for ${key}.`]],
    };
  const lines: [string, string][] = [
    ["Release", releaseName(f.release)],
    ["Page", f.table.page],
    [item.statement === "KPI" ? "Table" : "Statement", f.table.title],
    ["Row as printed", f.row.section ? `${f.row.label} (under ${f.row.section})` : f.row.label],
    ["Column", `${f.column.header} (${key})`],
    ["Printed", f.printed],
    ["Unit", item.unit],
  ];
  if (f.repair)
    lines.push([
      "OCR repair",
      `The OCR text shows ${f.repair.ocr}; recorded ${f.repair.settled}. ${f.repair.reason}`,
    ]);
  if (item.footnote) lines.push(["Footnote", item.footnote]);
  const history = model.figureHistory(item.statement, item.id, key, "amount");
  if (history.length > 1)
    lines.push(["Restated", history.map((h) => `${h.printed} in ${h.release.id}`).join("; ")]);
  for (const c of checksInvolving(model, item, key, checksOf(model)))
    lines.push([`Check ${c.status.toUpperCase()}`, `${c.name}: ${c.detail}`]);
  return { title: `${item.label}, ${key}`, lines };
}

/** What an =IIJ.* formula reads, with the printed figures behind it. */
export function traceFormula(model: IIJModel, formula: string): Provenance | null {
  let call;
  try {
    call = parseFormula(formula);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return null;
    throw error;
  }
  try {
    // The function table says which arguments name the figure (src/functions/library.ts).
    const traced = traceCall(call.name, call.args, model);
    if (!traced) {
      const computed = `IIJ.${call.name} is computed from the release's printed figures; see the help page for how.`;
      return { title: `IIJ.${call.name}`, lines: [["Computed", computed]] };
    }
    const figure = figureLines(model, traced.item, traced.period);
    if (!traced.computed) return figure;
    return {
      title: traced.computed.title,
      lines: [...traced.computed.lines, ...figure.lines],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { title: `IIJ.${call.name}: no value`, lines: [["Error", message]] };
  }
}

/** What a model sheet's header records (the cells named IIJ_QUARTER and IIJ_UNIT), and where. */
export interface ModelSheetHeader {
  readonly quarter: string;
  readonly unit: string;
  /**
   * The 0-based cell of IIJ_QUARTER, where rows or columns inserted above or to its left have
   * moved the model; left out, where the plan puts it.
   */
  readonly quarterAt?: { readonly row: number; readonly col: number };
}

/** A printed figure Load quarter wrote, in the unit it wrote it. */
function loadedFigure(model: IIJModel, source: CellSource, unit: string): Provenance {
  const item = model.catalogue(source.statement).get(source.itemId) as Item;
  const p = figureLines(model, item, source.period);
  const written =
    unit === "JPY millions" && item.unit === "JPY thousands"
      ? "JPY millions (printed JPY thousands / 1,000)"
      : item.unit;
  return { title: `Loaded by IIJ Model: ${p.title}`, lines: [...p.lines, ["Written as", written]] };
}

function formulaKind(cell: PlanCell): string {
  if (cell.style === "forecast") return "estimate (from the drivers)";
  if (cell.style === "check") return "check difference (should be 0)";
  return "formula over printed figures";
}

/**
 * What a cell of the model sheet holds, given its header: the printed figure and its page, or the
 * formula's row. `row` and `col` are 0-based, as the sheet has them now.
 */
export function traceModelCell(
  model: IIJModel,
  header: ModelSheetHeader,
  row: number,
  col: number
): Provenance | null {
  const plan = planFromHeader(model, header);
  if (!plan) return null;
  // Where the plan put the cell now at (row, col): back by as far as the header has moved.
  const planned = plan.names.find((n) => n.name === HEADER_NAMES.quarter);
  const moved = header.quarterAt ?? planned;
  const r = row - (moved && planned ? moved.row - planned.row : 0);
  const c = col - (moved && planned ? moved.col - planned.col : 0);
  const cell = plan.cells.find((x) => x.row === r && x.col === c);
  if (!cell) return null;
  if (cell.source) return loadedFigure(model, cell.source, header.unit);
  if (!cell.formula) return null;
  const label = plan.cells.find((x) => x.row === r && x.col === 0)?.text ?? "";
  return {
    title: `Model formula: ${label}`,
    lines: [
      ["Formula", cell.formula],
      ["Kind", formulaKind(cell)],
    ],
  };
}

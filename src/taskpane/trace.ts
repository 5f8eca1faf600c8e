/**
 * Provenance of a cell, for the pane's trace panel: a cell holding an =IIJ.* formula, or a value
 * written by Load quarter. Pure: the pane reads the cell and hands it here.
 */
import { FormulaSyntaxError, parseFormula } from "../cli/formula";
import {
  type CheckResult,
  type IIJModel,
  type Item,
  periodKey,
  releaseName,
  resolveAnyItem,
  resolveSegment,
  runChecks,
} from "../model";
import { IDENTITIES } from "../model/footings";
import { planFromHeader } from "../sheet/plan";

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
    IDENTITIES.filter((rule) =>
      [...rule.left, ...rule.right].some((t) => t.statement === item.statement && t.row === item.id)
    ).map((r) => r.checkId)
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

/** The printed figure behind an item in a quarter, as a list of facts. */
function figureLines(model: IIJModel, item: Item, periodInput: unknown): Provenance {
  if (item.statement === "GUIDANCE") {
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
        ["Table", `${entry.release.guidance.title} (${entry.release.guidance.page})`],
        [
          "Printed",
          entry.range ? `${entry.range.range} (${entry.range.unit})` : (entry.outlook?.text ?? ""),
        ],
      ],
    };
  }
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
  const [period, second, third] = call.args;
  try {
    switch (call.name) {
      case "INCOME":
      case "BALANCE":
      case "CASHFLOW":
      case "KPI":
      case "GUIDANCE":
        return figureLines(model, model.catalogue(call.name).resolve(second), period);
      case "REVENUE":
      case "COST":
        return figureLines(
          model,
          model
            .catalogue("INCOME")
            .get(
              resolveSegment(model, call.name === "REVENUE" ? "revenue" : "cost", second)
            ) as Item,
          period
        );
      case "SOURCE":
        return figureLines(model, resolveAnyItem(model, second, third), period);
      case "GROWTH": {
        const item = resolveAnyItem(model, second);
        const base = figureLines(model, item, period);
        return {
          title: `IIJ.GROWTH of ${item.label}: computed from printed figures`,
          lines: [["Basis", String(third ?? "YoY")], ...base.lines],
        };
      }
      default:
        return {
          title: `IIJ.${call.name}`,
          lines: [
            [
              "Computed",
              `IIJ.${call.name} is computed from the release's printed figures; see the help page for how.`,
            ],
          ],
        };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { title: `IIJ.${call.name}: no value`, lines: [["Error", message]] };
  }
}

/**
 * What a cell of the model sheet holds, given the quarter and unit its header records (cells
 * C2 and C4): the printed figure and its page, or the formula's row.
 */
export function traceModelCell(
  model: IIJModel,
  header: { quarter: string; unit: string },
  row: number,
  col: number
): Provenance | null {
  const plan = planFromHeader(model, header);
  if (!plan) return null;
  const cell = plan.cells.find((c) => c.row === row && c.col === col);
  if (!cell) return null;
  if (cell.source) {
    const item = model.catalogue(cell.source.statement).get(cell.source.itemId) as Item;
    const p = figureLines(model, item, cell.source.period);
    return {
      title: `Loaded by IIJ Model: ${p.title}`,
      lines: [
        ...p.lines,
        [
          "Written as",
          header.unit === "JPY millions" && item.unit === "JPY thousands"
            ? "JPY millions (printed JPY thousands / 1,000)"
            : item.unit,
        ],
      ],
    };
  }
  const label = plan.cells.find((c) => c.row === row && c.col === 0)?.text ?? "";
  if (cell.formula) {
    return {
      title: `Model formula: ${label}`,
      lines: [
        ["Formula", cell.formula],
        [
          "Kind",
          cell.style === "forecast"
            ? "estimate (from the drivers)"
            : cell.style === "check"
              ? "check difference (should be 0)"
              : "formula over printed figures",
        ],
      ],
    };
  }
  return null;
}

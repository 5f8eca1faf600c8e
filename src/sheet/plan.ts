import type { PrintedUnit, StatementId } from "../data/types";
import {
  FINANCIAL_STATEMENTS,
  type FinancialStatement,
  IIJError,
  type IIJModel,
  type Item,
  type Quarter,
  displayLabels,
  invalidValue,
  periodKey,
  printedDate,
  quarterEnd,
  quarterIndex,
  readRange,
  shiftQuarter,
} from "../model";
import { IDENTITIES, type Identity, type Term } from "../model/footings";
import {
  type CellStyle,
  type PlanArea,
  type PlanCell,
  type PlanName,
  type SheetPlan,
  type SheetUnit,
  a1,
} from "./plan-types";

export const MODEL_SHEET_NAME = "IIJ Model";

/** Columns: A printed label, B stable id, then one column per quarter. */
const LABEL_COL = 0;
const ID_COL = 1;
const FIRST_PERIOD_COL = 2;

const FORMATS = {
  thousands: '#,##0_);(#,##0);"-"_)',
  millions: '#,##0.000_);(#,##0.000);"-"_)',
  perShare: '#,##0.00_);(#,##0.00);"-"_)',
  count: '#,##0_);(#,##0);"-"_)',
  decimal: '#,##0.0_);(#,##0.0);"-"_)',
  percent: "0.0%_);(0.0%)",
  rate: "0.00",
};

function amountFormat(unit: PrintedUnit | SheetUnit): string {
  switch (unit) {
    case "JPY thousands":
      return FORMATS.thousands;
    case "JPY millions":
      return FORMATS.millions;
    case "JPY":
      return FORMATS.perShare;
    case "Gbps":
      return FORMATS.decimal;
    default:
      return FORMATS.count;
  }
}

export interface PlanOptions {
  /** The quarter to load, e.g. "1Q01"; its columns run from the oldest printed quarter to it. */
  readonly quarter: string;
  readonly unit: SheetUnit;
}

/** Builds the plan row by row; cells are added in row-major order. */
class PlanBuilder {
  readonly cells: PlanCell[] = [];
  readonly names: PlanName[] = [];
  readonly checkAreas: PlanArea[] = [];
  row = 0;
  values = 0;
  formulas = 0;
  checks = 0;
  noted = 0;

  put(col: number, content: Omit<PlanCell, "row" | "col">): void {
    this.cells.push({ row: this.row, col, ...content });
    if (content.formula !== undefined) this.formulas++;
    else if (content.style === "input" || content.style === "inputText") this.values++;
  }

  text(col: number, text: string, style: CellStyle): void {
    this.put(col, { text, style });
  }

  next(rows = 1): void {
    this.row += rows;
  }
}

/**
 * The model sheet for a quarter: header, one column per quarter (oldest first) and one row per
 * printed line of each statement and table, guidance, derived rows and a checks block, all as
 * native Excel formulas over the printed values (no IIJ functions, so the file works anywhere).
 */
export function planModelSheet(model: IIJModel, options: PlanOptions): SheetPlan {
  const request = model.resolveQuarter(options.quarter, "INCOME");
  if (request.vintage.kind !== "latest") {
    throw invalidValue(
      `The model sheet shows each figure as last reported; load "${periodKey(request.period)}" without "@".`
    );
  }
  const target = request.period;
  const quarters = model.quarters("INCOME").filter((q) => quarterIndex(q) <= quarterIndex(target));
  const periodCol = new Map(quarters.map((q, i) => [periodKey(q), FIRST_PERIOD_COL + i]));
  const lastCol = FIRST_PERIOD_COL + quarters.length - 1;
  const unit = options.unit;
  const b = new PlanBuilder();
  /** Sheet row of each (statement, item id). */
  const rowOf = new Map<string, number>();
  const key = (s: StatementId, id: string) => `${s}|${id}`;

  // Header
  const release = model.latestRelease;
  b.text(LABEL_COL, "Internet Initiative Japan Inc. (IIJ): quarterly model", "title");
  b.next();
  const header: [string, Omit<PlanCell, "row" | "col">, string?][] = [
    ["Quarter loaded", { text: periodKey(target), style: "headerValue" }, "IIJ_QUARTER"],
    [
      "Release",
      { text: `IIJ earnings release of ${release.date}: ${release.title}`, style: "headerValue" },
    ],
    ["Units", { text: unit, style: "headerValue" }, "IIJ_UNIT"],
    [
      "Units note",
      {
        text: `Statements in ${unit}; per-share data in JPY; share counts, KPIs (Tables 1-5) and guidance in their printed units.`,
        style: "headerValue",
      },
    ],
    [
      "Convenience rate (JPY per USD)",
      { number: release.rate.jpyPerUsd, style: "input", numberFormat: FORMATS.rate },
      "IIJ_FXRATE",
    ],
    [
      "Source",
      {
        text: `${release.source}. Blue: printed figures; black: formulas. =IIJ.SOURCE(period, item) cites any printed figure.`,
        style: "headerValue",
      },
    ],
    [
      "Data version",
      { text: `releases ${model.releases.map((r) => r.id).join(", ")}`, style: "headerValue" },
    ],
  ];
  for (const [label, content, name] of header) {
    b.text(LABEL_COL, label, "headerLabel");
    b.put(FIRST_PERIOD_COL, content);
    if (name) b.names.push({ name, row: b.row, col: FIRST_PERIOD_COL, comment: label });
    b.next();
  }
  b.next();
  const freezeRows = b.row + 2;
  b.text(LABEL_COL, "Fiscal quarter", "columnHeader");
  b.text(ID_COL, "id", "columnHeader");
  for (const q of quarters)
    b.text(periodCol.get(periodKey(q)) as number, periodKey(q), "columnHeader");
  b.next();
  b.text(LABEL_COL, "Quarter ended (balance sheet date)", "headerLabel");
  for (const q of quarters)
    b.text(periodCol.get(periodKey(q)) as number, printedDate(quarterEnd(q)), "headerValue");
  b.next();

  const section = (title: string) => {
    b.next();
    b.text(LABEL_COL, title, "sectionHeader");
    b.next();
  };

  // Statements, printed values
  const titles: Record<FinancialStatement, string> = {
    INCOME: "Consolidated statements of operations",
    BALANCE: "Consolidated balance sheets (at quarter end)",
    CASHFLOW: "Condensed consolidated statements of cash flows",
  };
  for (const statement of FINANCIAL_STATEMENTS) {
    section(`${titles[statement]} (${unit})`);
    const items = model.items(statement);
    const labels = displayLabels(items);
    for (const item of items) {
      const own = item.unit !== "JPY thousands";
      b.text(
        LABEL_COL,
        own ? `${labels.get(item.id)} (${item.unit})` : (labels.get(item.id) as string),
        "label"
      );
      b.text(ID_COL, item.id, "id");
      rowOf.set(key(statement, item.id), b.row);
      for (const q of quarters) {
        const period = periodKey(q);
        putPrinted(
          b,
          periodCol.get(period) as number,
          statement,
          item,
          period,
          () =>
            model.statementAmount(statement, period, item.id, own ? null : unit).value.toString(),
          own ? item.unit : unit
        );
      }
      b.next();
    }
  }

  // KPIs, printed units
  section("KPIs (Tables 1-5, printed units)");
  const kpis = model.items("KPI");
  const kpiLabels = displayLabels(kpis);
  for (const item of kpis) {
    b.text(LABEL_COL, `${kpiLabels.get(item.id)} (${item.unit})`, "label");
    b.text(ID_COL, item.id, "id");
    rowOf.set(key("KPI", item.id), b.row);
    for (const q of quarters) {
      const period = periodKey(q);
      putPrinted(
        b,
        periodCol.get(period) as number,
        "KPI",
        item,
        period,
        () => model.kpi(period, item.id).value.toString(),
        item.unit
      );
    }
    b.next();
  }

  // Derived rows
  section("Growth and margins (formulas)");
  const cellOf = (s: StatementId, id: string, q: Quarter): string | null => {
    const r = rowOf.get(key(s, id));
    const c = periodCol.get(periodKey(q));
    return r === undefined || c === undefined ? null : a1(r, c);
  };
  const derived = (label: string, build: (q: Quarter) => string | null) => {
    b.text(LABEL_COL, label, "label");
    for (const q of quarters) {
      const formula = build(q);
      if (formula)
        b.put(periodCol.get(periodKey(q)) as number, {
          formula,
          style: "formula",
          numberFormat: FORMATS.percent,
        });
    }
    b.next();
  };
  const growthOf = (s: StatementId, id: string, lag: number) => (q: Quarter) => {
    const now = cellOf(s, id, q);
    const then = cellOf(s, id, shiftQuarter(q, -lag));
    return now && then ? `=IF(${then}=0,"",${now}/${then}-1)` : null;
  };
  derived("Total revenues, YoY growth", growthOf("INCOME", "total_revenues", 4));
  derived("Total revenues, QoQ growth", growthOf("INCOME", "total_revenues", 1));
  derived("Operating income (loss), YoY growth", growthOf("INCOME", "operating_income", 4));
  derived("EBITDA (Table 5), YoY growth", growthOf("KPI", "ebitda", 4));
  derived("EBITDA (Table 5), QoQ growth", growthOf("KPI", "ebitda", 1));
  const overRevenue = (numerator: (q: Quarter) => string | null) => (q: Quarter) => {
    const rev = cellOf("INCOME", "total_revenues", q);
    const n = numerator(q);
    return rev && n ? `=IF(${rev}=0,"",(${n})/${rev})` : null;
  };
  const ebitdaInSheetUnit = unit === "JPY millions" ? "" : "*1000";
  derived(
    "Gross margin",
    overRevenue((q) => {
      const rev = cellOf("INCOME", "total_revenues", q);
      const cost = cellOf("INCOME", "total_costs", q);
      return rev && cost ? `${rev}-${cost}` : null;
    })
  );
  derived(
    "Operating margin",
    overRevenue((q) => cellOf("INCOME", "operating_income", q))
  );
  derived(
    "EBITDA margin (Table 5 EBITDA)",
    overRevenue((q) => {
      const e = cellOf("KPI", "ebitda", q);
      return e ? `${e}${ebitdaInSheetUnit}` : null;
    })
  );
  derived(
    "Net margin",
    overRevenue((q) => cellOf("INCOME", "net_income", q))
  );

  // Guidance
  section("Guidance (JPY millions, as printed)");
  b.text(LABEL_COL, "Guided period and metric", "columnHeader");
  ["Low", "Mid", "High"].forEach((h, i) => b.text(FIRST_PERIOD_COL + i, h, "columnHeader"));
  b.next();
  for (const p of model.guidancePeriodList()) {
    const pk = periodKey(p);
    for (const item of model.items("GUIDANCE")) {
      const range = model.guidance(item.id, pk, "range").at(-1)?.range;
      const outlook = model.guidance(item.id, pk, "outlook").at(-1)?.outlook;
      if (range) {
        const { low, high } = readRange(range);
        b.text(LABEL_COL, `${pk} ${item.label}`, "label");
        b.text(ID_COL, item.id, "id");
        const source = {
          statement: "GUIDANCE" as const,
          itemId: item.id,
          period: pk,
          measure: "amount" as const,
        };
        b.put(FIRST_PERIOD_COL, {
          number: low.toString(),
          style: "input",
          numberFormat: FORMATS.count,
          source,
        });
        b.put(FIRST_PERIOD_COL + 1, {
          formula: `=AVERAGE(${a1(b.row, FIRST_PERIOD_COL)},${a1(b.row, FIRST_PERIOD_COL + 2)})`,
          style: "formula",
          numberFormat: FORMATS.decimal,
        });
        b.put(FIRST_PERIOD_COL + 2, {
          number: high.toString(),
          style: "input",
          numberFormat: FORMATS.count,
          source,
        });
        b.names.push({
          name: `IIJ_GUIDANCE_${pk}_${item.id.toUpperCase()}_MID`,
          row: b.row,
          col: FIRST_PERIOD_COL + 1,
          comment: `${pk} ${item.label} guidance midpoint, JPY millions`,
        });
        b.next();
      }
      if (outlook) {
        b.text(LABEL_COL, `${pk} ${item.label} (outlook, no figure)`, "label");
        b.text(ID_COL, item.id, "id");
        b.put(FIRST_PERIOD_COL, {
          text: outlook.text,
          style: "inputText",
          source: { statement: "GUIDANCE", itemId: item.id, period: pk, measure: "amount" },
        });
        b.next();
      }
    }
  }

  // Checks
  const declared = new Set(model.releases.flatMap((r) => r.inconsistencies.map((i) => i.checkId)));
  const termCell = (t: Term, q: Quarter) =>
    cellOf(t.statement, t.row, shiftQuarter(q, -(t.lag ?? 0)));
  const sumOf = (
    terms: readonly Term[],
    q: Quarter,
    inMillions: (t: Term) => boolean
  ): string | null => {
    const plus: string[] = [];
    const minus: string[] = [];
    for (const t of terms) {
      const c = termCell(t, q);
      if (!c) return null;
      const ref = inMillions(t) ? `${c}/1000` : c;
      ((t.sign ?? 1) === 1 ? plus : minus).push(ref);
    }
    // SUM ignores text, so a printed "NA" counts as nothing, as in the release's own totals.
    const positive = plus.length ? `SUM(${plus.join(",")})` : "";
    return `${positive}${minus.length ? `-SUM(${minus.join(",")})` : ""}`;
  };
  /** Statement terms of a check against a table printed in JPY millions, in millions. */
  const statementToMillions = (rule: Identity) => (t: Term) =>
    rule.scale !== undefined && t.statement !== "KPI" && unit === "JPY thousands";

  section("Checks: each total recomputed from its printed parts (difference should be 0)");
  const checkRule = (rule: Identity) => {
    const toMillions = statementToMillions(rule);
    b.text(LABEL_COL, `${rule.name}: recomputed`, "label");
    b.text(ID_COL, rule.checkId, "id");
    const recomputedRow = b.row;
    const printedRow =
      rule.left.length === 1 ? rowOf.get(key(rule.left[0].statement, rule.left[0].row)) : undefined;
    for (const q of quarters) {
      const right = sumOf(rule.right, q, toMillions);
      const left = sumOf(rule.left, q, toMillions);
      if (!right || !left) continue;
      b.put(periodCol.get(periodKey(q)) as number, {
        formula: rule.scale ? `=ROUND(${right},0)` : `=${right}`,
        style: "formula",
        numberFormat: amountFormat(unit),
      });
    }
    b.next();
    b.text(
      LABEL_COL,
      rule.scale && rule.left.length > 1
        ? `difference beyond rounding (printed ${rule.left.length} rounded figures)`
        : "difference (printed - recomputed)",
      "label"
    );
    const firstCheckCol = FIRST_PERIOD_COL;
    for (const q of quarters) {
      const col = periodCol.get(periodKey(q)) as number;
      const left = sumOf(rule.left, q, toMillions);
      if (!left || !sumOf(rule.right, q, toMillions)) continue;
      const printed =
        printedRow !== undefined && (rule.left[0].lag ?? 0) === 0
          ? a1(printedRow, col)
          : `(${left})`;
      const diff = `ROUND(${printed}-${a1(recomputedRow, col)},6)`;
      const tolerance = rule.scale && rule.left.length > 1 ? rule.left.length - 1 : 0;
      b.put(col, {
        formula: tolerance ? `=IF(ABS(${diff})<=${tolerance},0,${diff})` : `=${diff}`,
        style: "check",
        numberFormat: amountFormat(unit),
      });
      b.checks++;
    }
    b.checkAreas.push({ firstRow: b.row, lastRow: b.row, firstCol: firstCheckCol, lastCol });
    b.next();
  };
  const notedRules: Identity[] = [];
  for (const rule of IDENTITIES) {
    if (declared.has(rule.checkId)) notedRules.push(rule);
    else checkRule(rule);
  }

  if (notedRules.length > 0) {
    section("Printed figures that do not tie (source inconsistencies, noted; not errors)");
    for (const rule of notedRules) {
      const inMillions = statementToMillions(rule);
      b.text(LABEL_COL, `${rule.name}: as printed`, "label");
      b.text(ID_COL, rule.checkId, "id");
      const printedRowIndex = b.row;
      for (const q of quarters) {
        const left = sumOf(rule.left, q, inMillions);
        if (left)
          b.put(periodCol.get(periodKey(q)) as number, {
            formula: `=${left}`,
            style: "formula",
            numberFormat: FORMATS.millions,
          });
      }
      b.next();
      b.text(LABEL_COL, "by the footnote's definition", "label");
      const definedRowIndex = b.row;
      for (const q of quarters) {
        const right = sumOf(rule.right, q, inMillions);
        if (right)
          b.put(periodCol.get(periodKey(q)) as number, {
            formula: `=${right}`,
            style: "formula",
            numberFormat: FORMATS.millions,
          });
      }
      b.next();
      b.text(LABEL_COL, "gap in the release (printed - definition), noted", "label");
      for (const q of quarters) {
        const col = periodCol.get(periodKey(q)) as number;
        if (!sumOf(rule.left, q, inMillions) || !sumOf(rule.right, q, inMillions)) continue;
        b.put(col, {
          formula: `=ROUND(${a1(printedRowIndex, col)}-${a1(definedRowIndex, col)},6)`,
          style: "noted",
          numberFormat: FORMATS.millions,
        });
        b.noted++;
      }
      b.next();
    }
  }

  const columnCount = Math.max(lastCol, FIRST_PERIOD_COL + 2) + 1;
  const columnWidths = Array.from({ length: columnCount }, (_, c) =>
    c === LABEL_COL ? 60 : c === ID_COL ? 30 : 16
  );
  return {
    sheetName: MODEL_SHEET_NAME,
    quarter: periodKey(target),
    unit,
    rowCount: b.row,
    columnCount,
    cells: b.cells,
    names: b.names,
    columnWidths,
    freeze: { rows: freezeRows, columns: FIRST_PERIOD_COL },
    checkAreas: b.checkAreas,
    summary: { values: b.values, formulas: b.formulas, checks: b.checks, noted: b.noted },
  };
}

/** A printed figure as an input cell; "NA" stays text, a gap is left empty. */
function putPrinted(
  b: PlanBuilder,
  col: number,
  statement: StatementId,
  item: Item,
  period: string,
  value: () => string,
  unit: PrintedUnit | SheetUnit
): void {
  const source = { statement, itemId: item.id, period, measure: "amount" as const };
  try {
    b.put(col, { number: value(), style: "input", numberFormat: amountFormat(unit), source });
  } catch (error) {
    if (!(error instanceof IIJError)) throw error;
    if (/Not applicable/.test(error.message))
      b.put(col, { text: "NA", style: "inputText", source });
  }
}

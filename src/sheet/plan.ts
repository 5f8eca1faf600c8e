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
  FORECAST_LINES,
  type LineRule,
  SCENARIOS,
  SCENARIO_NAME,
  driverName,
  forecastQuarters,
  seedDrivers,
} from "./forecast";
import {
  type CellStyle,
  type PlanArea,
  type PlanCell,
  type PlanName,
  type PlanChart,
  type PlanValidation,
  type SheetPlan,
  type SheetUnit,
  SHEET_UNITS,
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
  percentDriver: "0.00%_);(0.00%)",
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
  readonly validations: PlanValidation[] = [];
  readonly charts: PlanChart[] = [];
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
/**
 * The plan a model sheet was drawn from, given the quarter and unit its header records; null when
 * they name no plan (a header the analyst edited, or a quarter the data no longer has).
 */
export function planFromHeader(
  model: IIJModel,
  header: { quarter: string; unit: string }
): SheetPlan | null {
  if (!SHEET_UNITS.includes(header.unit as SheetUnit)) return null;
  try {
    return planModelSheet(model, { quarter: header.quarter, unit: header.unit as SheetUnit });
  } catch {
    return null;
  }
}

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
  /** The checks block covers the actual quarters only. */
  const lastCol = FIRST_PERIOD_COL + quarters.length - 1;
  // Estimates to the right of the actuals: the rest of the fiscal year, then the year itself.
  const estimates = forecastQuarters(target);
  const estimateCol = new Map(estimates.map((q, i) => [periodKey(q), lastCol + 1 + i]));
  const fiscalYear = estimates[0].fy;
  const yearQuarters = [1, 2, 3, 4].map((q) =>
    periodKey({ kind: "quarter", fy: fiscalYear, q: q as Quarter["q"] })
  );
  const yearCol = yearQuarters.every((k) => periodCol.has(k) || estimateCol.has(k))
    ? lastCol + estimates.length + 1
    : null;
  const lastModelCol = yearCol ?? lastCol + estimates.length;
  /** Column of a quarter, actual or estimated. */
  const quarterCol = (q: Quarter) => periodCol.get(periodKey(q)) ?? estimateCol.get(periodKey(q));
  const yearParts = yearQuarters.map((k) => (periodCol.get(k) ?? estimateCol.get(k)) as number);
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
  for (const q of estimates)
    b.text(estimateCol.get(periodKey(q)) as number, `${periodKey(q)}E`, "estimateHeader");
  if (yearCol !== null) b.text(yearCol, `FY${fiscalYear}E`, "estimateHeader");
  b.next();
  b.text(LABEL_COL, "Quarter ended (balance sheet date)", "headerLabel");
  for (const q of quarters)
    b.text(periodCol.get(periodKey(q)) as number, printedDate(quarterEnd(q)), "headerValue");
  for (const q of estimates)
    b.text(
      estimateCol.get(periodKey(q)) as number,
      `${printedDate(quarterEnd(q))} (estimate)`,
      "estimateNote"
    );
  if (yearCol !== null) b.text(yearCol, `Fiscal ${fiscalYear} (estimate)`, "estimateNote");
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
  const incomeCell = (id: string, col: number) => a1(rowOf.get(key("INCOME", id)) as number, col);
  const yearSum = (r: number) => `=SUM(${yearParts.map((c) => a1(r, c)).join(",")})`;
  const estimateFormula = (rule: LineRule, row: number, q: Quarter, col: number): string => {
    switch (rule.kind) {
      case "growth":
        return `=${a1(row, quarterCol(shiftQuarter(q, -1)) as number)}*(1+${driverName(rule.driver)})`;
      case "ratio":
        return `=${driverName(rule.driver)}*${incomeCell(rule.of, col)}`;
      case "sum":
        return `=SUM(${rule.parts.map((id) => incomeCell(id, col)).join(",")})`;
      case "difference":
        return `=${incomeCell(rule.plus, col)}-${incomeCell(rule.minus, col)}`;
    }
  };
  for (const statement of FINANCIAL_STATEMENTS) {
    section(`${titles[statement]} (${unit})`);
    const items = model.items(statement);
    const labels = displayLabels(items);
    // Rows are known before they are written, so an estimate may refer to any line.
    items.forEach((item, i) => rowOf.set(key(statement, item.id), b.row + i));
    for (const item of items) {
      const own = item.unit !== "JPY thousands";
      b.text(
        LABEL_COL,
        own ? `${labels.get(item.id)} (${item.unit})` : (labels.get(item.id) as string),
        "label"
      );
      b.text(ID_COL, item.id, "id");
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
      const rule = statement === "INCOME" ? FORECAST_LINES.get(item.id) : undefined;
      if (rule) {
        for (const q of estimates) {
          const col = estimateCol.get(periodKey(q)) as number;
          b.put(col, {
            formula: estimateFormula(rule, b.row, q, col),
            style: "forecast",
            numberFormat: amountFormat(unit),
          });
        }
        if (yearCol !== null) {
          b.put(yearCol, {
            formula: yearSum(b.row),
            style: "forecast",
            numberFormat: amountFormat(unit),
          });
        }
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

  // Forecast build and derived rows: actual quarters, estimates and the fiscal year alike
  const allCols = [
    ...quarters.map((q) => periodCol.get(periodKey(q)) as number),
    ...estimates.map((q) => estimateCol.get(periodKey(q)) as number),
    ...(yearCol !== null ? [yearCol] : []),
  ];
  const isActual = (col: number) => col <= lastCol;
  const cellOf = (s: StatementId, id: string, q: Quarter): string | null => {
    const r = rowOf.get(key(s, id));
    const c = quarterCol(q);
    return r === undefined || c === undefined ? null : a1(r, c);
  };
  const factor = unit === "JPY millions" ? "" : "*1000";
  const row = (
    label: string,
    format: string,
    build: (col: number) => string | null,
    style: CellStyle = "formula",
    id?: string
  ) => {
    b.text(LABEL_COL, label, "label");
    if (id) b.text(ID_COL, id, "id");
    const r = b.row;
    for (const col of allCols) {
      const formula = build(col);
      if (formula)
        b.put(col, { formula, style: isActual(col) ? style : "forecast", numberFormat: format });
    }
    b.next();
    return r;
  };
  const at = (id: string, col: number, s: StatementId = "INCOME") => {
    const r = rowOf.get(key(s, id));
    return r === undefined ? null : a1(r, col);
  };
  section(`Forecast build (${unit}; estimates from the drivers below)`);
  const grossRow = row(
    "Gross profit (total revenues - total costs)",
    amountFormat(unit),
    (col) => `=${at("total_revenues", col)}-${at("total_costs", col)}`
  );
  const daRow = b.row;
  row("Depreciation and amortization (as in the cash flows)", amountFormat(unit), (col) =>
    col === yearCol
      ? yearSum(daRow)
      : isActual(col)
        ? `=${at("depreciation_and_amortization", col, "CASHFLOW")}`
        : `=${driverName("da")}${factor}`
  );
  const gapRow = b.row;
  const ebitdaRow = gapRow + 1;
  row("Operating income + D&A - EBITDA (the Table 5 gap)", amountFormat(unit), (col) =>
    col === yearCol
      ? yearSum(gapRow)
      : isActual(col)
        ? `=${at("operating_income", col)}+${a1(daRow, col)}-${a1(ebitdaRow, col)}`
        : `=${driverName("ebitda_gap")}${factor}`
  );
  row("EBITDA (Table 5 basis)", amountFormat(unit), (col) =>
    col === yearCol
      ? yearSum(ebitdaRow)
      : isActual(col)
        ? `=${at("ebitda", col, "KPI")}${factor}`
        : `=${at("operating_income", col)}+${a1(daRow, col)}-${a1(gapRow, col)}`
  );
  const seeding = seedDrivers(model, target, estimates[0]);
  const lastGap = seeding.drivers.find((d) => d.id === "ebitda_gap")?.seeds.Mid.toString();
  b.text(
    LABEL_COL,
    `Note: Table 5's footnote defines EBITDA as operating income + D&A, but its printed EBITDA is lower (by ${lastGap} JPY millions in ${periodKey(target)}); its D&A includes amortization of convertible-note issuance cost, which EBITDA appears to leave out. Estimates keep that gap as a driver, so EBITDA stays on the basis IIJ reports and guides.`,
    "note"
  );
  b.next();

  section("Growth and margins (formulas)");
  /** Growth of a row against `lag` quarters earlier, for every quarter column where both exist. */
  const growthRow = (label: string, lineRow: number, lag: number) =>
    row(label, FORMATS.percent, (col) => {
      const q = [...quarters, ...estimates].find((x) => quarterCol(x) === col);
      const thenCol = q ? quarterCol(shiftQuarter(q, -lag)) : undefined;
      if (thenCol === undefined) return null;
      const now = a1(lineRow, col);
      const then = a1(lineRow, thenCol);
      return `=IF(${then}=0,"",${now}/${then}-1)`;
    });
  const revenueRow = rowOf.get(key("INCOME", "total_revenues")) as number;
  const operatingRow = rowOf.get(key("INCOME", "operating_income")) as number;
  growthRow("Total revenues, YoY growth", revenueRow, 4);
  growthRow("Total revenues, QoQ growth", revenueRow, 1);
  growthRow("Operating income (loss), YoY growth", operatingRow, 4);
  growthRow("EBITDA (Table 5 basis), YoY growth", ebitdaRow, 4);
  growthRow("EBITDA (Table 5 basis), QoQ growth", ebitdaRow, 1);
  const overRevenue = (numerator: (col: number) => string | null) => (col: number) => {
    const rev = at("total_revenues", col);
    const n = numerator(col);
    return rev && n ? `=IF(${rev}=0,"",(${n})/${rev})` : null;
  };
  row(
    "Gross margin",
    FORMATS.percent,
    overRevenue((col) => a1(grossRow, col))
  );
  row(
    "Operating margin",
    FORMATS.percent,
    overRevenue((col) => at("operating_income", col))
  );
  row(
    "EBITDA margin (Table 5 basis)",
    FORMATS.percent,
    overRevenue((col) => a1(ebitdaRow, col))
  );
  row(
    "Net margin",
    FORMATS.percent,
    overRevenue((col) => (isActual(col) ? at("net_income", col) : null))
  );

  // Guidance
  section("Guidance (JPY millions, as printed)");
  b.text(LABEL_COL, "Guided period and metric", "columnHeader");
  ["Low", "Mid", "High"].forEach((h, i) => b.text(FIRST_PERIOD_COL + i, h, "columnHeader"));
  b.next();
  /** The row of each guided metric and outlook, by "period|id", for the checks below. */
  const guidanceRows = new Map<string, number>();
  const outlookRows = new Map<string, number>();
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
        guidanceRows.set(`${pk}|${item.id}`, b.row);
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
        outlookRows.set(`${pk}|${item.id}`, b.row);
        b.next();
      }
    }
  }

  // Guidance checks: live flags over the estimates
  const guided = estimates[0];
  const guidedKey = periodKey(guided);
  const guidedCol = estimateCol.get(guidedKey) as number;
  const toMillions = unit === "JPY millions" ? "" : "/1000";
  const flag = (estimate: string, low: string, high: string) =>
    `=IF(ROUND(${estimate},6)<${low},"below",IF(ROUND(${estimate},6)>${high},"above","in range"))`;
  const guidanceRow = (id: string) => guidanceRows.get(`${guidedKey}|${id}`);
  const estimateOf: Record<string, string | null> = {
    revenues: at("total_revenues", guidedCol),
    operating_income: at("operating_income", guidedCol),
    ebitda: a1(ebitdaRow, guidedCol),
  };
  const flagged = Object.keys(estimateOf).filter((id) => guidanceRow(id) !== undefined);
  const outlookRow = outlookRows.get(`FY${fiscalYear}|operating_income`);
  if (flagged.length > 0 || (outlookRow !== undefined && yearCol !== null)) {
    section(`Estimates against guidance (JPY millions; live: they follow the drivers)`);
    b.text(LABEL_COL, "Metric", "columnHeader");
    ["Estimate", "Low", "High", "Flag"].forEach((h, i) =>
      b.text(FIRST_PERIOD_COL + i, h, "columnHeader")
    );
    b.next();
    const firstFlagRow = b.row;
    for (const id of flagged) {
      const g = guidanceRow(id) as number;
      b.text(
        LABEL_COL,
        `${guidedKey}E ${model.items("GUIDANCE").find((i) => i.id === id)?.label}`,
        "label"
      );
      b.text(ID_COL, id, "id");
      const est = a1(b.row, FIRST_PERIOD_COL);
      b.put(FIRST_PERIOD_COL, {
        formula: `=${estimateOf[id]}${toMillions}`,
        style: "formula",
        numberFormat: FORMATS.millions,
      });
      b.put(FIRST_PERIOD_COL + 1, {
        formula: `=${a1(g, FIRST_PERIOD_COL)}`,
        style: "formula",
        numberFormat: FORMATS.count,
      });
      b.put(FIRST_PERIOD_COL + 2, {
        formula: `=${a1(g, FIRST_PERIOD_COL + 2)}`,
        style: "formula",
        numberFormat: FORMATS.count,
      });
      b.put(FIRST_PERIOD_COL + 3, {
        formula: flag(est, a1(b.row, FIRST_PERIOD_COL + 1), a1(b.row, FIRST_PERIOD_COL + 2)),
        style: "formula",
      });
      b.next();
    }
    if (outlookRow !== undefined && yearCol !== null) {
      b.text(
        LABEL_COL,
        `FY${fiscalYear}E operating income against the outlook (positive)`,
        "label"
      );
      b.text(ID_COL, "operating_income", "id");
      const est = a1(b.row, FIRST_PERIOD_COL);
      b.put(FIRST_PERIOD_COL, {
        formula: `=${at("operating_income", yearCol)}${toMillions}`,
        style: "formula",
        numberFormat: FORMATS.millions,
      });
      b.put(FIRST_PERIOD_COL + 3, {
        formula: `=IF(ROUND(${est},6)>0,"in range","below")`,
        style: "formula",
      });
      b.next();
    }
    b.checkAreas.push({
      firstRow: firstFlagRow,
      lastRow: b.row - 1,
      firstCol: FIRST_PERIOD_COL + 3,
      lastCol: FIRST_PERIOD_COL + 3,
      expected: '"in range"',
    });
  }

  // Drivers: seeds per scenario, the analyst's value, the value in use (named)
  section(
    "Forecast drivers (inputs: type in the Your value column; blank uses the scenario's seed)"
  );
  const DRIVER_COLS = {
    low: FIRST_PERIOD_COL,
    mid: FIRST_PERIOD_COL + 1,
    high: FIRST_PERIOD_COL + 2,
    yours: FIRST_PERIOD_COL + 3,
    used: FIRST_PERIOD_COL + 4,
  };
  b.text(LABEL_COL, "Driver", "columnHeader");
  b.text(ID_COL, "Unit", "columnHeader");
  ["Low seed", "Mid seed", "High seed", "Your value", "In use"].forEach((h, i) =>
    b.text(FIRST_PERIOD_COL + i, h, "columnHeader")
  );
  b.next();
  const scenarioUsed = a1(b.row, DRIVER_COLS.used);
  const scenarioYours = a1(b.row, DRIVER_COLS.yours);
  b.text(LABEL_COL, "Scenario for the seeds (Low, Mid or High)", "label");
  b.text(ID_COL, "scenario", "unit");
  b.put(DRIVER_COLS.yours, { text: "", style: "inputSlot" });
  b.validations.push({ row: b.row, col: DRIVER_COLS.yours, list: [...SCENARIOS] });
  b.put(DRIVER_COLS.used, {
    formula: `=IF(${scenarioYours}="","Mid",IF(OR(${scenarioYours}="Low",${scenarioYours}="Mid",${scenarioYours}="High"),${scenarioYours},NA()))`,
    style: "formula",
  });
  b.names.push({
    name: SCENARIO_NAME,
    row: b.row,
    col: DRIVER_COLS.used,
    comment: "Scenario the driver seeds follow: Low, Mid or High",
  });
  b.next();
  for (const driver of seeding.drivers) {
    const format =
      driver.unit === "JPY millions per quarter" ? FORMATS.millions : FORMATS.percentDriver;
    b.text(LABEL_COL, driver.label, "label");
    b.text(ID_COL, driver.unit, "unit");
    const cells = {
      Low: a1(b.row, DRIVER_COLS.low),
      Mid: a1(b.row, DRIVER_COLS.mid),
      High: a1(b.row, DRIVER_COLS.high),
    };
    SCENARIOS.forEach((sc, i) =>
      b.put(FIRST_PERIOD_COL + i, {
        number: driver.seeds[sc].toString(),
        style: "seed",
        numberFormat: format,
      })
    );
    b.put(DRIVER_COLS.yours, { text: "", style: "inputSlot", numberFormat: format });
    const yours = a1(b.row, DRIVER_COLS.yours);
    b.put(DRIVER_COLS.used, {
      formula: `=IF(${yours}="",IF(${scenarioUsed}="Low",${cells.Low},IF(${scenarioUsed}="High",${cells.High},${cells.Mid})),${yours})`,
      style: "formula",
      numberFormat: format,
    });
    b.names.push({
      name: driver.name,
      row: b.row,
      col: DRIVER_COLS.used,
      comment: `${driver.label} (${driver.unit})`,
    });
    b.next();
  }
  b.text(LABEL_COL, seeding.note, "note");
  b.next();

  // Chart data: revenues and operating income by quarter, actuals then estimates, with the
  // guidance bounds of the guided quarter as single points.
  section(`Chart data (${unit})`);
  const chartCols = [...quarters, ...estimates].map((q) => quarterCol(q) as number);
  const chartTop = b.row;
  b.text(FIRST_PERIOD_COL - 1, "Quarter", "columnHeader");
  for (const q of [...quarters, ...estimates]) {
    const key = periodKey(q);
    b.text(
      quarterCol(q) as number,
      periodCol.has(key) ? key : `${key}E`,
      periodCol.has(key) ? "columnHeader" : "estimateHeader"
    );
  }
  b.next();
  const guidanceCell = (id: string, bound: 0 | 2) => {
    const r = guidanceRow(id);
    return r === undefined ? null : `=${a1(r, FIRST_PERIOD_COL + bound)}${factor}`;
  };
  const series: [string, (col: number) => string | null][] = [
    ["Total revenues", (col) => `=${at("total_revenues", col)}`],
    ["Operating income (loss)", (col) => `=${at("operating_income", col)}`],
    [
      `${guidedKey} revenues guidance, low`,
      (col) => (col === guidedCol ? guidanceCell("revenues", 0) : null),
    ],
    [
      `${guidedKey} revenues guidance, high`,
      (col) => (col === guidedCol ? guidanceCell("revenues", 2) : null),
    ],
    [
      `${guidedKey} operating income guidance, low`,
      (col) => (col === guidedCol ? guidanceCell("operating_income", 0) : null),
    ],
    [
      `${guidedKey} operating income guidance, high`,
      (col) => (col === guidedCol ? guidanceCell("operating_income", 2) : null),
    ],
  ];
  for (const [label, build] of series) {
    b.text(FIRST_PERIOD_COL - 1, label, "label");
    for (const col of chartCols) {
      const formula = build(col);
      if (formula) b.put(col, { formula, style: "formula", numberFormat: amountFormat(unit) });
    }
    b.next();
  }
  b.charts.push({
    name: "IIJ Model chart",
    title: `IIJ: total revenues and operating income (${unit}), with ${guidedKey} guidance`,
    data: {
      firstRow: chartTop,
      lastRow: b.row - 1,
      firstCol: FIRST_PERIOD_COL - 1,
      lastCol: chartCols[chartCols.length - 1],
    },
    secondary: [1, 4, 5],
    markersOnly: [2, 3, 4, 5],
    from: { row: freezeRows, col: lastModelCol + 2 },
    to: { row: freezeRows + 22, col: lastModelCol + 9 },
  });

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
    b.checkAreas.push({
      firstRow: b.row,
      lastRow: b.row,
      firstCol: firstCheckCol,
      lastCol,
      expected: "0",
    });
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
      /** Puts one side's sum in each quarter that prints it; returns the row. */
      const sumsRow = (terms: readonly Term[]) => {
        const row = b.row;
        for (const q of quarters) {
          const sum = sumOf(terms, q, inMillions);
          if (sum)
            b.put(periodCol.get(periodKey(q)) as number, {
              formula: `=${sum}`,
              style: "formula",
              numberFormat: FORMATS.millions,
            });
        }
        b.next();
        return row;
      };
      const printedRowIndex = sumsRow(rule.left);
      b.text(LABEL_COL, "by the footnote's definition", "label");
      const definedRowIndex = sumsRow(rule.right);
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

  const columnCount = Math.max(lastModelCol, FIRST_PERIOD_COL + 4) + 1;
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
    validations: b.validations,
    charts: b.charts,
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

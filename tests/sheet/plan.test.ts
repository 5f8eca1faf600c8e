/** The model sheet plan: golden content, with figures typed from the printed page. */
import { defaultModel, periodKey, shiftQuarter } from "../../src/model";
import { forecastLines } from "../../src/sheet/forecast";
import { modelSheetLayout, planModelSheet } from "../../src/sheet/plan";
import { lineRow, printedRow } from "../../src/sheet/plan/layout";
import { type SheetPlan, a1, columnLetters } from "../../src/sheet/plan-types";

const model = defaultModel();
const plans = {
  "JPY millions": planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" }),
  "JPY thousands": planModelSheet(model, { quarter: "1Q01", unit: "JPY thousands" }),
};

function grid(plan: SheetPlan): Map<string, string> {
  return new Map(plan.cells.map((c) => [a1(c.row, c.col), c.formula ?? c.number ?? c.text ?? ""]));
}

/** Row (1-based) of a label in column A, the nth time it appears. */
function rowOf(plan: SheetPlan, label: string, nth = 0): number {
  const rows = plan.cells.filter((c) => c.col === 0 && c.text === label).map((c) => c.row + 1);
  if (rows[nth] === undefined) throw new Error(`no row "${label}"`);
  return rows[nth];
}

test("one column per quarter, oldest first, with each quarter's end date under it", () => {
  const g = grid(plans["JPY millions"]);
  expect(["C10", "D10", "E10"].map((a) => g.get(a))).toEqual(["1Q00", "4Q00", "1Q01"]);
  expect(["C11", "D11", "E11"].map((a) => g.get(a))).toEqual([
    "Jun 30, 2000",
    "Mar 31, 2001",
    "Jun 30, 2001",
  ]);
  expect(plans["JPY millions"].freeze).toEqual({ rows: 11, columns: 2 });
});

test("the header says what was loaded, in which unit, from which release", () => {
  const g = grid(plans["JPY thousands"]);
  expect(g.get("C2")).toBe("1Q01");
  expect(g.get("C4")).toBe("JPY thousands");
  expect(g.get("C6")).toBe("124.73");
  expect(g.get("C3")).toMatch(/2001-08-14/);
  expect(plans["JPY thousands"].names.map((n) => n.name)).toEqual(
    expect.arrayContaining([
      "IIJ_QUARTER",
      "IIJ_UNIT",
      "IIJ_FXRATE",
      "IIJ_GUIDANCE_2Q01_REVENUES_MID",
    ])
  );
});

describe.each([
  ["JPY thousands", "8332898", "-299814", "12574744", "-231079"],
  ["JPY millions", "8332.898", "-299.814", "12574.744", "-231.079"],
] as const)("printed figures in %s", (unit, revenue, opLoss, cash, cfo) => {
  const plan = plans[unit];
  const g = grid(plan);
  test("sit in the row of their printed label and the column of their quarter", () => {
    expect(g.get(`E${rowOf(plan, "Total revenues")}`)).toBe(revenue);
    expect(g.get(`E${rowOf(plan, "Operating loss")}`)).toBe(opLoss);
    expect(g.get(`E${rowOf(plan, "Cash")}`)).toBe(cash);
    expect(g.get(`E${rowOf(plan, "Net cash used in operating activities")}`)).toBe(cfo);
  });
  test("per-share figures stay in JPY and KPIs in their printed units", () => {
    expect(g.get(`E${rowOf(plan, "Basic Net Loss Per Share (JPY)")}`)).toBe("-74060");
    expect(g.get(`E${rowOf(plan, "EBITDA (JPY millions)")}`)).toBe("376");
    expect(g.get(`C${rowOf(plan, "Maximum 1.5Mbps (contracts)")}`)).toBe("NA");
  });
  test("printed figures are blue inputs; formulas are black", () => {
    const printed = plan.cells.filter((c) => c.source !== undefined && c.number !== undefined);
    expect(new Set(printed.map((c) => c.style))).toEqual(new Set(["input"]));
    expect(new Set(plan.cells.filter((c) => c.formula).map((c) => c.style))).toEqual(
      new Set(["formula", "forecast", "check", "noted"])
    );
  });
});

test("both printed Other lines of the cash flow are labelled with their section", () => {
  const plan = plans["JPY millions"];
  expect(grid(plan).get(`E${rowOf(plan, "Other (Operating Activities)")}`)).toBe("-265.574");
  expect(grid(plan).get(`E${rowOf(plan, "Other (Investing Activities)")}`)).toBe("-26.067");
});

test("derived rows are native formulas over the printed cells", () => {
  const plan = plans["JPY millions"];
  const g = grid(plan);
  const rev = rowOf(plan, "Total revenues");
  const costs = rowOf(plan, "Total costs");
  // Growth is "n.m." from a base at or below zero or into a negative figure (a sign change).
  expect(g.get(`E${rowOf(plan, "Total revenues, YoY growth")}`)).toBe(
    `=IF(OR(C${rev}<=0,E${rev}<0),"n.m.",E${rev}/C${rev}-1)`
  );
  expect(g.get(`E${rowOf(plan, "Total revenues, QoQ growth")}`)).toBe(
    `=IF(OR(D${rev}<=0,E${rev}<0),"n.m.",E${rev}/D${rev}-1)`
  );
  expect(g.get(`C${rowOf(plan, "Total revenues, YoY growth")}`)).toBeUndefined();
  const gross = rowOf(plan, "Gross profit (total revenues - total costs)");
  expect(g.get(`E${gross}`)).toBe(`=E${rev}-E${costs}`);
  expect(g.get(`E${rowOf(plan, "Gross margin")}`)).toBe(`=IF(E${rev}<=0,"n.m.",E${gross}/E${rev})`);
  // A fiscal year's YoY reads the year before; FY2002E against FY2001E.
  expect(g.get(`N${rowOf(plan, "Total revenues, YoY growth")}`)).toBe(
    `=IF(OR(I${rev}<=0,N${rev}<0),"n.m.",N${rev}/I${rev}-1)`
  );
});

test("guidance: printed low and high, mid as a formula, the fiscal-2001 outlook as text", () => {
  const plan = plans["JPY thousands"];
  const g = grid(plan);
  const r = rowOf(plan, "2Q01 Revenues");
  expect([g.get(`C${r}`), g.get(`D${r}`), g.get(`E${r}`)]).toEqual([
    "9000",
    `=AVERAGE(C${r},E${r})`,
    "9500",
  ]);
  const op = rowOf(plan, "2Q01 Operating Income (Loss)");
  expect([g.get(`C${op}`), g.get(`E${op}`)]).toEqual(["-100", "50"]);
  expect(g.get(`C${rowOf(plan, "FY2001 Operating Income (Loss) (outlook, no figure)")}`)).toMatch(
    /positive operating income/
  );
});

test("checks: every total beside a formula recomputing it, and the difference", () => {
  const plan = plans["JPY thousands"];
  const g = grid(plan);
  // The check's row carries its id in column B (its label follows the identity's wording).
  const recomputed =
    (plan.cells.find((c) => c.col === 1 && c.text === "footing:INCOME:total_revenues")
      ?.row as number) + 1;
  expect(g.get(`A${recomputed}`)).toMatch(/^Total revenues = .*: recomputed$/);
  const printed = rowOf(plan, "Total revenues");
  const parts = [
    "Total connectivity and value-added services",
    "Systems integration revenues",
    "Equipment sales",
  ].map((l) => rowOf(plan, l));
  expect(g.get(`E${recomputed}`)).toBe(`=SUM(${parts.map((p) => `E${p}`).join(",")})`);
  expect(g.get(`E${recomputed + 1}`)).toBe(`=ROUND(E${printed}-E${recomputed},6)`);
  expect(plan.summary.checks).toBeGreaterThan(80);
  // One area per check row of the actuals (1Q01 is column E).
  const actualAreas = plan.checkAreas.filter((a) => a.expected === "0" && a.firstCol <= 4);
  expect(actualAreas.length).toBe(
    plan.cells.filter((c) => c.style === "check" && c.col === 4).length
  );
});

test("the EBITDA definition gap is in its own block, labelled as noted, not a check", () => {
  const plan = plans["JPY millions"];
  expect(plan.cells.filter((c) => c.style === "noted")).toHaveLength(3);
  expect(plan.cells.some((c) => c.text?.startsWith("Printed figures that do not tie"))).toBe(true);
  expect(plan.summary.noted).toBe(3);
});

test("an older quarter loads the quarters up to it only", () => {
  const plan = planModelSheet(model, { quarter: "4Q00", unit: "JPY millions" });
  const g = grid(plan);
  // After a fourth quarter the estimates are the next fiscal year.
  expect([g.get("C10"), g.get("D10"), g.get("E10"), g.get("I10")]).toEqual([
    "1Q00",
    "4Q00",
    "1Q01E",
    "FY2001E",
  ]);
  expect(() => planModelSheet(model, { quarter: "2Q01", unit: "JPY millions" })).toThrow(
    /INCOME periods: 1Q00, 4Q00, 1Q01/
  );
});

test("every formula is well formed: balanced parentheses, no empty SUM, references inside the sheet", () => {
  for (const plan of Object.values(plans)) {
    for (const cell of plan.cells.filter((c) => c.formula)) {
      const f = cell.formula as string;
      let depth = 0;
      for (const ch of f) {
        depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect([f, depth]).toEqual([f, 0]);
      expect(f).not.toMatch(/SUM\(\)|,,|\(,|,\)/);
      for (const [, col, row] of f.matchAll(/\b([A-Z]{1,2})(\d+)\b/g)) {
        expect(Number(row)).toBeLessThanOrEqual(plan.rowCount);
        expect(col.charCodeAt(0) - 65).toBeLessThan(plan.columnCount);
      }
    }
  }
});

test("a vintage in the quarter is refused: the sheet shows figures as last reported", () => {
  expect(() => planModelSheet(model, { quarter: "1Q01@first", unit: "JPY millions" })).toThrow(
    /without "@"/
  );
});

/**
 * What each row of a plan is, read from the sheet alone: "INCOME:total_revenues" for a printed
 * line (the statement whose section it is in, and its id in column B), the label for other rows.
 */
function rowNames(plan: SheetPlan): Map<number, string> {
  const sections: [string, string][] = [
    ["Consolidated statements of operations", "INCOME"],
    ["Consolidated balance sheets", "BALANCE"],
    ["Condensed consolidated statements of cash flows", "CASHFLOW"],
    ["KPIs", "KPI"],
  ];
  const names = new Map<number, string>();
  let statement: string | null = null;
  for (const c of plan.cells) {
    if (c.style === "sectionHeader")
      statement = sections.find(([title]) => c.text?.startsWith(title))?.[1] ?? null;
    else if (statement === null && c.col === 0) names.set(c.row, c.text as string);
    else if (statement !== null && c.col === 1) names.set(c.row, `${statement}:${c.text}`);
  }
  return names;
}

/** The rows (by name) and column letters a formula refers to, in order. */
function references(plan: SheetPlan, formula: string): { name?: string; col: string }[] {
  const names = rowNames(plan);
  return [...formula.matchAll(/\b([A-Z]{1,2})(\d+)\b/g)].map(([, col, row]) => ({
    name: names.get(Number(row) - 1),
    col,
  }));
}

describe.each([
  ["1Q01", "JPY millions"],
  ["1Q01", "JPY thousands"],
  ["4Q00", "JPY millions"],
] as const)("the layout of %s in %s addresses rows by id", (quarter, unit) => {
  const plan = planModelSheet(model, { quarter, unit });
  const layout = modelSheetLayout(model, { quarter, unit });
  const formulaAt = (row: number, col: number) =>
    plan.cells.find((c) => c.row === row && c.col === col)?.formula as string;
  const names = (formula: string) => references(plan, formula).map((r) => r.name);
  const estimates = layout.columns.estimates;

  test("each line's row holds its id, each derived row its label", () => {
    const rows = rowNames(plan);
    for (const statement of ["INCOME", "BALANCE", "CASHFLOW", "KPI"] as const)
      for (const item of model.items(statement))
        expect(rows.get(layout.row(printedRow(item)))).toBe(`${statement}:${item.id}`);
    expect(rows.get(layout.row("ebitda"))).toBe("EBITDA (Table 5 basis)");
    expect(rows.get(layout.row("margin:net"))).toBe("Net margin");
    expect(() => layout.row(printedRow({ statement: "INCOME", id: "no_such_line" }))).toThrow(
      /no row/
    );
    expect(layout.row(lineRow("INCOME", "total_revenues"))).toBeGreaterThan(0);
    // A misspelt id in code does not compile (npm run typecheck fails without this directive).
    // @ts-expect-error "total_revenue" is not a line of the statements of operations
    expect(() => layout.row(lineRow("INCOME", "total_revenue"))).toThrow(/no row/);
  });

  test("every reference of an estimated line points at the line its rule names", () => {
    const income = (n: string) => `INCOME:${n}`;
    for (const [id, rule] of forecastLines(model)) {
      const row = layout.row(printedRow({ statement: "INCOME", id }));
      for (const c of estimates) {
        const refs = references(plan, formulaAt(row, c.col));
        const named: string[] = {
          growth: () => [income(id)],
          ratio: () =>
            rule.kind === "ratio"
              ? [
                  // Table 4's backbone costs, by the rows the forecast build labels with them.
                  ...(rule.components ?? []).map(
                    (kpi) => `${model.catalogue("KPI").get(kpi)?.label} (Table 4)`
                  ),
                  income(rule.of),
                ]
              : [],
          sum: () => (rule.kind === "sum" ? rule.parts.map((p) => income(p.id)) : []),
          amount: () => [],
          count: () => [],
          countRatio: () => (rule.kind === "countRatio" ? [income(rule.of)] : []),
          perShare: () =>
            rule.kind === "perShare" ? [rule.count, rule.of, rule.count].map(income) : [],
        }[rule.kind]();
        expect(refs.map((r) => r.name)).toEqual(named);
        // Growth is over the previous quarter (left of a fiscal year's column, after a fourth
        // quarter); everything else is in the same quarter.
        const previous = layout.columns.col(periodKey(shiftQuarter(c.quarter, -1))) as number;
        const col = columnLetters(rule.kind === "growth" ? previous : c.col);
        expect(refs.map((r) => r.col)).toEqual(named.map(() => col));
      }
      for (const y of layout.columns.years) {
        const expected =
          rule.kind === "perShare"
            ? [rule.count, rule.of, rule.count].map(income)
            : y.parts.map(() => income(id));
        expect(names(formulaAt(row, y.col))).toEqual(expected);
      }
    }
  });

  test("every reference of the forecast build points at the row it names", () => {
    const da = "Depreciation and amortization (as in the cash flows)";
    const gap = "Operating income + D&A - EBITDA (the Table 5 gap)";
    const ebitda = "EBITDA (Table 5 basis)";
    const actual = layout.columns.actuals[layout.columns.actuals.length - 1].col;
    const guided = estimates[0].col;
    expect(names(formulaAt(layout.row("gross_profit"), guided))).toEqual([
      "INCOME:total_revenues",
      "INCOME:total_costs",
    ]);
    expect(names(formulaAt(layout.row("da"), actual))).toEqual([
      "CASHFLOW:depreciation_and_amortization",
    ]);
    expect(names(formulaAt(layout.row("ebitda_gap"), actual))).toEqual([
      "INCOME:operating_income",
      da,
      ebitda,
    ]);
    expect(names(formulaAt(layout.row("ebitda"), actual))).toEqual(["KPI:ebitda"]);
    expect(names(formulaAt(layout.row("ebitda"), guided))).toEqual([
      "INCOME:operating_income",
      da,
      gap,
    ]);
    expect(names(formulaAt(layout.row("margin:ebitda"), guided))).toEqual([
      "INCOME:total_revenues",
      ebitda,
      "INCOME:total_revenues",
    ]);
  });
});

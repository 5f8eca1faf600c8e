import { defaultModel } from "../../src/model";
import { planModelSheet } from "../../src/sheet/plan";
import { traceFormula, traceModelCell } from "../../src/taskpane/trace";

const model = defaultModel();
const lines = (p: ReturnType<typeof traceFormula>) =>
  new Map(p?.lines.map(([k, v]) => [k, v]) ?? []);

test("an =IIJ.INCOME formula cell cites its statement, row, column, printed figure and the checks on it", () => {
  const p = traceFormula(model, '=IIJ.INCOME("1Q01","Dedicated access services")');
  expect(p?.title).toBe("Dedicated access services, 1Q01");
  const l = lines(p);
  expect(l.get("Release")).toBe("IIJ earnings release of August 14, 2001 (2001-08-14)");
  expect(l.get("Statement")).toBe("Consolidated Statements of Operations");
  expect(l.get("Page")).toBe("Appendix 1");
  expect(l.get("Column")).toBe("Jun 30, 2001 JPY (1Q01)");
  expect(l.get("Printed")).toBe("3,386,912");
  expect(l.get("Unit")).toBe("JPY thousands");
  expect(
    p?.lines.some(
      ([k, v]) =>
        k === "Check PASS" && v.startsWith("Total connectivity and value-added services =")
    )
  ).toBe(true);
});

test("a repaired figure shows what the OCR read and why; a segment function traces to its row", () => {
  const cash = lines(traceFormula(model, '=IIJ.BALANCE("2001-03-31","Cash")'));
  expect(cash.get("OCR repair")).toMatch(/13,370,707.*recorded 13,570,707/);
  expect(traceFormula(model, '=IIJ.REVENUE("1Q01","SI")')?.title).toBe(
    "Systems integration revenues, 1Q01"
  );
  expect(lines(traceFormula(model, '=IIJ.KPI("1Q01","EBITDA")')).get("Check NOTED")).toMatch(
    /-30\.649/
  );
});

test("a formula with a bad argument says why it has no value; text that is not a formula traces nothing", () => {
  expect(lines(traceFormula(model, '=IIJ.INCOME("2Q01","Revenue")')).get("Error")).toMatch(
    /INCOME periods/
  );
  expect(traceFormula(model, "=SUM(A1:A3)")).toBeNull();
});

test("a value written by Load quarter traces to its printed figure, in the unit written", () => {
  const plan = planModelSheet(model, { quarter: "1Q01", unit: "JPY millions" });
  const cell = plan.cells.find(
    (c) => c.source?.itemId === "total_revenues" && c.source.period === "1Q00"
  )!;
  const p = traceModelCell(model, { quarter: "1Q01", unit: "JPY millions" }, cell.row, cell.col);
  expect(p?.title).toBe("Loaded by IIJ Model: Total revenues, 1Q00");
  expect(lines(p).get("Printed")).toBe("7,245,795");
  expect(lines(p).get("Written as")).toBe("JPY millions (printed JPY thousands / 1,000)");
  const estimate = plan.cells.find((c) => c.style === "forecast")!;
  expect(
    traceModelCell(model, { quarter: "1Q01", unit: "JPY millions" }, estimate.row, estimate.col)
      ?.lines[1][1]
  ).toBe("estimate (from the drivers)");
  expect(traceModelCell(model, { quarter: "1Q01", unit: "EUR" }, cell.row, cell.col)).toBeNull();
});

describe("every function traces as its table entry declares", () => {
  test.each([
    ['=IIJ.COST("1Q01","SI")', "Cost of systems integration revenues, 1Q01", "Statement"],
    ['=IIJ.CASHFLOW("1Q01","investing_other")', "Other, 1Q01", "Statement"],
    ['=IIJ.GUIDANCE("2Q01","Revenues","low")', "Guidance: Revenues, 2Q01", "Table"],
    ['=IIJ.SOURCE("1Q01","EBITDA","KPI")', "EBITDA, 1Q01", "Table"],
    ['=IIJ.SOURCE("1Q01","Cash")', "Cash, 1Q01", "Statement"],
    [
      '=IIJ.GROWTH("1Q01","Total revenues","QoQ")',
      "IIJ.GROWTH of Total revenues: computed from printed figures",
      "Basis",
    ],
    ['=IIJ.MARGIN("1Q01")', "IIJ.MARGIN", "Computed"],
    ["=IIJ.FXRATE()", "IIJ.FXRATE", "Computed"],
    ['=IIJ.NOPE("1Q01")', "IIJ.NOPE: no value", "Error"],
  ])("%s: %s", (formula, title, line) => {
    const p = traceFormula(model, formula);
    expect(p?.title).toBe(title);
    expect(lines(p).has(line)).toBe(true);
  });

  test("GROWTH shows its basis before the figure it starts from", () => {
    const p = traceFormula(model, '=IIJ.GROWTH("1Q01","Total revenues","QoQ")');
    expect(p?.lines[0]).toEqual(["Basis", "QoQ"]);
    expect(lines(p).get("Printed")).toBe("8,332,898");
    expect(lines(traceFormula(model, '=IIJ.NOPE("1Q01")')).get("Error")).toMatch(
      /There is no function IIJ.NOPE/
    );
  });
});

test("the trace of an outlook cites where its words are printed, not the guidance table", () => {
  const outlook = lines(traceFormula(model, '=IIJ.GUIDANCE("FY2001","Operating income","text")'));
  expect(outlook.get("Printed in")).toBe(
    '"The 1st Quarter of FY2001 Results Summary", the last bullet (page 1)'
  );
  expect(outlook.get("Table")).toBeUndefined();
  const range = lines(traceFormula(model, '=IIJ.GUIDANCE("2Q01","Revenues","low")'));
  expect(range.get("Table")).toMatch(/\(page 2\)$/);
});

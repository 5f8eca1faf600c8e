/**
 * A later release is one more data file. This synthetic "2Q01 release" is TEST-ONLY data (its
 * figures are invented, not IIJ's): it restates 1Q01 revenue and adds 2Q01, to prove that
 * periods, FQ0, items and checks follow the registry, and that restatements resolve latest-first.
 */
import { RELEASE_2001_08_14 } from "../../src/data/releases/2001-08-14-1q01";
import type { Release } from "../../src/data/types";
import { IIJModel, periodKey, runChecks } from "../../src/model";

const SYNTHETIC_2Q01: Release = {
  id: "2001-11-13",
  title: "TEST ONLY: synthetic second release",
  date: "2001-11-13",
  latestQuarter: "2Q01",
  source: "test fixture",
  rate: { jpyPerUsd: "120.00", asOf: "2001-09-28", printed: "test" },
  tables: [
    {
      statement: "INCOME",
      title: "Consolidated Statements of Operations",
      page: "Appendix 1",
      unit: "JPY thousands",
      columns: [
        { header: "Sep 30, 2001 JPY", period: "2Q01", measure: "amount" },
        { header: "Jun 30, 2001 JPY", period: "1Q01", measure: "amount" },
      ],
      rows: [
        {
          id: "total_revenues",
          label: "Total revenues",
          section: "Revenues",
          cells: ["9,100,000", "8,332,900"],
        },
        {
          id: "operating_income",
          label: "Operating income (loss)",
          section: "",
          cells: ["10,000", "(299,814)"],
        },
        { id: "new_line", label: "Brand-new line", section: "Revenues", cells: ["1", "-"] },
      ],
    },
  ],
  guidance: {
    title: "Anticipated Financial Performance for the 3rd Quarter (JPY in millions)",
    page: "page 2",
    ranges: [
      {
        id: "revenues",
        label: "Revenues",
        period: "3Q01",
        unit: "JPY millions",
        range: "9,500 - 10,000",
      },
    ],
    outlooks: [],
  },
  repairs: [],
  inconsistencies: [],
};

const model = new IIJModel([SYNTHETIC_2Q01, RELEASE_2001_08_14]);

test("FQ0 and the period list follow the newest registered release", () => {
  expect(periodKey(model.latestQuarter)).toBe("2Q01");
  expect(model.statementAmount("INCOME", "FQ0", "Revenue").value.toString()).toBe("9100000");
  expect(model.statementAmount("INCOME", "FQ-1", "Revenue").value.toString()).toBe("8332900");
  expect(model.quarters("INCOME").map(periodKey)).toEqual(["1Q00", "4Q00", "1Q01", "2Q01"]);
});

test("a restated figure: latest wins, @first and @<release date> reach the original", () => {
  expect(model.statementAmount("INCOME", "1Q01", "Total revenues").value.toString()).toBe(
    "8332900"
  );
  expect(model.statementAmount("INCOME", "1Q01@first", "Total revenues").value.toString()).toBe(
    "8332898"
  );
  expect(
    model.statementAmount("INCOME", "1Q01@2001-08-14", "Total revenues").value.toString()
  ).toBe("8332898");
  expect(() => model.statementAmount("INCOME", "1Q01@2001-11-13", "Dedicated")).toThrow(
    /does not print this figure/
  );
});

test("new items and new labels join the catalogue; old labels still resolve", () => {
  expect(model.catalogue("INCOME").resolve("Brand-new line").id).toBe("new_line");
  expect(model.items("INCOME").find((i) => i.id === "operating_income")?.label).toBe(
    "Operating income (loss)"
  );
  expect(model.catalogue("INCOME").resolve("Operating loss").id).toBe("operating_income");
});

test("checks run on each release by itself", () => {
  const releasesChecked = new Set(runChecks(model).map((r) => r.release));
  expect(releasesChecked).toEqual(new Set(["2001-08-14", "2001-11-13"]));
});

test("guidance from the new release is reachable beside the old", () => {
  expect(model.guidancePeriodList().map(periodKey)).toEqual(["2Q01", "3Q01", "FY2001"]);
});

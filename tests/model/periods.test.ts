import {
  defaultModel,
  excelSerial,
  parsePeriod,
  periodKey,
  quarter,
  quarterEnd,
  isoDate,
} from "../../src/model";

const anchor = quarter(2001, 1);

describe("parsePeriod reads the forms analysts type", () => {
  test.each([
    ["1Q01", "1Q01"],
    ["1q01", "1Q01"],
    ["  1Q01 ", "1Q01"],
    ["Q1 FY2001", "1Q01"],
    ["q1fy01", "1Q01"],
    ["FY2001 Q1", "1Q01"],
    ["FY01 1Q", "1Q01"],
    ["1Q2001", "1Q01"],
    ["4Q00", "4Q00"],
    ["Q4 FY2000", "4Q00"],
    ["2001-06-30", "1Q01"],
    ["2001-03-31", "4Q00"],
    ["Jun 30, 2001", "1Q01"],
    ["June 30 2000", "1Q00"],
    ["6/30/2001", "1Q01"],
    [37072, "1Q01"],
    [36981, "4Q00"],
    [36707, "1Q00"],
    ["FQ0", "1Q01"],
    ["FQ-1", "4Q00"],
    ["FQ-4", "1Q00"],
    ["fq+1", "2Q01"],
    ["FY2001", "FY2001"],
    ["FY01", "FY2001"],
    ["1Q01@first", "1Q01"],
    ["JUNE 30, 2001", "1Q01"],
    ["jun. 30, 2001", "1Q01"],
    ["Sep 30, 2001", "2Q01"],
    ["September 30, 2001", "2Q01"],
    ["dec 31 2001", "3Q01"],
    ["March 31, 2001", "4Q00"],
  ])("%p is %s", (input, key) => {
    expect(periodKey(parsePeriod(input, anchor).period)).toBe(key);
  });

  test("@first and @<release date> choose the vintage", () => {
    expect(parsePeriod("4Q00@first", anchor).vintage).toEqual({ kind: "first" });
    expect(parsePeriod("4Q00 @ 2001-08-14", anchor).vintage).toEqual({
      kind: "release",
      id: "2001-08-14",
    });
    expect(parsePeriod("4Q00", anchor).vintage).toEqual({ kind: "latest" });
  });
});

describe("a bad period is an error value that says what is valid", () => {
  test.each([
    [true, "#VALUE!", /TRUE or FALSE/],
    [null, "#VALUE!", /required/],
    ["", "#VALUE!", /required/],
    ["5Q01", "#VALUE!", /not a period.*1Q01, Q1 FY2001/],
    ["Q1", "#VALUE!", /not a period/],
    ["2001-02-30", "#VALUE!", /not a valid date/],
    ["2001-06-29", "#N/A", /not a fiscal quarter end.*Jun 30, Sep 30, Dec 31 and Mar 31/],
    [37071, "#N/A", /not a fiscal quarter end/],
    [37072.5, "#VALUE!", /not an Excel date serial/],
    [-3, "#VALUE!", /not an Excel date serial/],
  ])("%p gives %s", (input, kind, message) => {
    expect.assertions(2);
    try {
      parsePeriod(input, anchor);
    } catch (e) {
      expect((e as { kind: string }).kind).toBe(kind);
      expect((e as Error).message).toMatch(message);
    }
  });
});

describe("a month is its full name or its three-letter abbreviation, nothing near them", () => {
  test.each([
    "Junk 30, 2001",
    "Junee 30, 2001",
    "Ju 30, 2001",
    "Jully 31, 2001",
    "Marc 31, 2001",
    "Marching 31, 2001",
    "Sept 30, 2001",
    "Septembre 30, 2001",
    "Decembers 31, 2001",
    "Mayday 31, 2001",
    // U+017F, the long s, upper-cases to "S": "ſep" looks like "Sep" once upper-cased.
    "\u017Fep 30, 2001",
  ])("%p is #VALUE! naming the month forms", (input) => {
    expect.assertions(3);
    try {
      parsePeriod(input, anchor);
    } catch (e) {
      expect((e as { kind: string }).kind).toBe("#VALUE!");
      expect((e as Error).message).toMatch(/is not a month/);
      expect((e as Error).message).toMatch(/"June" or "Jun"/);
    }
  });

  test('=IIJ.BALANCE("Junk 30, 2001","Cash") is no June balance', () => {
    expect(() => defaultModel().statementAmount("BALANCE", "Junk 30, 2001", "Cash")).toThrow(
      /"Junk" is not a month/
    );
  });
});

test("fiscal quarters end where IIJ's fiscal year (from April 1) puts them", () => {
  expect(isoDate(quarterEnd(quarter(2001, 1)))).toBe("2001-06-30");
  expect(isoDate(quarterEnd(quarter(2001, 2)))).toBe("2001-09-30");
  expect(isoDate(quarterEnd(quarter(2001, 3)))).toBe("2001-12-31");
  expect(isoDate(quarterEnd(quarter(2000, 4)))).toBe("2001-03-31");
  expect(excelSerial({ year: 2001, month: 6, day: 30 })).toBe(37072);
});

test("the latest release anchors FQ0 and lists the periods it prints", () => {
  const model = defaultModel();
  expect(periodKey(model.latestQuarter)).toBe("1Q01");
  expect(model.periods().map(periodKey)).toEqual(["1Q00", "4Q00", "1Q01", "2Q01", "FY2001"]);
  expect(model.quarters("BALANCE").map(periodKey)).toEqual(["1Q00", "4Q00", "1Q01"]);
});

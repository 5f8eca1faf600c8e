/**
 * A name that means different lines, with different figures, in different places is never picked
 * silently: where a statement narrows it, the line that statement prints (or an error listing the
 * meanings, when it prints none); where none does, IIJ's own metric, which SOURCE states first, or
 * an error listing the meanings. Values are the printed figures of the 1Q01 release.
 */
import { evaluateFormula } from "../../src/functions/formula-text";
import {
  AMBIGUOUS_NAMES,
  type LineStatement,
  TIES,
  type Term,
  defaultModel,
  isIIJError,
  nameKey,
  resolveAnyLine,
  resolveLineIn,
} from "../../src/model";

type Expected = number | { error: RegExp } | { source: RegExp };

/** [formula, expected]: a number, an error (always #VALUE!) whose message matches, or a citation. */
const CASES: readonly [string, Expected][] = [
  // EBITDA: Table 5 prints it; IIJ's footnote *1 defines it as operating income + D&A, and the two differ.
  ['=IIJ.KPI("1Q01","EBITDA")', 376],
  ['=IIJ.GROWTH("1Q01","EBITDA","QoQ")', 0.2745762711864407], // Table 5: 376 / 295 - 1
  ['=IIJ.MARGIN("1Q01","EBITDA")', 0.04512235719193971], // Table 5: 376,000 / 8,332,898
  [
    '=IIJ.INCOME("1Q01","EBITDA")',
    {
      error:
        /^"EBITDA" is ambiguous: it could be Table 5's printed EBITDA \(JPY millions\): "EBITDA" \(=IIJ\.KPI\(period,"EBITDA"\)\); or EBITDA by Table 5's footnote \*1.*"EBITDA as defined" \(=IIJ\.INCOME\(period,"EBITDA as defined"\)\)/,
    },
  ],
  ['=IIJ.INCOME("1Q01","EBITDA as defined")', 406649],
  [
    '=IIJ.SOURCE("1Q01","EBITDA")',
    {
      source:
        /^"EBITDA" is read as Table 5's printed EBITDA \(JPY millions\): IIJ's own reported EBITDA, the basis of its guidance\. It could also mean EBITDA by Table 5's footnote \*1.*printed 376 JPY millions/,
    },
  ],
  [
    '=IIJ.SOURCE("1Q01","EBITDA","KPI")',
    { source: /^IIJ earnings release.*printed 376 JPY millions/ },
  ],
  // Capex: IIJ's CAPEX includes capitalized leases (Table 5: 1,076 million); the cash flow's
  // purchases of property and equipment are the cash paid (179,145 thousand).
  ['=IIJ.KPI("1Q01","Capex")', 1076],
  ['=IIJ.KPI("1Q01","Capital expenditure")', 1076],
  ['=IIJ.GROWTH("1Q01","Capex","YoY")', 0.5685131195335277], // Table 5: 1,076 / 686 - 1
  [
    '=IIJ.CASHFLOW("1Q01","Capex")',
    {
      error:
        /^"Capex" is ambiguous: it could be IIJ's CAPEX, including capitalized leases \(Table 5, JPY millions\): "CAPEX" \(=IIJ\.KPI\(period,"CAPEX"\)\); or the cash flow's Purchase of property and equipment.*"Purchases of PP&E" \(=IIJ\.CASHFLOW\(period,"Purchases of PP&E"\)\)/,
    },
  ],
  [
    '=IIJ.CASHFLOW("1Q01","Capital expenditures")',
    { error: /^"Capital expenditures" is ambiguous/ },
  ],
  ['=IIJ.CASHFLOW("1Q01","Purchases of PP&E")', -179145],
  ['=IIJ.CASHFLOW("1Q01","Cash capex")', -179145],
  [
    '=IIJ.SOURCE("1Q01","Capex")',
    {
      source:
        /^"Capex" is read as IIJ's CAPEX, including capitalized leases \(Table 5, JPY millions\): IIJ's own CAPEX measure\. It could also mean the cash flow's Purchase of property and equipment.*row "CAPEX, including capitalized leases".*printed 1,076 JPY millions/,
    },
  ],
  // Other: the revenue line, and two cash-flow lines.
  ['=IIJ.INCOME("1Q01","Other")', 452126],
  [
    '=IIJ.CASHFLOW("1Q01","Other")',
    { error: /ambiguous in CASHFLOW.*operating_other.*investing_other/ },
  ],
  ['=IIJ.CASHFLOW("1Q01","operating_other")', -265574],
  [
    '=IIJ.GROWTH("1Q01","Other","YoY")',
    {
      error:
        /^"Other" is ambiguous: it could be the revenue line "Other": "Other revenues" \(=IIJ\.INCOME\(period,"Other revenues"\)\); or .*"operating_other" \(=IIJ\.CASHFLOW\(period,"operating_other"\)\); or .*"investing_other"/,
    },
  ],
  ['=IIJ.SOURCE("1Q01","Other")', { error: /^"Other" is ambiguous/ }],
  ['=IIJ.SOURCE("1Q01","Other","INCOME")', { source: /^IIJ earnings release.*printed 452,126/ }],
  // Investments in affiliates: a balance, and cash invested in the quarter.
  ['=IIJ.BALANCE("1Q01","Investments in affiliates")', 12690980],
  ['=IIJ.CASHFLOW("1Q00","Investments in affiliates")', -89017],
  [
    '=IIJ.GROWTH("1Q01","Investments in affiliates","QoQ")',
    {
      error:
        /^"Investments in affiliates" is ambiguous: .*"Affiliates" \(=IIJ\.BALANCE\(period,"Affiliates"\)\); or .*"Cash invested in affiliates" \(=IIJ\.CASHFLOW/,
    },
  ],
  ['=IIJ.CASHFLOW("1Q00","Cash invested in affiliates")', -89017],
  // Dedicated access services: the revenue line, and Table 3's bandwidth row of the same label.
  ['=IIJ.INCOME("1Q01","Dedicated access services")', 3386912],
  ['=IIJ.KPI("1Q01","Dedicated access services")', 4.6],
  ['=IIJ.GROWTH("1Q01","Dedicated access services","YoY")', 0.13378319841621067], // 3,386,912 / 2,987,266 - 1
  [
    '=IIJ.SOURCE("1Q01","Dedicated access services")',
    {
      source:
        /^"Dedicated access services" is read as the revenue of Dedicated access services \(statements of operations\): the statements are searched before the tables\. It could also mean Table 3's contracted bandwidth.*"Bandwidth".*printed 3,386,912 JPY thousands/,
    },
  ],
  // Names two statements print for one tied figure are not ambiguous, and get no note.
  [
    '=IIJ.SOURCE("1Q01","Net loss")',
    { source: /^IIJ earnings release.*Consolidated Statements of Operations/ },
  ],
  ['=IIJ.GROWTH("1Q01","D&A","QoQ")', -0.01073614047862434], // cash flow: 706,463 / 714,130 - 1
];

test.each(CASES)("%s", (formula, expected) => {
  const result = evaluateFormula(formula);
  if (typeof expected === "number") {
    expect(result).toBe(expected);
  } else if ("error" in expected) {
    expect(isIIJError(result) && result.kind).toBe("#VALUE!");
    expect(isIIJError(result) && result.message).toMatch(expected.error);
  } else {
    expect(isIIJError(result) ? result.toString() : result).toMatch(expected.source);
  }
});

describe("the table of ambiguous names", () => {
  const model = defaultModel();
  const meanings = AMBIGUOUS_NAMES.flatMap((entry) => entry.meanings);

  test.each(meanings.map((m) => [m.name, m.statement, m.id]))(
    "%p reaches %s %s alone, in its statement's function and with no statement",
    (name, statement, id) => {
      const inStatement = resolveLineIn(model, statement, name);
      expect([inStatement.statement, inStatement.id]).toEqual([statement, id]);
      const anywhere = resolveAnyLine(model, name).line;
      expect([anywhere.statement, anywhere.id]).toEqual([statement, id]);
    }
  );

  const tied = (a: Term, b: Term) =>
    TIES.some(
      (t) =>
        t.left.length === 1 &&
        t.right.length === 1 &&
        [t.left[0], t.right[0]].some((x) => x.statement === a.statement && x.row === a.row) &&
        [t.left[0], t.right[0]].some((x) => x.statement === b.statement && x.row === b.row)
    );

  test("every name two statements share is for one tied figure, or is listed as ambiguous", () => {
    const listed = new Set(AMBIGUOUS_NAMES.flatMap((entry) => entry.names.map(nameKey)));
    const statements: LineStatement[] = ["INCOME", "BALANCE", "CASHFLOW", "KPI"];
    const unlisted: string[] = [];
    for (const s of statements) {
      const catalogue = model.catalogue(s);
      for (const item of catalogue.items) {
        for (const name of [item.id, ...item.printedLabels, ...catalogue.aliasesOf(item.id)]) {
          for (const other of statements.filter((o) => o !== s)) {
            for (const id of model.catalogue(other).idsNamed(name)) {
              const here = { statement: s, row: item.id };
              if (!tied(here, { statement: other, row: id }) && !listed.has(nameKey(name)))
                unlisted.push(`"${name}": ${s} ${item.id} and ${other} ${id}`);
            }
          }
        }
      }
    }
    expect(unlisted).toEqual([]);
  });
});

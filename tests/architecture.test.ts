/**
 * The architecture is enforced by `npm run lint`: the PARTS table in eslint.config.mjs. Each case
 * lints a line of code as if it were a file at `file`, with the repository's own config, through
 * ESLint's Node API. ESLint loads eslint.config.mjs with import(), which Jest's module sandbox
 * refuses (it would need --experimental-vm-modules), so one child node runs one ESLint for all the
 * cases at once.
 */
import { execFileSync } from "child_process";
import path from "path";

const root = path.join(__dirname, "..");

const LINT_ALL = `
const { ESLint } = require("eslint");
const path = require("path");
const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: "eslint.config.mjs" });
const samples = JSON.parse(require("fs").readFileSync(0, "utf8"));
Promise.all(
  samples.map(async ({ file, code }) => {
    const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
    return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
  })
).then((results) => process.stdout.write(JSON.stringify(results)));
`;

interface Problem {
  ruleId: string | null;
  message: string;
}

/** What ESLint reports for each sample, in order: one child process, one ESLint instance. */
function lintAll(samples: { file: string; code: string }[]): Problem[][] {
  const output = execFileSync(process.execPath, ["-e", LINT_ALL], {
    cwd: root,
    input: JSON.stringify(samples),
    encoding: "utf8",
  });
  return JSON.parse(output);
}

// The folder of the file (linted as <folder>/_probe.ts, or .mjs), its import, and the architecture
// rule that import breaks (undefined: an allowed arrow).
const cases: [string, string, string | undefined][] = [
  ["src/model", 'import "../sheet/plan";', "src/model -/-> src/sheet"],
  ["src/model", 'export { LIBRARY } from "../functions/library";', "src/model -/-> src/functions"],
  ["src/model", 'import type { P } from "../../src/sheet/plan";', "src/model -/-> src/sheet"],
  ["src/model", 'export type P = typeof import("../sheet/plan");', "src/model -/-> src/sheet"],
  ["src/model/deep/er", 'import "../../../sheet/plan";', "src/model -/-> src/sheet"],
  ["src/model/deep/er", 'import "../../sheet/plan";', undefined], // src/model/sheet/plan
  ["src/model", 'import "../../dev/excel-host/double";', "src/model -/-> dev"],
  ["src/model", 'import { RELEASES } from "../data";', undefined],
  ["src/model", 'import Decimal from "decimal.js";', undefined],
  ["src/data", 'import { Decimal } from "../model";', "src/data -/-> src/model"],
  ["src/data/releases", 'import { Decimal } from "../../model";', "src/data -/-> src/model"],
  ["src/data/releases", 'import type { Release } from "../types";', undefined],
  ["src/sheet", 'import type { Measure } from "../data/types";', "src/sheet -/-> src/data"],
  ["src/sheet", 'import { FakeExcel } from "../../tests/fakes/excel";', "src/sheet -/-> tests"],
  ["src/sheet", 'import { defaultModel } from "../model";', undefined],
  ["src/sheet", 'import "./plan";', undefined],
  ["src/functions", 'import "../sheet/plan";', "src/functions -/-> src/sheet"],
  ["src/taskpane", 'import { formulaFor } from "../cli/formula";', "src/taskpane -/-> src/cli"],
  ["src/taskpane", 'import type { Release } from "../data/types";', "src/taskpane -/-> src/data"],
  ["src/taskpane", 'import { LIBRARY } from "../functions/library";', undefined],
  ["src/taskpane", 'import { planModelSheet } from "../sheet/plan";', undefined],
  ["src/cli", 'import "../taskpane/trace";', "src/cli -/-> src/taskpane"],
  ["src/cli", 'import { writeXlsx } from "../sheet/xlsx-writer";', undefined],
  ["dev/excel-host", 'import { FakeExcel } from "../../tests/fakes/excel";', "dev -/-> tests"],
  ["dev/excel-host", 'import { planModelSheet } from "../../src/sheet/plan";', undefined],
  ["bench", 'import { install } from "../tests/fakes/custom-functions";', "bench -/-> tests"],
  ["scripts", 'const { fuzz } = require("../tests/fuzz/property.ts");', "scripts -/-> tests"],
  ["scripts", 'await import("../tests/fuzz/property.ts");', "scripts -/-> tests"],
  ["scripts", 'require("../bench/register.cjs");', undefined],
  ["tests/sheet", 'import { FakeExcel } from "../../dev/excel-host/fake-excel";', undefined],
  ["tests", 'import { fuzz } from "./fuzz/property";', undefined],
];
const probe = (folder: string) => `${folder}/_probe.${folder === "scripts" ? "mjs" : "ts"}`;

/** A function of `lines` lines in all, counting its first and last. */
const functionOf = (lines: number) =>
  `export function long(): number {\n${"  let x = 0;\n".repeat(lines - 3)}  return 0;\n}\n`;

// The folder, the length of a function there, and whether max-lines-per-function rejects it.
const lengths: [string, number, boolean][] = [
  ["src/model", 81, true],
  ["src/model", 80, false],
  ["src/sheet", 120, true],
  ["src/data/releases", 200, false], // the releases' data files are exempt
];

let importProblems: Problem[][];
let lengthProblems: Problem[][];
beforeAll(() => {
  const results = lintAll([
    ...cases.map(([folder, code]) => ({ file: probe(folder), code })),
    ...lengths.map(([folder, lines]) => ({ file: probe(folder), code: functionOf(lines) })),
  ]);
  importProblems = results.slice(0, cases.length);
  lengthProblems = results.slice(cases.length);
}, 60_000);

const ARCHITECTURE_RULES = ["no-restricted-imports", "no-restricted-syntax"];

test.each(cases.map((testCase, index) => [...testCase, index] as const))(
  "%s: %s",
  (_folder, _code, rule, index) => {
    const problems = importProblems[index];
    expect(problems.filter(({ ruleId }) => ruleId === null)).toEqual([]); // it parsed
    const found = problems
      .filter(({ ruleId }) => ruleId !== null && ARCHITECTURE_RULES.includes(ruleId))
      .map(({ ruleId, message }) => `${ruleId}: ${message}`);
    if (rule === undefined) {
      expect(found).toEqual([]);
    } else {
      expect(found).toEqual([
        expect.stringMatching(`^no-restricted-\\w+: .*Architecture rule "${rule}": `),
      ]);
    }
  }
);

test.each(lengths.map((testCase, index) => [...testCase, index] as const))(
  "%s: a function of %d lines is rejected: %s",
  (_folder, _lines, rejected, index) => {
    const found = lengthProblems[index].filter(({ ruleId }) => ruleId === "max-lines-per-function");
    expect(found.length).toBe(rejected ? 1 : 0);
  }
);

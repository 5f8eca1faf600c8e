/** The examples in the README and the shipped help page are evaluated, so the docs stay true. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateFormula } from "../src/functions/formula-text";

const read = (path: string) => readFileSync(join(__dirname, "..", path), "utf8");

const helpExamples = [
  ...read("src/help/help.html").matchAll(
    /<code>(=IIJ\.[^<]+)<\/code> &rarr; <output>([^<]+)<\/output>/g
  ),
].map((m) => [m[1].replace(/&amp;/g, "&"), m[2]]);
const readmeExamples = [
  ...read("README.md").matchAll(/^\| [^|]*\| `(=IIJ\.[^`]+)` \| (-?[\d.]+)\b/gm),
].map((m) => [m[1], m[2]]);

test("the docs have examples to check", () => {
  expect(helpExamples.length).toBeGreaterThanOrEqual(14);
  expect(readmeExamples.length).toBeGreaterThanOrEqual(8);
});

test.each(helpExamples)("help.html: %s gives %s", (formula, expected) => {
  expect(String(evaluateFormula(formula))).toBe(expected);
});

test.each(readmeExamples)("README: %s gives %s", (formula, expected) => {
  expect(String(evaluateFormula(formula))).toBe(expected);
});

test("the README documents every function with an example", () => {
  const readme = read("README.md");
  for (const name of [
    "REVENUE",
    "COST",
    "INCOME",
    "BALANCE",
    "CASHFLOW",
    "KPI",
    "GUIDANCE",
    "GROWTH",
    "MARGIN",
    "STATEMENT",
    "PERIODS",
    "ITEMS",
    "SOURCE",
    "FXRATE",
  ]) {
    expect([name, readme.includes(`\`=IIJ.${name}(`)]).toEqual([name, true]);
  }
});

describe("the README names every system package the tests need, and what npm start leaves running", () => {
  // What .ci/run installs, each with the first test command after it: read from the script.
  const lines = read(".ci/run").split("\n");
  const NPM = /^npm (run )?[a-z0-9:]+/;
  const installed = lines.flatMap((line, i) => {
    const pkg = /apt-get install -y --no-install-recommends ([a-z0-9.+-]+)/.exec(line)?.[1];
    const next = lines.slice(i + 1).find((l) => NPM.test(l));
    return pkg && next ? [[pkg, (NPM.exec(next) as RegExpExecArray)[0]] as const] : [];
  });
  const readme = read("README.md");
  const table = readme.slice(
    readme.indexOf("System packages the tests need"),
    readme.indexOf("Nothing else: no network")
  );

  test(".ci/run installs LibreOffice before npm test and Chromium before the end-to-end tests", () => {
    expect(installed).toEqual([
      ["libreoffice-calc", "npm test"],
      ["chromium", "npm run test:e2e"],
    ]);
  });

  test.each(installed.map(([pkg, command]) => [pkg, command]))(
    "the README's table names %s, needed by %s",
    (pkg, command) => {
      const row = table.split("\n").find((line) => line.startsWith(`| \`${pkg}\``));
      expect(row).toContain(`\`${command}\``);
    }
  );

  test("the README says what npm start leaves running or on disk, and what npm stop does about it", () => {
    expect(readme).toMatch(
      /What `npm start` leaves running or on disk, and what `npm stop` does about it:/
    );
  });
});

// ESLint flat config, picked up by `office-addin-lint check` (npm run lint).
import officeAddins from "eslint-plugin-office-addins";
// The plugin's recommended config loses its parser (a CJS default-import mismatch) and falls back
// to espree, which cannot read TypeScript; office-addin-lint's own default config sets it again too.
import tsParser from "@typescript-eslint/parser";
import path from "node:path";

const typescriptEslintRecommended = officeAddins.configs.recommended.find(
  (config) => config.plugins?.["@typescript-eslint"]
).plugins["@typescript-eslint"].configs["eslint-recommended"];

const readonly = (names) => Object.fromEntries(names.map((name) => [name, "readonly"]));

const browserGlobals = readonly(["window", "document", "console", "HTMLElement", "navigator"]);
const officeGlobals = readonly(["Office", "Excel", "CustomFunctions", "OfficeRuntime"]);
const nodeGlobals = readonly([
  "require",
  "module",
  "exports",
  "process",
  "console",
  "Buffer",
  "__dirname",
  "__filename",
  "setTimeout",
  "clearTimeout",
  "URL",
]);

// The architecture: the parts of the code and what each may import besides itself and npm
// packages. Written once, here; the per-folder rules below are generated from this table, and the
// README's "Layout" section draws the same parts and arrows (keep the two together). Data flows one
// way: data <- model <- (sheet | functions) <- (taskpane | cli); the tooling uses src/, and
// nothing but the tests uses tests/.
const PARTS = {
  "src/data": {
    mayImport: [],
    why: "the releases as printed, with their sources; nothing is computed there",
  },
  "src/model": {
    mayImport: ["src/data"],
    why: "the pure domain over the printed data: no Office, no sheet, no pane, no CLI",
  },
  "src/sheet": {
    mayImport: ["src/model"],
    why: "the sheet plan and its writers read the releases through the model only",
  },
  "src/functions": {
    mayImport: ["src/model"],
    why: "the custom functions are thin adapters over the model",
  },
  "src/taskpane": {
    mayImport: ["src/model", "src/sheet", "src/functions"],
    why: "the pane writes the sheet and hosts the functions in the shared runtime; what it shares with the CLI belongs in the model or the functions",
  },
  "src/cli": {
    mayImport: ["src/model", "src/sheet", "src/functions"],
    why: "the CLI evaluates the functions and exports the sheet; it reads data through the model",
  },
  dev: { mayImport: ["src", "bench", "scripts"], why: "development tools over the shipped code" },
  bench: { mayImport: ["src", "dev", "scripts"], why: "benchmarks of the shipped code" },
  scripts: { mayImport: ["src", "dev", "bench"], why: "npm and CI scripts over the shipped code" },
  tests: { mayImport: ["src", "dev", "bench", "scripts"], why: "the tests may use everything" },
};
// "src" in mayImport means every part under src/.
const covers = (entry, part) => part === entry || part.startsWith(`${entry}/`);

// Import specifiers are relative, so what `../sheet` means depends on how deep the importing file
// sits below its part: the rules are generated for each depth up to MAX_NESTING, and a file nested
// deeper is refused outright rather than left unchecked.
const MAX_NESTING = 5;
const EXTENSIONS = "{ts,js,mjs,cjs}";

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regex for every relative specifier that, written in a file `nesting` folders below `part`,
 * names `target` or a file in it: `../sheet`, `../sheet/plan`, `./../sheet`, `../../src/sheet`. */
function targetRegex(part, target, nesting) {
  const up = (count) => escapeRegex("../".repeat(count));
  const fromPart = escapeRegex(path.posix.relative(part, target)); // e.g. ../sheet, ../../tests
  const fromRoot = up(part.split("/").length) + escapeRegex(target); // e.g. ../../src/sheet
  const names = fromPart === fromRoot ? fromPart : `${fromPart}|${fromRoot}`;
  return `^(?:\\./)?${up(nesting)}(?:${names})(?:/|$)`;
}

function architectureMessage(part, target) {
  const { mayImport, why } = PARTS[part];
  const allowed = mayImport.length
    ? `only ${mayImport.join(", ")}`
    : "nothing else of the repository";
  return (
    `Architecture rule "${part} -/-> ${target}": ${part} may import ${allowed} (${why}). ` +
    `The parts and arrows: PARTS in eslint.config.mjs, README "Layout".`
  );
}

/** One config block per part and depth: no-restricted-imports for import and export ... from
 * (type-only ones too), no-restricted-syntax for require(), import() and import("...") types. */
function architectureBlocks() {
  const blocks = [];
  for (const [part, { mayImport }] of Object.entries(PARTS)) {
    const forbidden = Object.keys(PARTS).filter(
      (other) => other !== part && !mayImport.some((entry) => covers(entry, other))
    );
    if (forbidden.length === 0) continue;
    for (let nesting = 0; nesting <= MAX_NESTING; nesting++) {
      const arrows = forbidden.map((target) => ({
        regex: targetRegex(part, target, nesting),
        message: architectureMessage(part, target),
      }));
      // esquery regex literals end at the first "/", so the slashes are written as \x2F there.
      const selectorRegex = (regex) => "/" + regex.replaceAll("/", "\\x2F") + "/";
      const calls = arrows.flatMap(({ regex, message }) =>
        [
          `CallExpression[callee.name="require"][arguments.0.value=${selectorRegex(regex)}]`,
          `ImportExpression[source.value=${selectorRegex(regex)}]`,
          `TSImportType[argument.literal.value=${selectorRegex(regex)}]`,
        ].map((selector) => ({ selector, message }))
      );
      blocks.push({
        files: [`${part}/${"*/".repeat(nesting)}*.${EXTENSIONS}`],
        rules: {
          "no-restricted-imports": ["error", { patterns: arrows }],
          "no-restricted-syntax": ["error", ...calls],
        },
      });
    }
    blocks.push({
      files: [`${part}/${"*/".repeat(MAX_NESTING + 1)}**/*.${EXTENSIONS}`],
      rules: {
        "no-restricted-syntax": [
          "error",
          {
            selector: "Program",
            message: `Architecture rules are checked ${MAX_NESTING} folders deep below a part: raise MAX_NESTING in eslint.config.mjs.`,
          },
        ],
      },
    });
  }
  return blocks;
}

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "lo-profile/**", "tmp/**"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.{ts,js,mjs,cjs}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      globals: { ...browserGlobals, ...officeGlobals, ...nodeGlobals },
    },
  },
  {
    // Core rules that TypeScript checks better itself (tsc --noEmit) or misreads in TS, such as
    // no-undef on types and no-redeclare on a type and a value of one name: typescript-eslint's
    // "eslint-recommended" list, taken from the plugin the recommended config already loads.
    files: ["**/*.ts"],
    rules: typescriptEslintRecommended.overrides[0].rules,
  },
  {
    // Security (SECURITY.md): no code from strings, no HTML from strings; the pane writes text
    // with textContent and builds elements with createElement.
    files: ["src/**/*.{ts,js}"],
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-properties": [
        "error",
        ...["innerHTML", "outerHTML"].map((property) => ({
          property,
          message: "Set textContent or build elements: HTML from strings can run script.",
        })),
        { property: "insertAdjacentHTML", message: "Use insertAdjacentElement or textContent." },
        { object: "document", property: "write", message: "Build elements instead." },
        { object: "document", property: "writeln", message: "Build elements instead." },
      ],
    },
  },
  {
    // No function in src/ longer than 80 lines, every line counted (issue 12); the releases' data
    // files are tables, not functions, and are exempt.
    files: ["src/**/*.ts"],
    ignores: ["src/data/releases/**"],
    rules: {
      "max-lines-per-function": [
        "error",
        { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true },
      ],
    },
  },
  // After every block that could set no-restricted-imports or no-restricted-syntax: a later block
  // replaces a rule's options, it does not add to them.
  ...architectureBlocks(),
  {
    files: ["webpack.config.js", "jest.config.js", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
];

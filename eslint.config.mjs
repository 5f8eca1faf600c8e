// ESLint flat config, picked up by `office-addin-lint check` (npm run lint).
import officeAddins from "eslint-plugin-office-addins";
// The plugin's recommended config loses its parser (a CJS default-import mismatch) and falls back
// to espree, which cannot read TypeScript; office-addin-lint's own default config sets it again too.
import tsParser from "@typescript-eslint/parser";

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
    files: ["webpack.config.js", "jest.config.js", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
];

/**
 * A tiny require hook that lets `node --require ./bench/register.cjs bench/run.ts` run the
 * TypeScript sources as they are: each .ts file is transpiled by @swc/core (already a dev
 * dependency, through jest) to CommonJS on load, as jest does. No type-checking here: that is
 * `npm run typecheck`. Used by the benchmarks and by scripts/fuzz.mjs; the add-in and the CLI are
 * built by webpack.
 */
const { transformSync } = require("@swc/core");
const { readFileSync } = require("node:fs");

require.extensions[".ts"] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, "utf8"), {
    filename,
    jsc: { parser: { syntax: "typescript" }, target: "es2020" },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  });
  module._compile(code, filename);
};

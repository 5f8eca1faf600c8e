/** Jest runs the TypeScript tests under node, transpiled by swc (no type-checking: see typecheck). */
module.exports = {
  testEnvironment: "node",
  // Jest's default on a 2-core machine is one worker; two finish the suite in about 3/4 the time.
  maxWorkers: 2,
  // A few tests build a model, run ingest or start exceljs several times: on a busy 2-core machine
  // they take seconds, so jest's default 5 s would fail them for the machine's load, not the code.
  testTimeout: 30_000,
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript" }, target: "es2020" },
        module: { type: "commonjs" },
        sourceMaps: "inline",
      },
    ],
  },
};

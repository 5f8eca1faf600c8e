/**
 * Run in a fresh process by bench/startup.ts: loads the production bundle as Excel's shared runtime
 * does (the scripts dist/taskpane.html lists, in order, up to functions.js; taskpane.js is the
 * pane's UI), then asks IIJ.INCOME("1Q01","Total revenues") through the function the bundle
 * registered with CustomFunctions.associate. Prints one JSON line of timings in milliseconds.
 */
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");
const vm = require("node:vm");

const dist = process.argv[2];
const html = readFileSync(join(dist, "taskpane.html"), "utf8");
const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
  .map((m) => m[1])
  .filter((src) => !/^https?:/.test(src));
const upToFunctions = scripts.slice(0, scripts.indexOf("functions.js") + 1);

const associated = new Map();
class CustomFunctionsError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}
globalThis.self = globalThis;
globalThis.CustomFunctions = {
  associate: (id, fn) => associated.set(id, fn),
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};

const t0 = performance.now();
for (const file of upToFunctions) {
  const path = join(dist, file);
  vm.runInThisContext(readFileSync(path, "utf8"), { filename: path });
}
const t1 = performance.now();
const answer = associated.get("INCOME")("1Q01", "Total revenues", null);
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({
    scripts: upToFunctions,
    answer,
    loadMs: t1 - t0,
    firstCallMs: t2 - t1,
    firstAnswerMs: t2 - t0,
  }) + "\n"
);

// `npm run docs:screenshots`: refresh the screenshots the README shows (docs/screenshots), on
// purpose. The end-to-end tests save theirs under tmp/screenshots, which git ignores, so that a
// test run leaves the working tree clean; this runs them (`npm run test:e2e`) and copies each
// screenshot the README has over its copy in docs/screenshots. With `--no-run`, it copies what the
// last run saved instead. Then review the images and commit them.

import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const saved = join(root, "tmp", "screenshots");
const docs = join(root, "docs", "screenshots");

const run = !process.argv.includes("--no-run");
const started = Date.now();
if (run) {
  const e2e = spawnSync("npm", ["run", "test:e2e"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (e2e.status !== 0) {
    console.error("The end-to-end tests failed: docs/screenshots is left as it was.");
    process.exit(e2e.status ?? 1);
  }
}

const shown = readdirSync(docs).filter((name) => name.endsWith(".png"));
// Only screenshots this run saved (or, with --no-run, any the last run saved).
const fresh = (file) => existsSync(file) && (!run || statSync(file).mtimeMs >= started - 1_000);
const missing = shown.filter((name) => !fresh(join(saved, name)));
if (missing.length > 0) {
  console.error(
    `No new ${missing.join(", ")} in ${relative(root, saved)}: docs/screenshots is left as it was.`
  );
  process.exit(1);
}
for (const name of shown) {
  const from = join(saved, name);
  const to = join(docs, name);
  const same = readFileSync(from).equals(readFileSync(to));
  if (!same) copyFileSync(from, to);
  console.log(`${same ? "unchanged" : "updated  "} ${relative(root, to)}`);
}
const unshown = existsSync(saved)
  ? readdirSync(saved).filter((name) => name.endsWith(".png") && !shown.includes(name))
  : [];
if (unshown.length > 0)
  console.log(
    `Not in the README (copy by hand to docs/screenshots if it is to show them): ${unshown.join(", ")}`
  );

// Offline checks of an XML add-in manifest: well-formedness, then office-addin-manifest's summary.
// (`office-addin-manifest validate` needs a Microsoft web service; the structure is tested in
// tests/manifest.test.ts.) Usage: node scripts/validate-manifest.mjs [manifest.xml]

import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { XMLValidator } from "fast-xml-parser";

const manifestPath = process.argv[2] ?? "manifest.xml";
const result = XMLValidator.validate(readFileSync(manifestPath, "utf8"));
if (result !== true) {
  const { code, msg, line, col } = result.err;
  console.error(`${manifestPath}:${line}:${col}: ${code}: ${msg}`);
  process.exit(1);
}
console.log(`${manifestPath}: well-formed XML`);

const info = spawnSync("npx", ["--no-install", "office-addin-manifest", "info", manifestPath], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
process.exit(info.status ?? 1);

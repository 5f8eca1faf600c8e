// Checks an XML add-in manifest: well-formedness and office-addin-manifest's summary (offline; the
// structure is tested in tests/manifest.test.ts), then Microsoft's validator, which is a web
// service: where it cannot be reached this says so and does not fail.
// Usage: node scripts/validate-manifest.mjs [manifest.xml]

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

const officeAddinManifest = (command) =>
  spawnSync("npx", ["--no-install", "office-addin-manifest", command, manifestPath], {
    encoding: "utf8",
    shell: process.platform === "win32",
  });

const info = officeAddinManifest("info");
process.stdout.write(info.stdout ?? "");
process.stderr.write(info.stderr ?? "");
if (info.status !== 0) process.exit(info.status ?? 1);

const validation = officeAddinManifest("validate");
const said = `${validation.stdout ?? ""}${validation.stderr ?? ""}`;
if (validation.status === 0 && /The manifest is valid/i.test(said)) {
  process.stdout.write(said);
} else if (
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|network|Unable to validate/i.test(said)
) {
  console.log(
    "Microsoft's manifest validator (a web service) could not be reached: skipped. " +
      "The manifest's structure is checked offline by tests/manifest.test.ts."
  );
} else {
  process.stdout.write(said);
  process.exit(validation.status || 1);
}

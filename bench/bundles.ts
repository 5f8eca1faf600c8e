/**
 * The production bundle: the size of every file in dist/ that ships (not source maps, not the
 * CLI in dist/cli), raw and gzip-compressed, and how many copies of decimal.js the shipped
 * JavaScript holds (counted by a string decimal.js has exactly once: its error prefix).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

const DECIMAL_JS_MARK = "[DecimalError]";

function shippedFiles(dist: string, dir = dist): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return relative(dist, path) === "cli" ? [] : shippedFiles(dist, path);
    return name.endsWith(".map") ? [] : [path];
  });
}

export function measureBundles(dist: string): { files: BundleFile[]; decimalJsCopies: number } {
  let decimalJsCopies = 0;
  const files = shippedFiles(dist)
    .sort()
    .map((path) => {
      const content = readFileSync(path);
      if (path.endsWith(".js"))
        decimalJsCopies += content.toString("utf8").split(DECIMAL_JS_MARK).length - 1;
      return {
        file: relative(dist, path).split("\\").join("/"),
        bytes: content.length,
        gzipBytes: gzipSync(content, { level: 9 }).length,
      };
    });
  return { files, decimalJsCopies };
}

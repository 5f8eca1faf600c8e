/**
 * iij-model ingest FILE [--data-dir DIR] [--force]: reads a release's text, settles its figures by
 * the release's own arithmetic (src/model/ingest) and writes the release as one JSON data file in
 * DIR, whole or not at all. Exit status 0: every figure settled; 1: some unresolved (the file is
 * still written, and says which), or the file could not be read or written; 2: the text is not a
 * release, or bad usage.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { formatSummary, ingestRelease, releaseFileName, releaseToJson } from "../model/ingest";
import { DATA_DIR_VARIABLE, dataFiles } from "./data-dir";
import { writeFileAtomically } from "./files";
import { CommandError, type Io, UsageError } from "./io";
import { parseOptions } from "./options";

export const INGEST_HELP = `Usage: iij-model ingest FILE [--data-dir DIR] [--force]

Reads the text of one of IIJ's earnings releases (OCR output: pipe tables, headings, prose), finds
its statements of operations, balance sheets, cash flows, Tables 1-5 and guidance, and settles every
figure by the release's own arithmetic: footings, ties between statements, USD = JPY / rate, % of
total, YOY/QOQ changes and per-share figures. OCR faults (a separator read as "." or " ", a misread
digit, figures on the heading above, a lost or shifted cell) are repaired only where the arithmetic
leaves one reading; any other figure is marked unresolved, with its candidates. Prints the summary:
figures read, repairs with their arithmetic, the release's own inconsistencies, unresolved cells.

Writes DIR/<date>-<quarter>.json (DIR: --data-dir, else $${DATA_DIR_VARIABLE}), through a temporary
file renamed into place. A release already in DIR is replaced only with --force.

Exit status 0 if every figure is settled; 1 if some are unresolved (the file is written, marked),
or FILE cannot be read, or DIR cannot be written, or holds the release and --force is not given;
2 if the text is not a release (the reason is printed) or for bad usage.

Example: iij-model ingest release-2q01.txt --data-dir data`;

function dataDir(flag: string | undefined): string {
  const dir = flag ?? process.env[DATA_DIR_VARIABLE];
  if (!dir)
    throw new UsageError(`ingest needs a data directory: --data-dir DIR, or $${DATA_DIR_VARIABLE}`);
  return dir;
}

function readSource(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Where the release goes: the file already holding it (replaced with --force only), else its own name. */
function targetFor(dir: string, id: string, fileName: string, force: boolean): string {
  const holding = dataFiles(dir).find((f) => {
    try {
      return (JSON.parse(f.text) as { id?: unknown }).id === id;
    } catch {
      return false;
    }
  });
  if (holding && !force)
    throw new CommandError(
      `${holding.path} already holds the release of ${id}; add --force to replace it`
    );
  return holding?.path ?? join(dir, fileName);
}

export async function ingestCommand(args: string[], io: Io): Promise<number> {
  const { positional, flags, switches } = parseOptions(args, {
    command: "ingest",
    values: ["data-dir"],
    switches: ["force"],
    positional: true,
  });
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0
        ? "ingest needs the release's text file"
        : `ingest takes one file; got ${positional.join(" ")}`
    );
  const [file] = positional;
  const dir = dataDir(flags.get("data-dir"));
  const result = ingestRelease(readSource(file), { sourceName: basename(file) });
  for (const line of formatSummary(result.summary)) io.out(line);
  if (result.status === "not a release" || !result.release) {
    io.err(
      `iij-model ingest: ${file} is not a release it can read: ${result.reason ?? "unreadable"}`
    );
    return 2;
  }
  const force = switches.has("force");
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CommandError(`cannot create ${dir}: ${(error as Error).message}`);
  }
  const path = targetFor(dir, result.release.id, releaseFileName(result.release), force);
  await writeFileAtomically(
    io.files,
    path,
    new TextEncoder().encode(releaseToJson(result.release)),
    force
  );
  io.out(
    `wrote ${path}${result.status === "unresolved" ? " (some figures unresolved: see above)" : ""}`
  );
  return result.status === "settled" ? 0 : 1;
}

/**
 * A data directory of releases: one JSON file per release, as `iij-model ingest` writes them. The
 * reading and validation are the model's (`releasesFromJson`); this is only the file system.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Release } from "../model";
import { releasesFromJson } from "../model/ingest";
import { CommandError } from "./io";

/** The environment variable that names the data directory when --data-dir is not given. */
export const DATA_DIR_VARIABLE = "IIJ_DATA_DIR";

export interface DataFile {
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

/** The directory's *.json files, by name; none for a directory that does not exist yet. */
export function dataFiles(dir: string): DataFile[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new CommandError(`cannot read the data directory ${dir}: ${(error as Error).message}`);
  }
  return names.map((name) => {
    const path = join(dir, name);
    try {
      return { name, path, text: readFileSync(path, "utf8") };
    } catch (error) {
      throw new CommandError(`cannot read ${path}: ${(error as Error).message}`);
    }
  });
}

/** The releases of a data directory, validated; every problem of every file in one error. */
export function loadDataDir(dir: string): Release[] {
  const files = dataFiles(dir);
  try {
    return releasesFromJson(
      files.map((f) => f.text),
      files.map((f) => f.name)
    );
  } catch (error) {
    throw new CommandError(`${dir}: ${(error as Error).message}`);
  }
}

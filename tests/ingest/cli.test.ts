/**
 * iij-model ingest FILE --data-dir DIR [--force]: one JSON data file per release, written whole,
 * never over a release already there without --force; exit 0 settled, 1 unresolved (written,
 * marked), 2 not a release. The data directory reads back through the model.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDataDir } from "../../src/cli/data-dir";
import { nodeFiles } from "../../src/cli/files";
import { ingestCommand } from "../../src/cli/ingest";
import { CommandError, UsageError } from "../../src/cli/io";
import { RELEASE_2001_08_14 as bundled } from "../../src/data/releases/2001-08-14-1q01";
import { IIJModel } from "../../src/model";
import { editCell } from "./damage";

const SEED = join(__dirname, "../../src/data/releases/2001-08-14-1q01.source.txt");
const NEXT = join(__dirname, "cases/sample-next/release.txt");

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    out: (l: string) => out.push(l),
    err: (l: string) => err.push(l),
    stdin: () => "",
    files: nodeFiles,
  };
  const status = await ingestCommand(args, io);
  return { status, out: out.join("\n"), err: err.join("\n") };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "iij-ingest-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("the seed into an empty directory: exit 0, one file, the bundled figures", async () => {
  const { status, out } = await run([SEED, "--data-dir", dir]);
  expect(status).toBe(0);
  expect(out).toContain("release 2001-08-14 (latest quarter 1Q01): settled");
  expect(out).toContain(`wrote ${join(dir, "2001-08-14-1q01.json")}`);
  expect(readdirSync(dir)).toEqual(["2001-08-14-1q01.json"]);
  const [release] = loadDataDir(dir);
  expect(release.tables).toEqual(bundled.tables);
});

test("the summary lists each repair with its arithmetic and each inconsistency", async () => {
  const { out } = await run([SEED, "--data-dir", dir]);
  expect(out).toContain(
    `647 figures read; ${bundled.repairs.length} repairs; ${bundled.inconsistencies.length} inconsistencies of the release's own; 0 unresolved`
  );
  expect(out).toMatch(/repair INCOME total_value_added_services \[0\]: OCR "7\.064" -> "7,064"\./);
  expect(out).toMatch(/noted ebitda-definition 1Q01 ebitda: .*406\.649 JPY millions; printed 376/);
});

test("a release already in the directory is replaced only with --force", async () => {
  await run([SEED, "--data-dir", dir]);
  await expect(run([SEED, "--data-dir", dir])).rejects.toThrow(CommandError);
  await expect(run([SEED, "--data-dir", dir])).rejects.toThrow(
    /already holds the release of 2001-08-14; add --force/
  );
  const path = join(dir, "2001-08-14-1q01.json");
  writeFileSync(path, readFileSync(path, "utf8").replace('"title": "IIJ', '"title": "Old IIJ'));
  expect((await run([SEED, "--data-dir", dir, "--force"])).status).toBe(0);
  expect(loadDataDir(dir)[0].title).toBe(bundled.title);
});

test("two releases, one file each, read back as one model", async () => {
  await run([SEED, "--data-dir", dir]);
  expect((await run([NEXT, "--data-dir", dir])).status).toBe(0);
  expect(readdirSync(dir).sort()).toEqual(["2001-08-14-1q01.json", "2001-11-13-2q01.json"]);
  const model = new IIJModel(loadDataDir(dir));
  expect(model.latestRelease.latestQuarter).toBe("2Q01");
});

test("some figures unresolved: exit 1, the file still written, marked", async () => {
  const damaged = join(dir, "damaged.txt");
  writeFileSync(
    damaged,
    editCell(
      readFileSync(SEED, "utf8"),
      { after: "STATEMENTS OF CASH FLOWS", label: "Deferred income tax" },
      3,
      () => "(118,444)"
    )
  );
  const data = join(dir, "data");
  const { status, out } = await run([damaged, "--data-dir", data]);
  expect(status).toBe(1);
  expect(out).toMatch(/UNRESOLVED CASHFLOW deferred_income_tax \[3\]: OCR "\(118,444\)"/);
  expect(out).toContain("(some figures unresolved: see above)");
  const [release] = loadDataDir(data);
  expect(release.unresolved?.some((u) => u.rowId === "deferred_income_tax")).toBe(true);
});

test("text that is not a release: exit 2, the reason, nothing written", async () => {
  const notes = join(dir, "notes.txt");
  writeFileSync(notes, "Some notes on the quarter.\n");
  const data = join(dir, "data");
  const { status, out, err } = await run([notes, "--data-dir", data]);
  expect(status).toBe(2);
  expect(out).toBe("not a release: no release date on its first page");
  expect(err).toContain("is not a release it can read: no release date on its first page");
  expect(loadDataDir(data)).toEqual([]);
});

test.each([
  [[], "ingest needs the release's text file"],
  [["a.txt", "b.txt", "--data-dir", "x"], "ingest takes one file; got a.txt b.txt"],
  [["a.txt", "--force", "--force", "--data-dir", "x"], "--force given twice"],
])("usage: %j", async (args, message) => {
  await expect(run(args)).rejects.toThrow(UsageError);
  await expect(run(args)).rejects.toThrow(message);
});

test("no data directory: --data-dir or $IIJ_DATA_DIR", async () => {
  const saved = process.env.IIJ_DATA_DIR;
  delete process.env.IIJ_DATA_DIR;
  try {
    await expect(run([SEED])).rejects.toThrow(
      "ingest needs a data directory: --data-dir DIR, or $IIJ_DATA_DIR"
    );
    process.env.IIJ_DATA_DIR = dir;
    expect((await run([SEED])).status).toBe(0);
  } finally {
    if (saved === undefined) delete process.env.IIJ_DATA_DIR;
    else process.env.IIJ_DATA_DIR = saved;
  }
});

test("a file that cannot be read", async () => {
  await expect(run([join(dir, "missing.txt"), "--data-dir", dir])).rejects.toThrow(
    /cannot read .*missing\.txt/
  );
});

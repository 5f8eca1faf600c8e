/**
 * `--data-dir DIR` (or $IIJ_DATA_DIR) on every command: the releases come from DIR's data files,
 * as `iij-model ingest` writes them, instead of the bundled ones.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeFiles } from "../../src/cli/files";
import { main } from "../../src/cli/main";
import { defaultModel, FINANCIAL_STATEMENTS, periodKey } from "../../src/model";
import { runCli } from "./run-cli";

const SEED = join(__dirname, "../../src/data/releases/2001-08-14-1q01.source.txt");

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "iij-data-dir-"));
  expect((await runCli(["ingest", SEED, "--data-dir", dir])).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("every printed statement figure read through --data-dir equals the bundled one", async () => {
  const model = defaultModel();
  const formulas: string[] = [];
  for (const statement of FINANCIAL_STATEMENTS)
    for (const item of model.items(statement))
      for (const q of model.quarters(statement))
        formulas.push(`=IIJ.${statement}("${periodKey(q)}","${item.id}")`);
  const bundled = await runCli(["eval", "-"], formulas.join("\n"));
  const ingested = await runCli(["--data-dir", dir, "eval", "-"], formulas.join("\n"));
  expect(ingested.out.split("\n")).toHaveLength(formulas.length);
  expect(ingested.out).toBe(bundled.out);
  expect(ingested.out).toContain("8332898");
});

test("check over the ingested release passes, with the EBITDA inconsistency noted", async () => {
  const { status, out } = await runCli([`--data-dir=${dir}`, "check"]);
  expect(status).toBe(0);
  expect(out).toMatch(/NOTED\s+1Q01\s+ebitda-definition/);
  expect(out).toMatch(/ 0 failed/);
});

test("the IIJ_DATA_DIR variable names the directory when --data-dir is not given", async () => {
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: () => {}, stdin: () => "", files: nodeFiles };
  const empty = mkdtempSync(join(tmpdir(), "iij-empty-"));
  try {
    expect(await main(["list", "periods"], io, undefined, { IIJ_DATA_DIR: dir })).toBe(0);
    expect(out[0]).toMatch(/^1Q00/);
    // A directory with no data files is an error, never a silent fall-back to the bundled data.
    expect(await main(["list", "periods"], io, undefined, { IIJ_DATA_DIR: empty })).toBe(1);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test("a malformed data file is refused with its name, and --data-dir without a directory is usage", async () => {
  const bad = mkdtempSync(join(tmpdir(), "iij-bad-"));
  try {
    writeFileSync(join(bad, "broken.json"), "{ not json");
    const broken = await runCli(["--data-dir", bad, "list", "periods"]);
    expect([broken.status, broken.err]).toEqual([1, expect.stringContaining("broken.json")]);
    expect((await runCli(["--data-dir"])).status).toBe(2);
  } finally {
    rmSync(bad, { recursive: true, force: true });
  }
});

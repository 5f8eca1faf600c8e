import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Workbook } from "exceljs";
import { type Files, type WritableFile, nodeFiles } from "../../src/cli/files";
import { runCli } from "./run-cli";

const run = runCli;
const BLUE = "FF0000FF";
/** What is in the analyst's file before an export is pointed at it. */
const OLD = "the analyst's own workbook\n";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "iij-export-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("iij-model export", () => {
  // The first export pays for building the model and loading exceljs: over Jest's 5 s on a busy
  // 2-core machine.
  test("writes the workbook and says what it wrote", async () => {
    const file = join(dir, "model.xlsx");
    const r = await run(["export", "--quarter", "1Q01", "--unit", "JPY thousands", "--out", file]);
    expect(r.status).toBe(0);
    expect(r.err).toBe("");
    const said =
      /^Wrote (.+): sheet "IIJ Model", 1Q01, JPY thousands, (\d+) values, (\d+) formulas, (\d+) checks$/.exec(
        r.out
      );
    expect(said?.[1]).toBe(file);
    // The counts it reports are the ones in the file.
    const book = new Workbook();
    await book.xlsx.readFile(file);
    let values = 0;
    let formulas = 0;
    book.getWorksheet("IIJ Model")?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas++;
        // Blue on no fill: the printed figures (blue on a tint is the analyst's input slots).
        else if (
          cell.font?.color?.argb === BLUE &&
          (cell.fill as { pattern?: string } | undefined)?.pattern !== "solid"
        )
          values++;
      })
    );
    expect([Number(said?.[2]), Number(said?.[3])]).toEqual([values, formulas]);
    expect(Number(said?.[4])).toBeGreaterThan(80);
  }, 30_000);

  test("unit defaults to JPY millions; any period form and --flag=value are accepted", async () => {
    const file = join(dir, "m.xlsx");
    const r = await run(["export", "--quarter=Q1 FY2001", `--out=${file}`]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^Wrote .*m\.xlsx: sheet "IIJ Model", 1Q01, JPY millions, \d+ values/);
    expect(existsSync(file)).toBe(true);
  });

  test("--help prints the command's usage", async () => {
    const r = await run(["export", "--help"]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^Usage: iij-model export --quarter QUARTER --out FILE\.xlsx/);
  });

  test("--help says how an existing file, a link and a failed write are treated", async () => {
    const { out } = await run(["export", "--help"]);
    expect(out).toMatch(/^Usage: .*\[--force\]$/m);
    expect(out).toMatch(/temporary file beside/);
    expect(out).toMatch(/replaced only with --force/);
    expect(out).toMatch(/symbolic link is refused, even with --force/);
    expect((await run(["--help"])).out).toMatch(
      /export --quarter Q --out FILE\.xlsx .*\[--force\]/
    );
  });

  test.each([
    ["no arguments", [], /--out FILE\.xlsx is required/],
    ["no --quarter", ["--out", "X.xlsx"], /--quarter is required/],
    ["no --out", ["--quarter", "1Q01"], /--out FILE\.xlsx is required/],
    [
      "unknown option",
      ["--quarter", "1Q01", "--out", "X.xlsx", "--sheet", "A"],
      /unknown option "--sheet"; options: --quarter, --unit, --out/,
    ],
    ["stray argument", ["1Q01", "--out", "X.xlsx"], /unexpected argument "1Q01"/],
    ["option without a value", ["--out", "X.xlsx", "--quarter"], /--quarter needs a value/],
    [
      "option given twice",
      ["--quarter", "1Q01", "--quarter", "4Q00", "--out", "X.xlsx"],
      /--quarter given twice/,
    ],
    [
      "bad unit",
      ["--quarter", "1Q01", "--unit", "USD", "--out", "X.xlsx"],
      /unknown unit "USD"; units: "JPY millions", "JPY thousands"/,
    ],
    [
      "quarter not printed",
      ["--quarter", "2Q01", "--out", "X.xlsx"],
      /No registered release prints INCOME figures for 2Q01.*INCOME periods: 1Q00, 4Q00, 1Q01/,
    ],
    ["not a period", ["--quarter", "soon", "--out", "X.xlsx"], /"soon"/],
    ["not an .xlsx", ["--quarter", "1Q01", "--out", "X.csv"], /--out must name an \.xlsx file/],
  ])("%s: exit 2 with a one-line error, nothing written", async (_, args, message) => {
    const r = await run(["export", ...args.map((a) => a.replace(/^X\./, join(dir, "X.")))]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).not.toContain("\n");
    expect(r.err).toMatch(/^iij-model export: .*\(iij-model export --help\)$/);
    expect(r.err).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a file that cannot be written: exit 1 with a one-line error", async () => {
    const r = await run([
      "export",
      "--quarter",
      "1Q01",
      "--out",
      join(dir, "no", "such", "a.xlsx"),
    ]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^iij-model export: cannot write .*a\.xlsx: ENOENT/);
    expect(r.err).not.toContain("\n");
  });
});

describe("iij-model export --out onto what is already there", () => {
  const exportTo = (file: string, ...extra: string[]) =>
    run(["export", "--quarter", "1Q01", "--out", file, ...extra]);

  test("an existing file without --force: exit 1 naming --force, the file byte-identical", async () => {
    const file = join(dir, "mine.xlsx");
    writeFileSync(file, OLD);
    const r = await exportTo(file);
    expect(r.status).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(
      /^iij-model export: .*mine\.xlsx already exists; add --force to replace it$/
    );
    expect(readFileSync(file, "utf8")).toBe(OLD);
    expect(readdirSync(dir)).toEqual(["mine.xlsx"]);
  });

  test("--force replaces an existing file with the workbook", async () => {
    const file = join(dir, "mine.xlsx");
    writeFileSync(file, OLD);
    const r = await exportTo(file, "--force");
    expect([r.status, r.err]).toEqual([0, ""]);
    const book = new Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet("IIJ Model")).toBeDefined();
    expect(readdirSync(dir)).toEqual(["mine.xlsx"]);
  });

  test.each([[[]], [["--force"]]])(
    "a symbolic link is refused %j: neither the link nor its target changes",
    async (extra) => {
      const target = join(dir, "target.xlsx");
      const link = join(dir, "link.xlsx");
      writeFileSync(target, OLD);
      symlinkSync(target, link);
      const r = await exportTo(link, ...extra);
      expect(r.status).toBe(1);
      expect(r.err).toMatch(/link\.xlsx is a symbolic link; export does not write through links/);
      expect(readFileSync(target, "utf8")).toBe(OLD);
      expect(readlinkSync(link)).toBe(target);
      expect(readdirSync(dir).sort()).toEqual(["link.xlsx", "target.xlsx"]);
    }
  );

  test("a dangling symbolic link is refused, and its target is not created", async () => {
    const link = join(dir, "link.xlsx");
    symlinkSync(join(dir, "nowhere.xlsx"), link);
    const r = await exportTo(link, "--force");
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/is a symbolic link/);
    expect(readdirSync(dir)).toEqual(["link.xlsx"]);
  });

  test("a directory named like the workbook is refused even with --force", async () => {
    const target = join(dir, "book.xlsx");
    mkdirSync(target);
    const r = await exportTo(target, "--force");
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/book\.xlsx is not a regular file/);
    expect(readdirSync(target)).toEqual([]);
  });

  test("--force takes no value", async () => {
    const r = await exportTo(join(dir, "a.xlsx"), "--force=yes");
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/--force takes no value/);
  });
});

describe("iij-model export writes a temporary file beside the target, then renames it", () => {
  const exportWith = (files: Files, file: string) =>
    run(["export", "--quarter", "1Q01", "--out", file, "--force"], "", files);

  /** The real file system, with every call recorded and `write` replaced. */
  function recording(write?: (real: WritableFile, data: Uint8Array) => Promise<void>) {
    const calls: string[] = [];
    const files: Files = {
      lstat: (p) => nodeFiles.lstat(p),
      open: async (p, flags) => {
        calls.push(`open ${p} ${flags}`);
        const real = await nodeFiles.open(p, flags);
        return {
          writeFile: async (data) => {
            calls.push("write");
            await (write ? write(real, data) : real.writeFile(data));
          },
          sync: async () => {
            calls.push("sync");
            await real.sync();
          },
          close: async () => {
            calls.push("close");
            await real.close();
          },
        };
      },
      link: async (a, b) => {
        calls.push(`link ${a} ${b}`);
        await nodeFiles.link(a, b);
      },
      rename: async (a, b) => {
        calls.push(`rename ${a} ${b}`);
        await nodeFiles.rename(a, b);
      },
      unlink: async (p) => {
        calls.push(`unlink ${p}`);
        await nodeFiles.unlink(p);
      },
    };
    return { files, calls };
  }

  test("opens a new temporary file in the same folder with wx, syncs it, then renames it", async () => {
    const file = join(dir, "mine.xlsx");
    writeFileSync(file, OLD);
    const { files, calls } = recording();
    expect((await exportWith(files, file)).status).toBe(0);
    const temp = /^open (.+) wx$/.exec(calls[0])?.[1] ?? "";
    expect(dirname(temp)).toBe(dir);
    expect(temp).not.toBe(file);
    expect(calls).toEqual([`open ${temp} wx`, "write", "sync", "close", `rename ${temp} ${file}`]);
  });

  test("two exports use different temporary names", async () => {
    const a = recording();
    const b = recording();
    await exportWith(a.files, join(dir, "a.xlsx"));
    await exportWith(b.files, join(dir, "a.xlsx"));
    expect(basename(a.calls[0])).not.toBe(basename(b.calls[0]));
  });

  test("a full disk: exit 1 saying so, the old file unchanged, no temporary file left", async () => {
    const file = join(dir, "mine.xlsx");
    writeFileSync(file, OLD);
    const { files } = recording(async (real, data) => {
      await real.writeFile(data.subarray(0, data.length >> 1));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    });
    const r = await exportWith(files, file);
    expect(r.status).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(
      /^iij-model export: cannot write .*mine\.xlsx: ENOSPC: no space left on device, write; the existing file is unchanged$/
    );
    expect(readFileSync(file, "utf8")).toBe(OLD);
    expect(readdirSync(dir)).toEqual(["mine.xlsx"]);
  });

  test("a new file is linked into place, so a file that appears meanwhile is not replaced", async () => {
    const file = join(dir, "new.xlsx");
    const { files, calls } = recording();
    const link = files.link;
    files.link = async (a, b) => {
      writeFileSync(file, OLD); // another program, between the check and the link
      await link(a, b);
    };
    const r = await run(["export", "--quarter", "1Q01", "--out", file], "", files);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/new\.xlsx already exists; add --force to replace it$/);
    expect(calls.some((c) => c.startsWith("rename"))).toBe(false);
    expect(readFileSync(file, "utf8")).toBe(OLD);
    expect(readdirSync(dir)).toEqual(["new.xlsx"]);
  });

  test("a file system without hard links (EPERM): the new file is renamed into place", async () => {
    const file = join(dir, "new.xlsx");
    const { files } = recording();
    files.link = () =>
      Promise.reject(
        Object.assign(new Error("EPERM: operation not permitted, link"), { code: "EPERM" })
      );
    const r = await run(["export", "--quarter", "1Q01", "--out", file], "", files);
    expect([r.status, r.err]).toEqual([0, ""]);
    expect(readdirSync(dir)).toEqual(["new.xlsx"]);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  test("a temporary name someone else holds (wx fails) is not removed", async () => {
    const file = join(dir, "mine.xlsx");
    writeFileSync(file, OLD);
    const { files, calls } = recording();
    files.open = () =>
      Promise.reject(
        Object.assign(new Error("EEXIST: file already exists, open"), { code: "EEXIST" })
      );
    const r = await exportWith(files, file);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/cannot write .*mine\.xlsx: EEXIST.*; the existing file is unchanged$/);
    expect(calls.filter((c) => c.startsWith("unlink"))).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe(OLD);
  });

  test("a failed rename: the old file unchanged, no temporary file left", async () => {
    const file = join(dir, "mine.xlsx");
    writeFileSync(file, OLD);
    const { files } = recording();
    files.rename = () =>
      Promise.reject(Object.assign(new Error("EIO: i/o error, rename"), { code: "EIO" }));
    const r = await exportWith(files, file);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/cannot write .*mine\.xlsx: EIO: i\/o error, rename/);
    expect(readFileSync(file, "utf8")).toBe(OLD);
    expect(readdirSync(dir)).toEqual(["mine.xlsx"]);
  });
});

/**
 * Bad invocations, as data: each gives its exit status and a one-line message saying what is wrong,
 * never a stack trace. 2 is bad usage (the arguments), 1 a command that could not do its work or
 * whose answer is an error value.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "iij-bad-input-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Standard input that is a directory: reading it fails as `iij-model eval - < somedir` does. */
const DIRECTORY = () => readFileSync(dir, "utf8");
const UNREADABLE = () => {
  throw Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
};
const F = '=IIJ.INCOME("1Q01","Total revenues")';
const PERIODS = "1Q00, 4Q00, 1Q01, 2Q01, FY2001";

type Stdin = string | (() => string);
const CASES: [string, string[], Stdin, number, RegExp][] = [
  // eval
  [
    "eval - with a directory on stdin",
    ["eval", "-"],
    DIRECTORY,
    2,
    /standard input is a directory/,
  ],
  ["eval - with stdin unreadable", ["eval", "-"], UNREADABLE, 1, /cannot read standard input: EIO/],
  ["eval - with nothing on stdin", ["eval", "-"], "", 2, /no formulas on standard input/],
  [
    "eval - with blank lines only",
    ["eval", "-"],
    " \n\n\t\r\n",
    2,
    /no formulas on standard input/,
  ],
  ["eval - and a formula", ["eval", "-", F], "", 2, /- reads the formulas from standard input/],
  ["eval with no formula", ["eval"], "", 2, /eval needs at least one formula/],
  ["eval with an option", ["eval", "--bogus"], "", 2, /unknown option "--bogus"; eval takes no/],
  ["eval of broken text", ["eval", '=IIJ.INCOME("1Q01"'], "", 1, /^#VALUE!: /],
  ["eval of a NUL", ["eval", "\u0000"], "", 1, /^#VALUE!: /],
  // find
  ["find with no text", ["find"], "", 2, /find needs the text/],
  ["find of empty text", ["find", ""], "", 2, /find needs the text/],
  ["find of blank text", ["find", "  "], "", 2, /find needs the text/],
  [
    "find --period no statement prints",
    ["find", "revenues", "--period", "FQ-99"],
    "",
    2,
    new RegExp(`no statement, KPI table or guidance covers 2Q76 \\(FQ-99\\); periods: ${PERIODS}`),
  ],
  [
    "find --period that is not a period",
    ["find", "revenues", "--period", "soon"],
    "",
    2,
    /--period: "soon" is not a period/,
  ],
  [
    "find --period of a release there is not",
    ["find", "revenues", "--period", "1Q01@1999-01-01"],
    "",
    2,
    /no release 1999-01-01; releases: 2001-08-14/,
  ],
  ["find --period empty", ["find", "x", "--period="], "", 2, /--period needs a value/],
  ["find --period at the end", ["find", "x", "--period"], "", 2, /--period needs a value/],
  [
    "find --period then an option",
    ["find", "x", "--period", "--limit", "3"],
    "",
    2,
    /--period needs a value/,
  ],
  [
    "find --unit not a unit",
    ["find", "cash", "--unit", "bogus"],
    "",
    2,
    /--unit: "bogus" is not a unit/,
  ],
  ...["0", "-1", "1.5", "1e3", "0x10", " 5", "99999999999999999999", "five"].map(
    (limit): [string, string[], Stdin, number, RegExp] => [
      `find --limit ${JSON.stringify(limit)}`,
      ["find", "cash", "--limit", limit],
      "",
      2,
      /--limit must be a whole number from 1/,
    ]
  ),
  [
    "find --limit twice",
    ["find", "cash", "--limit", "3", "--limit", "4"],
    "",
    2,
    /--limit given twice/,
  ],
  [
    "find with a short option",
    ["find", "-x", "cash"],
    "",
    2,
    /unknown option "-x"; options: --period, --unit, --limit/,
  ],
  [
    "find with an unknown option",
    ["find", "cash", "--colour", "red"],
    "",
    2,
    /unknown option "--colour"/,
  ],
  ["find -- -x: text after --", ["find", "--", "-x"], "", 1, /nothing matches "-x"/],
  ["find of nothing", ["find", "xyzzy"], "", 1, /nothing matches "xyzzy"/],
  ["find -- --help: text after --", ["find", "--", "--help"], "", 1, /nothing matches "--help"/],
  // source
  ["source with one argument", ["source", "1Q01"], "", 2, /source takes a period and an item/],
  [
    "source --statement empty",
    ["source", "1Q01", "Revenues", "--statement="],
    "",
    2,
    /--statement needs a value/,
  ],
  ["source --bogus", ["source", "1Q01", "Revenues", "--bogus"], "", 2, /unknown option "--bogus"/],
  [
    "source of a period no release prints",
    ["source", "FQ-99", "Revenues"],
    "",
    1,
    /^#N\/A: No registered release prints/,
  ],
  [
    "source of a non-period",
    ["source", "soon", "Revenues"],
    "",
    1,
    /^#VALUE!: "soon" is not a period/,
  ],
  // list, check
  [
    "list with an option",
    ["list", "periods", "--bogus"],
    "",
    2,
    /unknown option "--bogus"; list takes no options/,
  ],
  ["list of a short option", ["list", "-x", "periods"], "", 2, /unknown option "-x"/],
  [
    "list of too much",
    ["list", "periods", "extra"],
    "",
    2,
    /list takes "periods" or "items STATEMENT"/,
  ],
  [
    "list items of constructor",
    ["list", "items", "constructor"],
    "",
    2,
    /unknown statement "constructor"/,
  ],
  [
    "check with an option",
    ["check", "--bogus"],
    "",
    2,
    /unknown option "--bogus"; check takes no options/,
  ],
  ["check with an argument", ["check", "extra"], "", 2, /check takes no arguments/],
  // export
  [
    "export --force twice",
    ["export", "--quarter", "1Q01", "--out", "a.xlsx", "--force", "--force"],
    "",
    2,
    /--force given twice/,
  ],
  [
    "export --quarter then an option",
    ["export", "--quarter", "--out", "a.xlsx"],
    "",
    2,
    /--quarter needs a value/,
  ],
  [
    "export --quarter constructor",
    ["export", "--quarter", "constructor", "--out", "a.xlsx"],
    "",
    2,
    /"constructor" is not a period/,
  ],
  // commands
  ...["frobnicate", "constructor", "__proto__", "toString", "hasOwnProperty", "-x", "--bogus"].map(
    (command): [string, string[], Stdin, number, RegExp] => [
      `command ${command}`,
      [command],
      "",
      2,
      new RegExp(`unknown command "${command}"; commands: eval, list, check, export, find, source`),
    ]
  ),
  ["help for constructor", ["constructor", "--help"], "", 2, /unknown command "constructor"/],
];

const ROWS = CASES.map(([name, argv, stdin, status, message]) => ({
  name,
  argv,
  stdin,
  status,
  message,
}));

test.each(ROWS)("$name: exit $status", async ({ argv, stdin, status, message }) => {
  let r;
  try {
    r = await runCli(argv, stdin);
  } catch (error) {
    r = { status: "threw", out: "", err: (error as Error).stack ?? String(error) };
  }
  expect({ status: r.status, said: `${r.out}\n${r.err}` }).toEqual({
    status,
    said: expect.stringMatching(message),
  });
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err.split("\n")).toHaveLength(1);
  if (status === 2) expect(r.out).toBe("");
});

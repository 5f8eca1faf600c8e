/**
 * iij-model: the command line over the same model and function library as the add-in.
 * Exit status: 0 success, 1 a formula returned an error or a check failed, 2 bad usage.
 */
import { evaluateFormula, formatResult } from "../functions/formula-text";
import {
  IIJModel,
  STATEMENTS,
  defaultModel,
  isIIJError,
  itemsGrid,
  periodsGrid,
  resolveStatement,
  runChecks,
  summarize,
} from "../model";
import { DATA_DIR_VARIABLE, loadDataDir } from "./data-dir";
import { exportCommand } from "./export";
import { findCommand, sourceCommand } from "./find";
import { INGEST_HELP, ingestCommand } from "./ingest";
import { CommandError, type Io, UsageError } from "./io";
import { parseOptions } from "./options";

const HELP: Record<string, string> = {
  ingest: INGEST_HELP,
  main: `iij-model: IIJ's quarterly releases as exact, sourced figures.

Usage: iij-model [--data-dir DIR] COMMAND ...
  --data-dir DIR (or $${DATA_DIR_VARIABLE}) reads the releases from DIR's data files (written by
  iij-model ingest) instead of the bundled ones.

  iij-model eval FORMULA...        evaluate =IIJ.* formulas, one result per line
  iij-model eval -                 read formulas from stdin, one per line
  iij-model list periods           the periods with figures or guidance
  iij-model list items STATEMENT   id, printed label and section of each item (${STATEMENTS.join(", ")})
  iij-model check                  run every data check (footings, ties, translations)
  iij-model export --quarter Q --out FILE.xlsx [--unit U] [--force]
                                   write the model sheet as an .xlsx workbook
  iij-model find TEXT              items whose label, id or alias matches (typos forgiven)
  iij-model source PERIOD ITEM     where a figure comes from: release, page, row, column, repair
  iij-model ingest FILE [--data-dir DIR] [--force]
                                   read a release's text into DIR as a data file
  iij-model COMMAND --help         help for one command`,
  find: `Usage: iij-model find TEXT [--period P] [--unit U] [--limit N]

Searches every statement, the KPI tables and the guidance by printed label, id or alias, forgiving
typos, best match first. Prints statement, id, printed label, value and the formula that reads it,
tab-separated. The period defaults to the latest with figures; --period takes any period form
the functions take, for a period some statement, table or guidance covers (iij-model list
periods). --unit applies to statement amounts; --limit (default 20) is the most lines printed.
Exit status 1 if nothing matches, 2 for a period nothing covers, a unit that is not one, or a
--limit that is not a whole number from 1. Text after -- is searched even if it starts with -.

Example: iij-model find dedicated`,
  source: `Usage: iij-model source PERIOD ITEM [--statement S]

Prints the citation of a figure, as IIJ.SOURCE gives it: release and date, statement or table and
page, printed row label, column, the printed figure and its unit, and any OCR repair. The item is
looked up in INCOME, BALANCE, CASHFLOW, KPI in that order unless --statement says which.

Example: iij-model source 1Q01 "Dedicated access services"`,
  eval: `Usage: iij-model eval FORMULA... | iij-model eval -

Evaluates each formula exactly as the Excel custom function does and prints its result on one line:
a number as JavaScript prints it, text as is, an error as "#N/A: message" or "#VALUE!: message",
a spilled array as one tab-separated line per row. Arguments are literals: "text", numbers, TRUE,
FALSE, or nothing for an omitted argument. Exit status 1 if any formula gave an error or standard
input cannot be read; 2 (usage) if there is no formula, or standard input is empty or a directory.

Example: iij-model eval '=IIJ.INCOME("1Q01","Total revenues")'`,
  list: `Usage: iij-model list periods | iij-model list items STATEMENT

periods: key, period-end date, description and the statements that cover it, tab-separated.
items:   id, printed label and section, tab-separated, in printed order. STATEMENT is one of
         ${STATEMENTS.join(", ")}.`,
  check: `Usage: iij-model check

Runs every check on every registered release: footings, cross-statement ties, USD translation at the
release's rate, printed percentages and changes, per-share figures. Prints one line per check, then
"N passed, M failed". Source inconsistencies the release itself prints are listed as NOTED and are
not failures. Exit status 1 if any check failed.`,
  export: `Usage: iij-model export --quarter QUARTER --out FILE.xlsx [--unit UNIT] [--force]

Writes the model sheet for QUARTER (its columns run from the oldest printed quarter to it) as an
.xlsx workbook with one sheet, "IIJ Model": the printed figures as values (blue), growth, margins
and checks as native Excel formulas (black), defined names, frozen panes, and non-zero check
differences highlighted. No IIJ functions and no cached results: Excel and LibreOffice compute it
on load, without the add-in. QUARTER takes any period form the functions take (1Q01, Q1 FY2001,
2001-06-30, FQ0...). UNIT for the statements: "JPY millions" (the default) or "JPY thousands".

The file is written whole or not at all: into a temporary file beside FILE.xlsx, synced to disk,
then renamed over it, so a full disk or a crash leaves the old file as it was. An existing file is
replaced only with --force. A symbolic link is refused, even with --force (export never writes
through a link, nor replaces one): give the path of the file itself. Exit status 1 if FILE.xlsx
exists and --force is not given, is a link or not a regular file, or cannot be written.

Example: iij-model export --quarter 1Q01 --unit "JPY thousands" --out iij-1q01.xlsx`,
};

/** The formulas on standard input, one a line; a stdin that cannot be read is said, not thrown. */
function formulasOnStdin(io: Io): string[] {
  let text: string;
  try {
    text = io.stdin();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === "EISDIR")
      throw new UsageError("standard input is a directory; pipe the formulas in, one a line");
    throw new CommandError(`cannot read standard input: ${message}`);
  }
  const formulas = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  // As for "eval" with no formulas: nothing to do is a mistake, not a success.
  if (formulas.length === 0)
    throw new UsageError("no formulas on standard input; give one a line, or as arguments");
  return formulas;
}

function evalCommand(args: string[], io: Io, model: IIJModel): number {
  const { positional } = parseOptions(args, { command: "eval", positional: true });
  if (positional.length === 0)
    throw new UsageError("eval needs at least one formula, or - to read them from stdin");
  if (positional.includes("-") && positional.length > 1)
    throw new UsageError("- reads the formulas from standard input and takes no other arguments");
  const formulas = positional[0] === "-" ? formulasOnStdin(io) : positional;
  let status = 0;
  for (const text of formulas) {
    const result = evaluateFormula(text, model);
    io.out(formatResult(result));
    if (isIIJError(result)) status = 1;
  }
  return status;
}

function listCommand(args: string[], io: Io, model: IIJModel): number {
  const [what, statementArg, ...rest] = parseOptions(args, {
    command: "list",
    positional: true,
  }).positional;
  if (what === "periods" && statementArg === undefined) {
    for (const row of periodsGrid(model)) io.out(row.join("\t"));
    return 0;
  }
  if (what === "items" && statementArg !== undefined && rest.length === 0) {
    let statement;
    try {
      statement = resolveStatement(statementArg);
    } catch {
      throw new UsageError(
        `unknown statement "${statementArg}"; statements: ${STATEMENTS.join(", ")}`
      );
    }
    for (const row of itemsGrid(model, statement)) io.out(row.join("\t"));
    return 0;
  }
  throw new UsageError(`list takes "periods" or "items STATEMENT" (${STATEMENTS.join(", ")})`);
}

function checkCommand(args: string[], io: Io, model: IIJModel): number {
  const { positional } = parseOptions(args, { command: "check", positional: true });
  if (positional.length > 0)
    throw new UsageError(`check takes no arguments; got ${positional.join(" ")}`);
  const results = runChecks(model);
  for (const r of results) {
    io.out(
      `${r.status.toUpperCase().padEnd(5)}  ${r.period.padEnd(6)}  ${r.checkId}  ${r.name}: ${r.detail}  [${r.source}; release ${r.release}]`
    );
  }
  const { passed, failed, noted } = summarize(results);
  io.out(
    `${passed} passed, ${failed} failed${noted ? ` (${noted} noted source inconsistencies, listed above as NOTED)` : ""}`
  );
  return failed > 0 ? 1 : 0;
}

type Command = (args: string[], io: Io, model: IIJModel) => number | Promise<number>;

// A Map, not an object: "iij-model constructor" is an unknown command, not Object's constructor.
const COMMANDS = new Map<string, Command>([
  ["eval", evalCommand],
  ["list", listCommand],
  ["check", checkCommand],
  ["export", exportCommand],
  ["find", findCommand],
  ["source", sourceCommand],
  ["ingest", ingestCommand],
]);

/**
 * `--data-dir DIR` (or `--data-dir=DIR`) before the command: where the releases come from for
 * every command. Ingest takes its own --data-dir (the directory it writes to).
 */
function dataDirOption(argv: readonly string[]): { dir?: string; rest: string[] } {
  const [first, ...rest] = argv;
  if (first === "--data-dir") {
    if (rest.length === 0 || rest[0].startsWith("-"))
      throw new UsageError("--data-dir needs a directory");
    return { dir: rest[0], rest: rest.slice(1) };
  }
  if (first?.startsWith("--data-dir=")) {
    const dir = first.slice("--data-dir=".length);
    if (dir === "") throw new UsageError("--data-dir needs a directory");
    return { dir, rest };
  }
  return { rest: [...argv] };
}

/** The model over DIR's releases: a directory with none is an error, not the bundled data. */
function modelOf(dir: string): IIJModel {
  const releases = loadDataDir(dir);
  if (releases.length === 0)
    throw new CommandError(
      `${dir} holds no release data files (iij-model ingest FILE --data-dir ${dir})`
    );
  return new IIJModel(releases);
}

/** Whether the arguments ask for help: --help or -h before any "--" (after it, they are text). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

export async function main(
  argv: string[],
  io: Io,
  model?: IIJModel,
  env: Readonly<Record<string, string | undefined>> = process.env
): Promise<number> {
  let chosen: { dir?: string; rest: string[] };
  try {
    chosen = dataDirOption(argv);
  } catch (error) {
    io.err(`iij-model: ${(error as Error).message} (iij-model --help)`);
    return 2;
  }
  const [command, ...args] = chosen.rest;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP.main);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS.get(command);
  if (!run) {
    io.err(
      `iij-model: unknown command "${command}"; commands: ${[...COMMANDS.keys()].join(", ")} (iij-model --help)`
    );
    return 2;
  }
  if (asksForHelp(args)) {
    io.out(HELP[command]);
    return 0;
  }
  const dir = chosen.dir ?? env[DATA_DIR_VARIABLE];
  const ingestArgs =
    command === "ingest" && chosen.dir ? ["--data-dir", chosen.dir, ...args] : args;
  return runCommand(
    command,
    run,
    ingestArgs,
    io,
    () => model ?? (dir && command !== "ingest" ? modelOf(dir) : defaultModel())
  );
}

/** Runs a command; its usage and command errors are one line on stderr, with their exit status. */
async function runCommand(
  command: string,
  run: Command,
  args: string[],
  io: Io,
  model: () => IIJModel
): Promise<number> {
  try {
    return await run(args, io, model());
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`iij-model ${command}: ${error.message} (iij-model ${command} --help)`);
      return 2;
    }
    if (error instanceof CommandError) {
      io.err(`iij-model ${command}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

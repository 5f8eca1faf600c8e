/**
 * Command-line options, one parser for every command: `--name value` or `--name=value` for an
 * option that takes a value, `--name` for a switch. The rules are the same everywhere, so a mistake
 * is a usage error whatever the command: an unknown option (`-x` as well as `--x`), an option given
 * twice, a value missing or empty, a value given to a switch. `--` ends the options: the words after
 * it are arguments even if they start with a dash (iij-model find -- -x).
 */
import { UsageError } from "./io";

export interface OptionSpec {
  /** The command's name, for the messages ("eval takes no options"). */
  readonly command: string;
  /** Options that take a value, by name without the dashes. */
  readonly values?: readonly string[];
  /** Options that take none (`--force`), by name without the dashes. */
  readonly switches?: readonly string[];
  /** Whether the command takes arguments besides its options (export takes none). */
  readonly positional?: boolean;
}

export interface Options {
  /** Each option given with its value, by its name without the dashes. */
  readonly flags: Map<string, string>;
  /** The switches given, by name without the dashes. */
  readonly switches: Set<string>;
  /** The words that are not options, in order. */
  readonly positional: string[];
}

/** A word that is an option: starts with a dash and is neither "-" (stdin) nor a number (-1). */
function isOption(arg: string): boolean {
  return arg.startsWith("-") && arg !== "-" && !/^-\d/.test(arg);
}

/** The options a command takes, for the messages: "options: --period, --unit" or "eval takes no options". */
function optionList(spec: OptionSpec): string {
  const names = [...(spec.values ?? []), ...(spec.switches ?? [])];
  if (names.length === 0) return `${spec.command} takes no options`;
  return `options: ${names.map((n) => `--${n}`).join(", ")}`;
}

/** Reads `args` against `spec`; anything `spec` does not allow is a UsageError saying what is. */
export function parseOptions(args: readonly string[], spec: OptionSpec): Options {
  const options: Options = { flags: new Map(), switches: new Set(), positional: [] };
  const allowed = optionList(spec);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      options.positional.push(...args.slice(i + 1));
      break;
    }
    if (!isOption(arg)) {
      options.positional.push(arg);
      continue;
    }
    // Every option is long; "-x" is named only to be refused.
    const long = arg.startsWith("--");
    const [name, inline] = arg.replace(/^--?/, "").split(/=(.*)/s, 2);
    if (long && spec.switches?.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      if (options.switches.has(name)) throw new UsageError(`--${name} given twice`);
      options.switches.add(name);
      continue;
    }
    if (!long || !spec.values?.includes(name))
      throw new UsageError(`unknown option "${arg.split("=")[0]}"; ${allowed}`);
    const value = inline ?? args[i + 1];
    // "--quarter --out x.xlsx" lacks the quarter: the next option is not its value.
    if (value === undefined || value === "" || (inline === undefined && isOption(value)))
      throw new UsageError(`--${name} needs a value`);
    if (inline === undefined) i++;
    if (options.flags.has(name)) throw new UsageError(`--${name} given twice`);
    options.flags.set(name, value);
  }
  if (!spec.positional && options.positional.length > 0)
    throw new UsageError(`unexpected argument "${options.positional[0]}"; ${allowed}`);
  return options;
}

/** Command-line options: `--name value` or `--name=value`, shared by the commands that take them. */
import { UsageError } from "./io";

export interface Options {
  /** Each option given, by its name without the dashes. */
  readonly flags: Map<string, string>;
  /** The words that are not options, in order. */
  readonly positional: string[];
}

/**
 * Reads the options in `allowed` (names without the dashes); an unknown option is a usage error.
 * By default other words are positional, an option's value may be empty and a repeated option's
 * last value wins. `strict` (iij-model export) takes nothing but options, each at most once and
 * with a non-empty value.
 */
export function parseOptions(
  args: readonly string[],
  allowed: readonly string[],
  strict = false
): Options {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  const options = allowed.map((a) => `--${a}`).join(", ");
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      if (strict)
        throw new UsageError(
          `${arg.startsWith("-") ? "unknown option" : "unexpected argument"} "${arg}"; options: ${options}`
        );
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!allowed.includes(name))
      throw new UsageError(
        strict
          ? `unknown option "${arg}"; options: ${options}`
          : `unknown option --${name}; options: ${options}`
      );
    const value = inline ?? args[++i];
    if (value === undefined || (strict && value === ""))
      throw new UsageError(`--${name} needs a value`);
    if (strict && flags.has(name)) throw new UsageError(`--${name} given twice`);
    flags.set(name, value);
  }
  return { flags, positional };
}

/** `iij-model find` and `iij-model source`: discovery and provenance from the terminal. */
import { findAllWithValues, formatResult, isStatedFound } from "../functions/formula-text";
import { invoke } from "../functions/library";
import { type IIJModel, isIIJError, periodKey, resolveUnit, samePeriod } from "../model";
import { type Io, UsageError } from "./io";
import { parseOptions } from "./options";

/** An IIJError's message as a usage error about `option`, on one line. */
function asUsage<T>(option: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isIIJError(error))
      throw new UsageError(`${option}: ${error.message.replace(/\s*\n\s*/g, " ")}`);
    throw error;
  }
}

/**
 * `--period` for find: a period some statement, KPI table or guidance covers (and a release that
 * exists, for "@2001-08-14"), so that no row of the answer is an error for the period's sake.
 */
function checkFindPeriod(model: IIJModel, input: string): void {
  const request = asUsage("--period", () => model.parsePeriod(input));
  const key = periodKey(request.period);
  if (!model.periods().some((p) => samePeriod(p, request.period))) {
    const said = key.toUpperCase() === input.trim().toUpperCase() ? "" : ` (${input})`;
    const periods = model.periods().map(periodKey).join(", ");
    throw new UsageError(
      `no statement, KPI table or guidance covers ${key}${said}; periods: ${periods}`
    );
  }
  const { vintage } = request;
  if (vintage.kind === "release" && !model.releases.some((r) => r.id === vintage.id)) {
    const releases = model.releases.map((r) => r.id).join(", ");
    throw new UsageError(`no release ${vintage.id}; releases: ${releases}`);
  }
}

/** `--limit`: digits only (no 1e3, 0x10 or 1.5), from 1; left out, findWithValues's default. */
function readLimit(input: string | undefined): number | undefined {
  if (input === undefined) return undefined;
  const limit = Number(input);
  if (!/^\d+$/.test(input) || !Number.isSafeInteger(limit) || limit < 1)
    throw new UsageError(`--limit must be a whole number from 1; got "${input}"`);
  return limit;
}

/**
 * Lists the items matching the text: statement, id, printed label, value, formula (tab-separated);
 * then the figures stated in the prose, each with its unit and quarter and its sentence as source.
 */
export function findCommand(args: string[], io: Io, model: IIJModel): number {
  const { flags, positional } = parseOptions(args, {
    command: "find",
    values: ["period", "unit", "limit"],
    positional: true,
  });
  const text = positional.join(" ");
  if (text.trim() === "")
    throw new UsageError("find needs the text to look for, e.g. iij-model find dedicated");
  const limit = readLimit(flags.get("limit"));
  const period = flags.get("period");
  if (period !== undefined) checkFindPeriod(model, period);
  const unit = flags.get("unit");
  if (unit !== undefined)
    asUsage("--unit", () => resolveUnit(unit, "JPY thousands", "statement amounts"));
  const found = findAllWithValues(model, text, { period, unit, limit });
  if (found.length === 0) {
    io.err(`iij-model find: nothing matches "${text}"`);
    return 1;
  }
  for (const f of found) {
    const stated = isStatedFound(f) ? [`${f.unit}, ${f.period}`, f.source] : [];
    io.out([f.statement, f.id, f.label, f.value, f.formula, ...stated].join("\t"));
  }
  return 0;
}

/** Prints where a figure comes from (the text of IIJ.SOURCE). */
export function sourceCommand(args: string[], io: Io, model: IIJModel): number {
  const { flags, positional } = parseOptions(args, {
    command: "source",
    values: ["statement"],
    positional: true,
  });
  if (positional.length !== 2)
    throw new UsageError(
      'source takes a period and an item, e.g. iij-model source 1Q01 "Dedicated access services"'
    );
  const result = invoke(
    "SOURCE",
    [positional[0], positional[1], flags.get("statement") ?? null],
    model
  );
  io.out(formatResult(result));
  return isIIJError(result) ? 1 : 0;
}

/** `iij-model find` and `iij-model source`: discovery and provenance from the terminal. */
import { findWithValues, formatResult } from "../functions/formula-text";
import { invoke } from "../functions/library";
import { type IIJModel, isIIJError } from "../model";
import { type Io, UsageError } from "./io";
import { parseOptions } from "./options";

/** Lists the items matching the text: statement, id, printed label, value, formula (tab-separated). */
export function findCommand(args: string[], io: Io, model: IIJModel): number {
  const { flags, positional } = parseOptions(args, ["period", "unit", "limit"]);
  if (positional.length === 0)
    throw new UsageError("find needs the text to look for, e.g. iij-model find dedicated");
  const limit = Number(flags.get("limit") ?? 20);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit must be a whole number from 1; got ${flags.get("limit")}`);
  const found = findWithValues(model, positional.join(" "), {
    period: flags.get("period"),
    unit: flags.get("unit"),
    limit,
  });
  if (found.length === 0) {
    io.err(`iij-model find: nothing matches "${positional.join(" ")}"`);
    return 1;
  }
  for (const f of found) io.out([f.statement, f.id, f.label, f.value, f.formula].join("\t"));
  return 0;
}

/** Prints where a figure comes from (the text of IIJ.SOURCE). */
export function sourceCommand(args: string[], io: Io, model: IIJModel): number {
  const { flags, positional } = parseOptions(args, ["statement"]);
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

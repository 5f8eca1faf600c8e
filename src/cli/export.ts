/**
 * iij-model export: the model sheet for a quarter as an .xlsx workbook (values and native formulas
 * only, so it opens in Excel or LibreOffice without the add-in).
 */
import { writeFile } from "node:fs/promises";
import { IIJError, type IIJModel, periodKey } from "../model";
import { planModelSheet } from "../sheet/plan";
import { SHEET_UNITS, type SheetUnit } from "../sheet/plan-types";
import { renderPlanToXlsx } from "../sheet/xlsx-writer";
import { type Io, UsageError } from "./io";

/** The pane's default: analysts read the statements in millions. */
const DEFAULT_UNIT: SheetUnit = "JPY millions";
const FLAGS = ["--quarter", "--unit", "--out"] as const;
type Flag = (typeof FLAGS)[number];

/** `--flag value` or `--flag=value`, each flag at most once; nothing else. */
function parseFlags(args: readonly string[]): Partial<Record<Flag, string>> {
  const values: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf("=");
    const flag = eq > 0 && arg.startsWith("--") ? arg.slice(0, eq) : arg;
    if (!(FLAGS as readonly string[]).includes(flag)) {
      throw new UsageError(
        `${arg.startsWith("-") ? "unknown option" : "unexpected argument"} "${arg}"; options: ${FLAGS.join(", ")}`
      );
    }
    const value = eq > 0 && arg.startsWith("--") ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === "") throw new UsageError(`${flag} needs a value`);
    if (values[flag as Flag] !== undefined) throw new UsageError(`${flag} given twice`);
    values[flag as Flag] = value;
  }
  return values;
}

function resolveSheetUnit(input: string | undefined): SheetUnit {
  if (input === undefined) return DEFAULT_UNIT;
  const wanted = input.trim().replace(/\s+/g, " ").toLowerCase();
  const unit = SHEET_UNITS.find((u) => u.toLowerCase() === wanted);
  if (!unit) {
    throw new UsageError(
      `unknown unit "${input}"; units: ${SHEET_UNITS.map((u) => `"${u}"`).join(", ")}`
    );
  }
  return unit;
}

function resolveSheetQuarter(model: IIJModel, input: string | undefined): string {
  if (input === undefined) throw new UsageError("--quarter is required, e.g. --quarter 1Q01");
  try {
    return periodKey(model.resolveQuarter(input, "INCOME").period);
  } catch (error) {
    if (error instanceof IIJError) throw new UsageError(error.message.replace(/\s*\n\s*/g, " "));
    throw error;
  }
}

export async function exportCommand(args: string[], io: Io, model: IIJModel): Promise<number> {
  const flags = parseFlags(args);
  const out = flags["--out"];
  if (out === undefined) throw new UsageError("--out FILE.xlsx is required");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file; got "${out}"`);
  const quarter = resolveSheetQuarter(model, flags["--quarter"]);
  const unit = resolveSheetUnit(flags["--unit"]);

  const plan = planModelSheet(model, { quarter, unit });
  const xlsx = await renderPlanToXlsx(plan);
  try {
    await writeFile(out, xlsx);
  } catch (error) {
    io.err(`iij-model export: cannot write ${out}: ${(error as Error).message}`);
    return 1;
  }
  const { values, formulas, checks } = plan.summary;
  io.out(
    `Wrote ${out}: sheet "${plan.sheetName}", ${plan.quarter}, ${plan.unit}, ${values} values, ${formulas} formulas, ${checks} checks`
  );
  return 0;
}

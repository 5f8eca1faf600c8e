/**
 * iij-model export: the model sheet for a quarter as an .xlsx workbook (values and native formulas
 * only, so it opens in Excel or LibreOffice without the add-in).
 */
import { IIJError, type IIJModel, periodKey } from "../model";
import { planModelSheet } from "../sheet/plan";
import { SHEET_UNITS, type SheetUnit } from "../sheet/plan-types";
import { renderPlanToXlsx } from "../sheet/xlsx-writer";
import { writeFileAtomically } from "./files";
import { type Io, UsageError } from "./io";
import { parseOptions } from "./options";

/** The pane's default: analysts read the statements in millions. */
const DEFAULT_UNIT: SheetUnit = "JPY millions";
/** Options only, no arguments. */
const OPTIONS = { command: "export", values: ["quarter", "unit", "out"], switches: ["force"] };

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
  const { flags, switches } = parseOptions(args, OPTIONS);
  const out = flags.get("out");
  if (out === undefined) throw new UsageError("--out FILE.xlsx is required");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file; got "${out}"`);
  const quarter = resolveSheetQuarter(model, flags.get("quarter"));
  const unit = resolveSheetUnit(flags.get("unit"));

  const plan = planModelSheet(model, { quarter, unit });
  await writeFileAtomically(io.files, out, await renderPlanToXlsx(plan), switches.has("force"));
  const { values, formulas, checks } = plan.summary;
  io.out(
    `Wrote ${out}: sheet "${plan.sheetName}", ${plan.quarter}, ${plan.unit}, ${values} values, ${formulas} formulas, ${checks} checks`
  );
  return 0;
}

/** The plan's defined names: written with the model, copied onto sheets left behind, put back. */
import { type SheetPlan, a1 } from "../plan-types";
import { sameSheetName } from "./sheet-names";

/** A workbook name as NamedItem reads it. */
export interface NameAtRead {
  readonly name: string;
  readonly formula: string;
  readonly comment: string;
  readonly visible: boolean;
}

/** Names the plan defines that a load leaves behind on another sheet, by that sheet's id. */
export interface ScopedCopies {
  readonly sheetId: string;
  readonly names: readonly string[];
}

/** A reference formula as NamedItem.formula reads it ("='IIJ Model'!$C$2"), or null. */
export function parseReference(formula: string): { sheet: string; address: string } | null {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!=]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(
    formula
  );
  return m ? { sheet: (m[1] ?? m[2].trim()).replace(/''/g, "'"), address: m[3] } : null;
}

/**
 * The plan's names point at the sheet this load writes. Formulas on a sheet they pointed at until
 * now (the previous sheet kept whole beside a new one, or a model sheet the user renamed) would
 * then read the new sheet's drivers and guidance: give that sheet a copy of each name, scoped to
 * it and pointing at its own cells, which its formulas see before the workbook's.
 */
export function queueScopedCopies(
  plan: SheetPlan,
  keptSheet: string | undefined,
  sheetsAtRead: readonly Excel.Worksheet[],
  namesAtRead: readonly NameAtRead[]
): ScopedCopies[] {
  const ours = new Set(plan.names.map((n) => n.name));
  const copies = new Map<string, string[]>();
  for (const { name, formula, comment } of namesAtRead) {
    const ref = ours.has(name) ? parseReference(formula) : null;
    if (!ref) continue;
    // The model sheet itself is left behind only when it is kept beside a new one.
    if (sameSheetName(ref.sheet, plan.sheetName) && !keptSheet) continue;
    const holder = sheetsAtRead.find((s) => sameSheetName(s.name, ref.sheet));
    if (!holder) continue;
    holder.names.add(name, holder.getRange(ref.address), comment);
    copies.set(holder.id, [...(copies.get(holder.id) ?? []), name]);
  }
  return [...copies].map(([sheetId, names]) => ({ sheetId, names }));
}

/** The plan's names on `sheet`, replacing the workbook names of the same name. */
export function queuePlanNames(
  names: Excel.NamedItemCollection,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  existing: readonly string[]
): void {
  for (const name of plan.names) {
    if (existing.includes(name.name)) names.getItem(name.name).delete();
    names.add(name.name, sheet.getRange(a1(name.row, name.col, true)), name.comment);
  }
}

/** After a failed write: the sheet-scoped copies it gave the sheets it left are removed. */
export function queueScopedCopiesRemoval(
  holders: readonly { holder: Excel.Worksheet; copied: readonly string[] }[]
): void {
  for (const { holder, copied } of holders) {
    if (holder.isNullObject) continue;
    for (const { name } of holder.names.items)
      if (copied.includes(name)) holder.names.getItem(name).delete();
  }
}

/**
 * After a failed write: the workbook names a load writes (`ours`: the plan's and the layout
 * record's) are put back as the read found them, or removed when the read found none.
 */
export function queueNamesPutBack(
  names: Excel.NamedItemCollection,
  modelSheet: Excel.Worksheet | null,
  sheetName: string,
  ours: readonly string[],
  atRead: readonly NameAtRead[]
): void {
  const now = new Set(names.items.map((n) => n.name));
  for (const name of ours) {
    if (now.has(name)) names.getItem(name).delete();
    const old = atRead.find((n) => n.name === name);
    if (!old) continue;
    // On the model sheet by its id, not by the name the reference was read with: the user may
    // have renamed the sheet since, and a reference to a sheet name that is gone is refused.
    const ref = parseReference(old.formula);
    const item =
      modelSheet && ref && sameSheetName(ref.sheet, sheetName)
        ? names.add(old.name, modelSheet.getRange(ref.address), old.comment)
        : names.add(old.name, old.formula, old.comment);
    if (!old.visible) item.visible = false;
  }
}

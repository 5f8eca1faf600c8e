/**
 * Renders a SheetPlan into the open workbook with Office.js: one read, one write (two
 * `context.sync()` calls whatever the size of the sheet), values as 2-D blocks, formats after
 * values. The analyst's cells are read first and carried over (see merge.ts); a conflict keeps
 * the old sheet whole under another name; a failed write restores what was read and redraws the
 * previous model.
 */
import { type Grid, type MergeResult, anchorAtA1, mergeSheet, sameContent } from "./merge";
import { type PlanCell, type SheetPlan, a1 } from "./plan-types";
import { CHECK_ALERT, STYLES } from "./styles";

/** Where the model remembers what it wrote, so the next load can tell the analyst's cells apart. */
export const LAYOUT_SHEET_NAME = "IIJ Model layout";

export interface LoadOutcome {
  readonly ok: boolean;
  /** One sentence for the pane's status line. */
  readonly message: string;
  readonly sheetName: string;
  readonly values: number;
  readonly formulas: number;
  readonly checks: number;
  readonly carried: number;
  /** Where the previous sheet went when the analyst's edits collided with the new plan. */
  readonly keptSheet?: string;
}

// Column widths are in points; a character of the default font is about 5.5 points wide.
const POINTS_PER_CHARACTER = 5.5;

const range = (sheet: Excel.Worksheet, rows: number, columns: number) =>
  sheet.getRange(`A1:${a1(rows - 1, columns - 1)}`);

/** Runs of consecutive cells in a row that share a key, so formats go on as few ranges as possible. */
function runs<T>(
  cells: readonly T[],
  keyOf: (cell: T) => string | null,
  colOf: (cell: T) => number
): { key: string; from: number; to: number }[] {
  const out: { key: string; from: number; to: number }[] = [];
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key === null) continue;
    const col = colOf(cell);
    const last = out[out.length - 1];
    if (last && last.key === key && last.to === col - 1) last.to = col;
    else out.push({ key, from: col, to: col });
  }
  return out;
}

function queueStyles(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const byRow = new Map<number, PlanCell[]>();
  for (const cell of plan.cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  for (const [row, cells] of byRow) {
    for (const run of runs(
      cells,
      (c) => c.style,
      (c) => c.col
    )) {
      const spec = STYLES[run.key as PlanCell["style"]];
      const target = sheet.getRange(`${a1(row, run.from)}:${a1(row, run.to)}`);
      target.format.font.color = spec.color;
      target.format.font.bold = spec.bold ?? false;
      target.format.font.italic = spec.italic ?? false;
      if (spec.size) target.format.font.size = spec.size;
      if (spec.fill) target.format.fill.color = spec.fill;
    }
  }
}

function numberFormats(plan: SheetPlan, merged: MergeResult, current: Grid): Grid {
  const formats: Grid = Array.from({ length: merged.rows }, (_, r) =>
    Array.from({ length: merged.columns }, (_, c) =>
      merged.analystOwned[r][c] ? (current[r]?.[c] ?? "General") : "General"
    )
  );
  for (const cell of plan.cells)
    if (cell.numberFormat) formats[cell.row][cell.col] = cell.numberFormat;
  return formats;
}

/**
 * Clears old formats, conditional formats and lists from every cell the analyst does not own
 * over rows x columns, row by row. Lists too: clear("Formats") leaves a cell's data validation,
 * and a list the previous layout put on a row that now holds a driver would refuse its numbers.
 */
function queueFormatReset(
  sheet: Excel.Worksheet,
  analystOwned: readonly (readonly boolean[])[],
  rows: number,
  columns: number
): void {
  for (let r = 0; r < rows; r++) {
    const cols = Array.from({ length: columns }, (_, c) => ({ owned: !!analystOwned[r]?.[c], c }));
    for (const run of runs(
      cols,
      (x) => (x.owned ? null : "model"),
      (x) => x.c
    )) {
      const cells = sheet.getRange(`${a1(r, run.from)}:${a1(r, run.to)}`);
      cells.clear("Formats");
      // Only the model's cells: conditional formats and lists on the analyst's own cells stay.
      cells.conditionalFormats.clearAll();
      cells.dataValidation.clear();
    }
  }
}

function queueModel(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  merged: MergeResult,
  formats: Grid,
  existingNames: readonly string[],
  existingCharts: readonly string[]
): void {
  const area = range(sheet, merged.rows, merged.columns);
  queueFormatReset(sheet, merged.analystOwned, merged.rows, merged.columns);
  // Names first, so formulas that use them (the drivers) resolve when they are written.
  for (const name of plan.names) {
    if (existingNames.includes(name.name)) context.workbook.names.getItem(name.name).delete();
    context.workbook.names.add(
      name.name,
      sheet.getRange(a1(name.row, name.col, true)),
      name.comment
    );
  }
  area.formulas = merged.formulas;
  area.numberFormat = formats;
  queueDecoration(sheet, plan);
  queueCharts(sheet, plan, existingCharts);
}

/** The plan's look but number formats and charts: fonts, fills, widths, panes, checks, lists. */
function queueDecoration(sheet: Excel.Worksheet, plan: SheetPlan): void {
  queueStyles(sheet, plan);
  plan.columnWidths.forEach((width, c) => {
    sheet.getRange(`${a1(0, c)}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
  sheet.freezePanes.unfreeze();
  sheet.freezePanes.freezeAt(
    sheet.getRange(`A1:${a1(plan.freeze.rows - 1, plan.freeze.columns - 1)}`)
  );
  for (const area of plan.checkAreas) {
    const target = sheet.getRange(
      `${a1(area.firstRow, area.firstCol)}:${a1(area.lastRow, area.lastCol)}`
    );
    const cf = target.conditionalFormats.add("CellValue");
    cf.cellValue.format.font.color = CHECK_ALERT.color;
    cf.cellValue.format.font.bold = true;
    if (CHECK_ALERT.fill) cf.cellValue.format.fill.color = CHECK_ALERT.fill;
    cf.cellValue.rule = { formula1: `=${area.expected}`, operator: "NotEqualTo" };
  }
  for (const v of plan.validations) {
    const validation = sheet.getRange(a1(v.row, v.col)).dataValidation;
    validation.clear();
    validation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
  }
}

/** The plan's charts, replacing the ones a previous load drew (found by name). */
function queueCharts(sheet: Excel.Worksheet, plan: SheetPlan, existing: readonly string[]): void {
  for (const spec of plan.charts) {
    if (existing.includes(spec.name)) sheet.charts.getItem(spec.name).delete();
    const data = sheet.getRange(
      `${a1(spec.data.firstRow, spec.data.firstCol)}:${a1(spec.data.lastRow, spec.data.lastCol)}`
    );
    const chart = sheet.charts.add("LineMarkers", data, "Rows");
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.setPosition(a1(spec.from.row, spec.from.col), a1(spec.to.row, spec.to.col));
    for (const i of spec.secondary) chart.series.getItemAt(i).axisGroup = "Secondary";
    for (const i of spec.markersOnly) chart.series.getItemAt(i).format.line.lineStyle = "None";
  }
}

function keptName(existing: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = `IIJ Model (kept ${n})`;
    if (!existing.includes(name)) return name;
  }
}

/**
 * The plan the previous load drew, rebuilt from the quarter and unit its header recorded, or null
 * when it cannot be rebuilt exactly (no rebuilder, an unreadable header, or data that changed
 * since): it is used only if every cell it plans is what the layout record says was written.
 */
function previousPlanOf(
  plan: SheetPlan,
  previous: Grid | null,
  planFor?: PlanFor
): SheetPlan | null {
  if (!previous || !planFor) return null;
  const header = (name: string) => {
    const cell = plan.names.find((n) => n.name === name);
    return cell ? previous[cell.row]?.[cell.col] : undefined;
  };
  const quarter = header("IIJ_QUARTER");
  const unit = header("IIJ_UNIT");
  if (typeof quarter !== "string" || typeof unit !== "string") return null;
  let rebuilt: SheetPlan | null;
  try {
    rebuilt = planFor({ quarter, unit });
  } catch {
    return null;
  }
  if (!rebuilt) return null;
  const written = mergeSheet(rebuilt, [], null).modelFormulas;
  const rows = Math.max(written.length, previous.length);
  for (let r = 0; r < rows; r++) {
    const columns = Math.max(written[r]?.length ?? 0, previous[r]?.length ?? 0);
    for (let c = 0; c < columns; c++)
      if (!sameContent(written[r]?.[c], previous[r]?.[c])) return null;
  }
  return rebuilt;
}

/** A reference formula as NamedItem.formula reads it ("='IIJ Model'!$C$2"), or null. */
export function parseReference(formula: string): { sheet: string; address: string } | null {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!=]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(
    formula
  );
  return m ? { sheet: (m[1] ?? m[2].trim()).replace(/''/g, "'"), address: m[3] } : null;
}

/** Names the plan defines that a load leaves behind on another sheet, by that sheet's id. */
interface ScopedCopies {
  readonly sheetId: string;
  readonly names: readonly string[];
}

/**
 * The plan's names point at the sheet this load writes. Formulas on a sheet they pointed at until
 * now (the previous sheet kept whole beside a new one, or a model sheet the user renamed) would
 * then read the new sheet's drivers and guidance: give that sheet a copy of each name, scoped to
 * it and pointing at its own cells, which its formulas see before the workbook's.
 */
function queueScopedCopies(
  plan: SheetPlan,
  keptSheet: string | undefined,
  sheetsAtRead: readonly Excel.Worksheet[],
  namesAtRead: readonly { name: string; formula: string; comment: string }[]
): ScopedCopies[] {
  const ours = new Set(plan.names.map((n) => n.name));
  const copies = new Map<string, string[]>();
  for (const { name, formula, comment } of namesAtRead) {
    const ref = ours.has(name) ? parseReference(formula) : null;
    if (!ref || ref.sheet === LAYOUT_SHEET_NAME) continue;
    // The model sheet itself is left behind only when it is kept beside a new one.
    if (ref.sheet === plan.sheetName && !keptSheet) continue;
    const holder = sheetsAtRead.find((s) => s.name === ref.sheet);
    if (!holder) continue;
    holder.names.add(name, holder.getRange(ref.address), comment);
    copies.set(holder.id, [...(copies.get(holder.id) ?? []), name]);
  }
  return [...copies].map(([sheetId, names]) => ({ sheetId, names }));
}

/** Rebuilds the plan of an earlier load from what its header recorded (quarter and unit). */
export type PlanFor = (header: { quarter: string; unit: string }) => SheetPlan | null;

/**
 * Loads the plan into the workbook. Call inside `Excel.run`; makes two syncs (two more only to
 * restore the workbook after a failed write). Never throws: a failure is an outcome whose message
 * says what happened and what to do. With `planFor`, a failed reload also redraws the previous
 * model's look (fonts, fills, widths, panes, check formats, lists, chart), not only its contents.
 */
export async function loadPlan(
  context: Excel.RequestContext,
  plan: SheetPlan,
  planFor?: PlanFor
): Promise<LoadOutcome> {
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(plan.sheetName);
  const layout = sheets.getItemOrNullObject(LAYOUT_SHEET_NAME);
  const used = sheet.getUsedRangeOrNullObject();
  const previousUsed = layout.getUsedRangeOrNullObject();
  sheet.load("name, id, protection/protected");
  layout.load("name, id");
  used.load("address, formulas, numberFormat");
  previousUsed.load("address, formulas");
  // The charts of our sheet, to replace the one a previous load drew.
  const charts = sheets.getItemOrNullObject(plan.sheetName).charts;
  charts.load("items/name");
  sheets.load("items/name, items/id");
  context.workbook.names.load("items/name, items/formula, items/comment");
  const base = {
    sheetName: plan.sheetName,
    values: plan.summary.values,
    formulas: plan.summary.formulas,
    checks: plan.summary.checks,
    carried: 0,
  };
  try {
    await context.sync(); // 1: read
  } catch (error) {
    return {
      ...base,
      ok: false,
      message: `Could not read the workbook: ${reasonOf(error)}. Nothing was changed. ${AGAIN}`,
    };
  }
  if (!sheet.isNullObject && sheet.protection.protected) {
    return {
      ...base,
      ok: false,
      message: `The sheet "${plan.sheetName}" is protected. Unprotect it (Review > Unprotect Sheet) and load again; nothing was changed.`,
    };
  }
  const current: Grid =
    sheet.isNullObject || used.isNullObject ? [] : anchorAtA1(used.address, used.formulas as Grid);
  const currentFormats: Grid =
    sheet.isNullObject || used.isNullObject
      ? []
      : anchorAtA1(used.address, used.numberFormat as Grid);
  const previous: Grid | null =
    layout.isNullObject || previousUsed.isNullObject
      ? null
      : anchorAtA1(previousUsed.address, previousUsed.formulas as Grid);
  const sheetNames = sheets.items.map((s) => s.name);
  const existingNames = context.workbook.names.items.map((n) => n.name);

  let merged = mergeSheet(plan, current, previous);
  const conflicts = merged.conflicts;
  let keptSheet: string | undefined;
  context.workbook.application.suspendApiCalculationUntilNextSync();
  let target: Excel.Worksheet;
  if (sheet.isNullObject) {
    target = sheets.add(plan.sheetName);
  } else if (merged.conflicts.length > 0) {
    keptSheet = keptName(sheetNames);
    sheet.name = keptSheet;
    target = sheets.add(plan.sheetName);
    merged = mergeSheet(plan, [], null);
  } else {
    target = sheet;
  }
  const formats = numberFormats(plan, merged, keptSheet ? [] : currentFormats);
  const existingCharts = target === sheet ? charts.items.map((c) => c.name) : [];
  // Before the names move to the new sheet: the sheet they leave keeps its own copies.
  const scoped = queueScopedCopies(plan, keptSheet, sheets.items, context.workbook.names.items);
  queueModel(context, target, plan, merged, formats, existingNames, existingCharts);
  target.activate();
  // Last, so that a failure before it leaves the record of the previous load in place.
  const layoutSheet = layout.isNullObject ? sheets.add(LAYOUT_SHEET_NAME) : layout;
  if (!layout.isNullObject) layoutSheet.getRange().clear("Contents");
  range(layoutSheet, plan.rowCount, plan.columnCount).formulas = merged.modelFormulas;
  layoutSheet.visibility = "VeryHidden";
  try {
    await context.sync(); // 2: write
  } catch (error) {
    const restored = await restore(context, plan, {
      sheetIds: new Set(sheets.items.map((s) => s.id)),
      modelSheetId: sheet.isNullObject ? undefined : sheet.id,
      wroteModelSheet: !sheet.isNullObject && keptSheet === undefined,
      keptSheet,
      current,
      currentFormats,
      written: merged,
      charts: existingCharts,
      scoped,
      previousPlan: previousPlanOf(plan, previous, planFor),
      layoutId: layout.isNullObject ? undefined : layout.id,
      previous,
      names: context.workbook.names.items
        .filter((n) => plan.names.some((p) => p.name === n.name))
        .map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
    });
    return { ...base, ok: false, message: `Load failed: ${reasonOf(error)}. ${restored}` };
  }
  const summary = `Loaded ${plan.quarter} (${plan.unit}): ${plan.summary.values} values, ${plan.summary.formulas} formulas, ${plan.summary.checks} checks.`;
  if (keptSheet) {
    const where =
      conflicts.length > 3
        ? `${conflicts.slice(0, 3).join(", ")} and ${conflicts.length - 3} more`
        : conflicts.join(", ");
    return {
      ...base,
      ok: true,
      keptSheet,
      message: `${summary} You had typed in cells the new model needs (${where}); the previous sheet is kept whole as "${keptSheet}".`,
    };
  }
  return {
    ...base,
    ok: true,
    carried: merged.carried,
    message: `${summary}${merged.carried ? ` Kept ${merged.carried} of your cells.` : ""}`,
  };
}

const AGAIN = "Load the quarter again; if it keeps failing, close and reopen the workbook first.";

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
}

/** What the read found, to put back after a failed write. */
interface ReadState {
  /** Every sheet's id at the read: a sheet with another id was added by the failed write. */
  readonly sheetIds: ReadonlySet<string>;
  readonly modelSheetId?: string;
  /** Whether the write went to the existing model sheet (not to a fresh one beside a kept sheet). */
  readonly wroteModelSheet: boolean;
  readonly keptSheet?: string;
  readonly current: Grid;
  readonly currentFormats: Grid;
  /** What the failed write was writing, from A1. */
  readonly written: MergeResult;
  /** The names the write copied onto the sheets it left behind. */
  readonly scoped: readonly ScopedCopies[];
  /** The names of the model sheet's charts at the read. */
  readonly charts: readonly string[];
  /** The plan the model sheet was drawn from, when it can be rebuilt exactly (see previousPlanOf). */
  readonly previousPlan: SheetPlan | null;
  readonly layoutId?: string;
  /** The layout record as read (null when there was none). */
  readonly previous: Grid | null;
  /** The workbook names the plan defines that existed at the read. */
  readonly names: readonly { name: string; formula: string; comment: string }[];
}

/** Writes `grid` from A1 over rows x columns, padding with `fill`. */
function putBack(sheet: Excel.Worksheet, grid: Grid, formats: Grid | null, rows: number, columns: number) {
  if (rows === 0 || columns === 0) return;
  const pad = (g: Grid, fill: string) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => g[r]?.[c] ?? fill));
  const area = range(sheet, rows, columns);
  area.formulas = pad(grid, "");
  if (formats) area.numberFormat = pad(formats, "General");
} // prettier-ignore

/**
 * After a failed write, whatever command it stopped at: remove what the write added (sheets whose
 * id the read did not see, named like ours; names it defined; the sheet-scoped copies it gave the
 * sheets it left; charts), put the model sheet's name, cells and number formats back, redraw the
 * previous plan's look when it could be rebuilt, and put the layout record and names back as they
 * were. A sheet the user renamed to our name during the load has an id the read saw, so it is
 * never deleted. Two syncs: one to see what the failed batch left, one to put things back.
 */
async function restore(
  context: Excel.RequestContext,
  plan: SheetPlan,
  read: ReadState
): Promise<string> {
  try {
    const sheets = context.workbook.worksheets;
    const names = context.workbook.names;
    sheets.load("items/name, items/id");
    names.load("items/name");
    const original = read.modelSheetId ? sheets.getItem(read.modelSheetId) : null;
    original?.load("name, protection/protected");
    const charts = original?.charts;
    charts?.load("items/name");
    const holders = read.scoped.map(({ sheetId, names: copied }) => {
      const holder = sheets.getItemOrNullObject(sheetId);
      holder.load("id");
      holder.names.load("items/name");
      return { holder, copied };
    });
    await context.sync();

    for (const { holder, copied } of holders) {
      if (holder.isNullObject) continue;
      for (const { name } of holder.names.items)
        if (copied.includes(name)) holder.names.getItem(name).delete();
    }
    for (const s of sheets.items) {
      const ours = s.name === plan.sheetName || s.name === LAYOUT_SHEET_NAME;
      if (ours && !read.sheetIds.has(s.id)) s.delete();
    }
    if (original && read.keptSheet && original.name === read.keptSheet)
      original.name = plan.sheetName;
    const redraw = read.wroteModelSheet && read.previousPlan !== null;
    // A sheet protected since the read refused every write: there is nothing to put back.
    if (original && read.wroteModelSheet && !original.protection.protected) {
      const previousPlan = read.previousPlan;
      const drawn = previousPlan && mergeSheet(previousPlan, read.current, read.previous);
      const columns = Math.max(read.written.columns, drawn?.columns ?? 0);
      const rows = Math.max(read.written.rows, drawn?.rows ?? 0);
      // Charts the failed write added: ours by name, or one it had not yet named (Excel's
      // default "Chart N") that was not there at the read. With the previous plan, all of ours
      // go, to be drawn again.
      const ourCharts = new Set(
        [...plan.charts, ...(previousPlan?.charts ?? [])].map((c) => c.name)
      );
      const added = (name: string) =>
        !read.charts.includes(name) && (ourCharts.has(name) || /^Chart \d+$/.test(name));
      for (const chart of charts?.items ?? [])
        if (added(chart.name) || (previousPlan && ourCharts.has(chart.name))) chart.delete();
      // Who owns a cell depends on what was read, not on the plan: one reset covers both plans.
      if (previousPlan) queueFormatReset(original, read.written.analystOwned, rows, columns);
      putBack(original, read.current, read.currentFormats, rows, columns);
      if (previousPlan) {
        queueDecoration(original, previousPlan);
        queueCharts(original, previousPlan, []);
      }
    }
    if (read.layoutId) {
      const layout = sheets.getItem(read.layoutId);
      layout.getRange().clear("Contents");
      const previous = read.previous ?? [];
      putBack(
        layout,
        previous,
        null,
        previous.length,
        Math.max(0, ...previous.map((r) => r.length))
      );
    }
    const now = new Set(names.items.map((n) => n.name));
    for (const { name } of plan.names) {
      if (now.has(name)) names.getItem(name).delete();
      const old = read.names.find((n) => n.name === name);
      if (!old) continue;
      // On the model sheet by its id, not by the name the reference was read with: the user may
      // have renamed the sheet since, and a reference to a sheet name that is gone is refused.
      const ref = parseReference(old.formula);
      if (original && ref?.sheet === plan.sheetName)
        names.add(old.name, original.getRange(ref.address), old.comment);
      else names.add(old.name, old.formula, old.comment);
    }
    await context.sync();
    if (!read.wroteModelSheet) return `Nothing was changed. ${AGAIN}`;
    return redraw
      ? `The previous sheet was restored. ${AGAIN}`
      : `The previous sheet's contents were restored; loading again redraws its formatting. ${AGAIN}`;
  } catch (error) {
    return `Restoring the previous sheet also failed (${reasonOf(error)}): check the "${plan.sheetName}" sheet and the IIJ_ names before using them, then load the quarter again.`;
  }
}

/**
 * An Excel host double for a real browser: `Excel.run` over the in-memory workbook of
 * fake-excel.ts (worksheets, ranges, formats, names, conditional formats, Office.js's
 * load/sync batching, errors for properties read before a sync, formulas calculated as Excel would
 * by calc.ts), plus what a test or the preview needs around it: a JSON view of the workbook with
 * each cell's computed value, typing into a cell, change notifications and fault injection.
 * install.ts puts it in a page. Development only: never in the production build.
 *
 * A page (or a test, through page.evaluate) reaches it as `window.__iijExcelHost`. In the preview
 * the pane runs in an iframe and shares its parent's double, so the grid beside it shows what the
 * pane wrote.
 */
import { topLeftOf } from "../../src/sheet/merge";
import { a1 } from "../../src/sheet/plan-types";
import { type WorkbookCalculation, calculationOf } from "./calc";
import { type CustomXmlPartState, customXmlPartsView } from "./fake-custom-xml";
import { FakeRequestContext, FakeWorkbookState, SheetState } from "./fake-excel";

/** A cell as the tests and the preview read it. */
export interface CellView {
  readonly address: string;
  readonly formula: string | number | boolean;
  /**
   * What Excel shows, computed by the double's engine (calc.ts): a formula's result (an error as
   * its code, e.g. "#N/A"), a value spilled from a formula above or left (its formula is ""), or
   * the constant typed.
   */
  readonly value: string | number | boolean;
  /** The message of an error value where there is one (e.g. a custom function's). */
  readonly message?: string;
  readonly numberFormat: string;
  readonly color: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly fill: string | null;
}

/** A sheet's contents, JSON-serialisable (page.evaluate returns it to the test). */
export interface SheetView {
  readonly name: string;
  readonly visibility: string;
  readonly frozen: string | null;
  readonly cells: Record<string, CellView>;
  /** Column widths set through `format.columnWidth`, in points, by 0-based column. */
  readonly columnWidths: Record<number, number>;
  readonly conditionalFormats: readonly { address: string; font: string; fill: string }[];
}

export interface WorkbookView {
  readonly sheets: readonly SheetView[];
  readonly names: Record<string, string>;
  readonly activeSheet: string | null;
  /** The workbook's Custom XML parts (the releases the pane stores, among others). */
  readonly customXmlParts: readonly CustomXmlPartState[];
}

export interface ExcelHostDouble {
  readonly workbook: FakeWorkbookState;
  /**
   * Fault injection: the next `Excel.run`'s sync number `sync` (1-based) fails at command `at`
   * (1-based), or half way through its batch with "middle". Commands before it stay applied.
   */
  failNextRun(sync: number, at: number | "middle"): void;
  /** Types into a cell as a user would (a value, or a formula starting with "="). */
  setCell(sheet: string, address: string, value: string | number | boolean): void;
  view(): WorkbookView;
  /** Called after every `Excel.run` and every `setCell`. */
  onChange(listener: () => void): void;
  /** What `Excel.run` does: one request context per batch, its pending commands synced at the end. */
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
}

declare global {
  interface Window {
    __iijExcelHost?: ExcelHostDouble;
  }
}

function sheetView(sheet: SheetState, calculation: WorkbookCalculation): SheetView {
  const cells: Record<string, CellView> = {};
  const values = calculation.sheetValues(sheet);
  const valueAt = (key: string, r: number, c: number) => {
    const value = sheet.peek(r, c)?.value ?? values.get(key) ?? "";
    const message =
      typeof value === "string" && value.startsWith("#")
        ? calculation.errorMessage(sheet, r, c)
        : undefined;
    return message === undefined ? { value } : { value, message };
  };
  for (const [key, d] of sheet.cells) {
    const [r, c] = key.split(",").map(Number);
    const address = a1(r, c);
    const untouched =
      d.formula === "" && d.numberFormat === "General" && d.fill === null && !d.font.bold;
    if (untouched && d.font.color === "#000000" && !d.font.italic && !values.has(key)) continue;
    cells[address] = {
      address,
      formula: d.formula,
      ...valueAt(key, r, c),
      numberFormat: d.numberFormat,
      color: d.font.color,
      bold: d.font.bold,
      italic: d.font.italic,
      fill: d.fill,
    };
  }
  // Cells a formula spilled into, which hold nothing of their own.
  for (const key of values.keys()) {
    if (sheet.cells.has(key)) continue;
    const [r, c] = key.split(",").map(Number);
    const address = a1(r, c);
    cells[address] = {
      address,
      formula: "",
      ...valueAt(key, r, c),
      numberFormat: "General",
      color: "#000000",
      bold: false,
      italic: false,
      fill: null,
    };
  }
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    frozen: sheet.frozen,
    cells,
    columnWidths: Object.fromEntries(sheet.columnWidths),
    conditionalFormats: sheet.conditionalFormats.map(({ address, font, fill }) => ({
      address,
      font,
      fill,
    })),
  };
}

/** A workbook with one empty sheet, "Sheet1", as Excel opens a new one. */
export function createExcelHost(): ExcelHostDouble {
  const workbook = new FakeWorkbookState();
  workbook.sheets.push(new SheetState("Sheet1"));
  workbook.activeSheet = "Sheet1";
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((listener) => listener());
  let fault: { sync: number; at: number | "middle" } | null = null;
  const host = {
    workbook,
    failNextRun(sync: number, at: number | "middle") {
      fault = { sync, at };
    },
    setCell(sheetName: string, address: string, value: string | number | boolean) {
      const sheet = workbook.sheet(sheetName);
      if (!sheet) throw new Error(`No sheet named ${sheetName}`);
      const { row, col } = topLeftOf(address.toUpperCase());
      sheet.cell(row, col).formula = value;
      changed();
    },
    view(): WorkbookView {
      // Anything may have changed (a test or the preview edits the state directly).
      const calculation = calculationOf(workbook);
      calculation.noteChange();
      return {
        sheets: workbook.sheets.map((sheet) => sheetView(sheet, calculation)),
        names: Object.fromEntries(
          [...workbook.names].map(([name, { address }]) => [name, address])
        ),
        activeSheet: workbook.activeSheet,
        customXmlParts: customXmlPartsView(workbook.customXmlParts),
      };
    },
    onChange(listener: () => void) {
      listeners.push(listener);
    },
    async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      const context = new FakeRequestContext(workbook);
      if (fault) context.faults.failCommand({ sync: fault.sync, index: fault.at });
      fault = null;
      try {
        const result = await batch(context);
        if (context.queue.commands.length > 0) await context.sync();
        return result;
      } finally {
        changed();
      }
    },
  };
  return host;
}

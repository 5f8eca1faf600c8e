/**
 * The local preview (dev only, served by `npm start` where there is no desktop Excel): the real
 * task pane in an iframe (preview-pane.html: the production pane page, with office.js served
 * locally and the Excel host double loaded right before it) beside a plain grid of the double's workbook.
 * A cell holding `=IIJ.…` is evaluated as Excel would through the add-in's function library; other
 * formulas (the model's native ones) are shown as written, since the double does not calculate.
 */
import { formatResult, parseFormula } from "../../src/functions/formula-text";
import { type Result, invoke } from "../../src/functions/library";
import { isIIJError } from "../../src/model";
import { topLeftOf } from "../../src/sheet/merge";
import { a1, columnLetters } from "../../src/sheet/plan-types";
import { type CellView, type SheetView, createExcelHost } from "../excel-host/double";

const host = createExcelHost();
// The pane's iframe picks this double up (install.ts), so both sides see one workbook.
window.__iijExcelHost = host;

const MIN_ROWS = 30;
const MIN_COLUMNS = 10;
const MAX_ROWS = 400;
const MAX_COLUMNS = 40;
const ROW_HEADER_WIDTH = 40;

let shownSheet = "Sheet1";
let selected = "A1";

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The preview is missing #${id}`);
  return found as T;
}

function isIIJFormula(value: unknown): boolean {
  return typeof value === "string" && /^=\s*IIJ\./i.test(value);
}

/** What a cell holding `=IIJ.…` returns, as the add-in's custom function would. */
function evaluate(formula: string): Result | string {
  try {
    const call = parseFormula(formula);
    return invoke(call.name, call.args);
  } catch (error) {
    return `#VALUE!: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A number shown roughly as its Excel number format would show it (separators, decimals, %). */
function formatNumber(value: number, format: string): string {
  if (format === "General" || format === "") return String(value);
  const section = value < 0 && format.includes(";") ? format.split(";")[1] : format.split(";")[0];
  const decimals = (/\.(0+)/.exec(section)?.[1] ?? "").length;
  const percent = section.includes("%");
  const magnitude = Math.abs(value) * (percent ? 100 : 1);
  const digits = magnitude.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: section.includes(","),
  });
  const text = `${digits}${percent ? "%" : ""}`;
  if (value >= 0) return text;
  return section.includes("(") ? `(${text})` : `-${text}`;
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)))
    return Number(value);
  return null;
}

interface Shown {
  text: string;
  kind: "number" | "text" | "formula-text";
}

function scalarShown(value: unknown, format: string): Shown {
  if (isIIJError(value)) return { text: value.kind, kind: "text" };
  const n = asNumber(value);
  if (n !== null) return { text: formatNumber(n, format), kind: "number" };
  return { text: String(value), kind: "text" };
}

/** Display text of every non-empty cell, with `=IIJ.…` results spilled into empty neighbours. */
function shownCells(sheet: SheetView): Map<string, Shown> {
  const shown = new Map<string, Shown>();
  for (const cell of Object.values(sheet.cells)) {
    if (cell.formula === "") continue;
    if (isIIJFormula(cell.formula)) {
      const result = evaluate(String(cell.formula));
      if (typeof result === "string" && result.startsWith("#VALUE!: ")) {
        shown.set(cell.address, { text: "#VALUE!", kind: "text" });
        continue;
      }
      const grid = Array.isArray(result) ? result : [[result]];
      const { row, col } = topLeftOf(cell.address);
      grid.forEach((line, i) =>
        line.forEach((value, j) => {
          const at = a1(row + i, col + j);
          const occupied = (sheet.cells[at]?.formula ?? "") !== "";
          if (i + j === 0 || !occupied) shown.set(at, scalarShown(value, cell.numberFormat));
        })
      );
    } else if (typeof cell.formula === "string" && cell.formula.startsWith("=")) {
      shown.set(cell.address, { text: cell.formula, kind: "formula-text" });
    } else {
      shown.set(cell.address, scalarShown(cell.formula, cell.numberFormat));
    }
  }
  return shown;
}

function extent(shown: Map<string, Shown>, sheet: SheetView): { rows: number; columns: number } {
  let rows = MIN_ROWS;
  let columns = MIN_COLUMNS;
  for (const address of [...shown.keys(), ...Object.keys(sheet.cells)]) {
    const { row, col } = topLeftOf(address);
    rows = Math.max(rows, row + 6);
    columns = Math.max(columns, col + 3);
  }
  return { rows: Math.min(rows, MAX_ROWS), columns: Math.min(columns, MAX_COLUMNS) };
}

function styleCell(td: HTMLTableCellElement, cell: CellView | undefined): void {
  if (!cell) return;
  td.style.color = cell.color;
  if (cell.bold) td.style.fontWeight = "600";
  if (cell.italic) td.style.fontStyle = "italic";
  if (cell.fill) td.style.background = cell.fill;
}

function renderTabs(sheets: readonly SheetView[]): void {
  const tabs = byId<HTMLElement>("tabs");
  const visible = sheets.filter((s) => s.visibility === "Visible");
  if (!visible.some((s) => s.name === shownSheet)) shownSheet = visible[0]?.name ?? "";
  tabs.replaceChildren(
    ...visible.map((sheet) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = sheet.name;
      button.setAttribute("aria-pressed", String(sheet.name === shownSheet));
      button.addEventListener("click", () => {
        shownSheet = sheet.name;
        host.workbook.activeSheet = sheet.name;
        render();
      });
      return button;
    })
  );
}

function renderGrid(sheet: SheetView | undefined): void {
  const table = byId<HTMLTableElement>("grid");
  if (!sheet) {
    table.replaceChildren();
    return;
  }
  const shown = shownCells(sheet);
  const { rows, columns } = extent(shown, sheet);
  // Widths as the sheet sets them (points; 64 px is Excel's default column).
  const widths = document.createElement("colgroup");
  const pixels = [ROW_HEADER_WIDTH];
  for (let c = 0; c < columns; c++) {
    const points = sheet.columnWidths[c];
    pixels.push(points ? Math.round((points * 4) / 3) : 64);
  }
  for (const width of pixels) {
    const col = document.createElement("col");
    col.style.width = `${width}px`;
    widths.append(col);
  }
  table.style.width = `${pixels.reduce((a, b) => a + b, 0)}px`;
  const head = document.createElement("tr");
  head.append(document.createElement("th"));
  for (let c = 0; c < columns; c++) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = columnLetters(c);
    head.append(th);
  }
  const body: HTMLTableRowElement[] = [];
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = String(r + 1);
    tr.append(th);
    for (let c = 0; c < columns; c++) {
      const address = a1(r, c);
      const td = document.createElement("td");
      td.dataset.address = address;
      const value = shown.get(address);
      if (value) {
        td.textContent = value.text;
        td.className = value.kind;
        td.title = String(sheet.cells[address]?.formula ?? value.text);
      }
      styleCell(td, sheet.cells[address]);
      if (address === selected) td.classList.add("selected");
      tr.append(td);
    }
    body.push(tr);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  tbody.append(...body);
  table.replaceChildren(widths, thead, tbody);
}

function showSelection(sheet: SheetView | undefined): void {
  byId("address").textContent = selected;
  const content = sheet?.cells[selected]?.formula ?? "";
  const input = byId<HTMLInputElement>("formula");
  if (document.activeElement !== input) input.value = String(content);
  const result = byId<HTMLOutputElement>("result");
  result.textContent = isIIJFormula(content)
    ? (() => {
        const value = evaluate(String(content));
        return typeof value === "string" && value.startsWith("#VALUE!: ")
          ? value
          : formatResult(value as Result);
      })()
    : "";
}

function render(): void {
  const view = host.view();
  renderTabs(view.sheets);
  const sheet = view.sheets.find((s) => s.name === shownSheet);
  renderGrid(sheet);
  showSelection(sheet);
}

/** A typed entry as Excel stores it: a number if it reads as one, else text or a formula. */
function typed(text: string): string | number {
  const trimmed = text.trim();
  return trimmed !== "" && !trimmed.startsWith("=") && !Number.isNaN(Number(trimmed))
    ? Number(trimmed)
    : text;
}

function setUp(): void {
  byId("grid").addEventListener("click", (event) => {
    const td = (event.target as HTMLElement).closest("td");
    if (!td?.dataset.address) return;
    selected = td.dataset.address;
    render();
    byId<HTMLInputElement>("formula").focus();
  });
  const input = byId<HTMLInputElement>("formula");
  input.addEventListener("focus", () => input.select());
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.blur();
      render();
      return;
    }
    if (event.key !== "Enter" || !shownSheet) return;
    host.setCell(shownSheet, selected, typed(input.value));
    const entered = selected;
    const { row, col } = topLeftOf(entered);
    input.blur();
    selected = a1(row + 1, col);
    render();
    const sheet = host.view().sheets.find((s) => s.name === shownSheet);
    const value = sheet?.cells[entered]?.formula ?? "";
    if (isIIJFormula(value)) {
      const result = evaluate(String(value));
      byId("result").textContent = `${entered}: ${
        typeof result === "string" && result.startsWith("#VALUE!: ")
          ? result
          : formatResult(result as Result)
      }`;
    }
  });
  host.onChange(() => {
    // The pane writes "IIJ Model" and activates it: follow it, as Excel would.
    const active = host.view().activeSheet;
    if (active) shownSheet = active;
    render();
  });
  render();
}

setUp();

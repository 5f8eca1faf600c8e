/**
 * The local preview (dev only, served by `npm start` where there is no desktop Excel): the real
 * task pane in an iframe (preview-pane.html: the production pane page, with office.js served
 * locally and the Excel host double loaded right before it) beside a plain grid of the double's workbook.
 * The grid shows what Excel would: each formula's value as the double calculates it (calc.ts), the
 * model's native formulas and `=IIJ.…` alike (those through the functions the pane's runtime
 * registered), recalculated when a cell is typed, so the forecast follows a driver edit live.
 */
import { topLeftOf } from "../../src/sheet/merge";
import { a1, columnLetters } from "../../src/sheet/plan-types";
import { type CellView, type SheetView, createExcelHost } from "../excel-host/double";

const host = createExcelHost();
// The pane's iframe picks this double up (install.ts), so both sides see one workbook. Its page is
// loaded only now, once the double is there: a pane that found none would make a workbook of its
// own, which the grid would never show (this script is deferred, and can arrive after the frame).
window.__iijExcelHost = host;
byId<HTMLIFrameElement>("pane").src = "preview-pane.html";

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

function isFormula(content: unknown): boolean {
  return typeof content === "string" && content.startsWith("=");
}

/** A formula cell's result for the line under the formula bar: its value, and an error's message. */
function resultText(cell: CellView): string {
  const shown = scalarShown(cell.value, "General").text;
  return cell.message ? `${shown}: ${cell.message}` : shown;
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
  kind: "number" | "text";
}

function scalarShown(value: unknown, format: string): Shown {
  if (typeof value === "boolean") return { text: String(value).toUpperCase(), kind: "text" };
  const n = asNumber(value);
  if (n !== null) return { text: formatNumber(n, format), kind: "number" };
  return { text: String(value), kind: "text" };
}

/** Display text of every non-empty cell: its value (spilled values included), never formula text. */
function shownCells(sheet: SheetView): Map<string, Shown> {
  const shown = new Map<string, Shown>();
  for (const cell of Object.values(sheet.cells)) {
    if (cell.formula === "" && cell.value === "") continue;
    shown.set(cell.address, scalarShown(cell.value, cell.numberFormat));
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
        td.title = String(sheet.cells[address]?.formula || value.text);
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
  const cell = sheet?.cells[selected];
  const input = byId<HTMLInputElement>("formula");
  if (document.activeElement !== input) input.value = String(cell?.formula ?? "");
  byId<HTMLOutputElement>("result").textContent =
    cell && isFormula(cell.formula) ? resultText(cell) : "";
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
    const cell = host.view().sheets.find((s) => s.name === shownSheet)?.cells[entered];
    if (cell && isFormula(cell.formula))
      byId("result").textContent = `${entered}: ${resultText(cell)}`;
  });
  // The pane's runtime registers the =IIJ functions when its page has run: show them computed.
  byId("pane").addEventListener("load", render);
  host.onChange(() => {
    // The pane writes "IIJ Model" and activates it: follow it, as Excel would.
    const active = host.view().activeSheet;
    if (active) shownSheet = active;
    render();
  });
  render();
}

setUp();

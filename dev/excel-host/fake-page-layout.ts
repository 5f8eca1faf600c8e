/**
 * How a sheet prints, in the Excel double (fake-excel.ts): `Worksheet.pageLayout` (ExcelApi 1.9)
 * with its orientation, zoom (fit to pages, or a scale), print area, print titles and footers, and
 * the row heights and wrapping a range's format sets. Faithful to Office.js where a writer could go
 * wrong: print titles must be whole rows ("$10:$11") or whole columns ("$A:$B"), the zoom is set as
 * one object, a scale is 10 to 400 and a page count a whole number. fake-excel.ts only calls in
 * here, so that its own code stays as it is.
 */
import type { CommandQueue } from "./fake-sheet-extras";
import { FakeExcelError, type Rect, type SheetState, parseAddress } from "./fake-excel";

/** Worksheet.pageLayout.zoom: a scale (percent), or pages wide and high to fit the sheet to. */
export interface PageZoom {
  readonly scale?: number;
  readonly horizontalFitToPages?: number;
  readonly verticalFitToPages?: number;
}

/** A sheet's print setup as Excel keeps it; a new sheet prints portrait at 100%, everything. */
export interface PageLayoutState {
  orientation: "Portrait" | "Landscape";
  zoom: PageZoom;
  /** The print area ("A1:N432"), or null for the used range. */
  printArea: string | null;
  /** Rows repeated at the top of each page ("$10:$11"), or null. */
  printTitleRows: string | null;
  /** Columns repeated at the left of each page ("$A:$B"), or null. */
  printTitleColumns: string | null;
  /** The footer of every page (HeaderFooterGroup.defaultForAllPages), with Excel's codes (&A, &P). */
  footer: { left: string; center: string; right: string };
}

const layouts = new WeakMap<SheetState, PageLayoutState>();
const rowHeights = new WeakMap<SheetState, Map<number, number>>();

/** The print setup of a sheet, as a test inspects it. */
export function pageLayoutState(sheet: SheetState): PageLayoutState {
  let state = layouts.get(sheet);
  if (!state) {
    state = {
      orientation: "Portrait",
      zoom: { scale: 100 },
      printArea: null,
      printTitleRows: null,
      printTitleColumns: null,
      footer: { left: "", center: "", right: "" },
    };
    layouts.set(sheet, state);
  }
  return state;
}

/** Row heights set through `format.rowHeight`, in points, by 0-based row (the rest are default). */
export function rowHeightsOf(sheet: SheetState): Map<number, number> {
  let heights = rowHeights.get(sheet);
  if (!heights) rowHeights.set(sheet, (heights = new Map()));
  return heights;
}

/** `Range.format.rowHeight = points`: every row of the range, whatever cells it holds. */
export function setRowHeights(sheet: SheetState, rect: Rect, points: number): void {
  if (!(points >= 0 && points <= 409))
    throw new FakeExcelError("InvalidArgument", `A row height is 0 to 409 points, not ${points}`);
  for (let r = rect.r0; r <= rect.r1; r++) rowHeightsOf(sheet).set(r, points);
}

const invalid = (message: string) => new FakeExcelError("InvalidArgument", message);

/** A range argument (a FakeRange, through its address) or an address. */
const addressOf = (range: unknown) =>
  typeof range === "string" ? range : (range as { rectFor(): string }).rectFor();

/** "$10:$11" or "10:11": whole rows, as setPrintTitleRows requires. */
function wholeRows(address: string): string {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
    throw invalid(`Print title rows must span entire rows ("$10:$11"), not ${address}`);
  return `$${m[1]}:$${m[2]}`;
}

/** "$A:$B" or "A:B": whole columns, as setPrintTitleColumns requires. */
function wholeColumns(address: string): string {
  const m = /^\$?([A-Z]+):\$?([A-Z]+)$/.exec(address);
  if (!m || parseAddress(`${m[1]}1`).c0 > parseAddress(`${m[2]}1`).c0)
    throw invalid(`Print title columns must span entire columns ("$A:$B"), not ${address}`);
  return `$${m[1]}:$${m[2]}`;
}

function checkedZoom(zoom: PageZoom): PageZoom {
  if (typeof zoom !== "object" || zoom === null) throw invalid("The zoom is set as an object");
  const { scale, horizontalFitToPages: wide, verticalFitToPages: high } = zoom;
  if (scale !== undefined && !(scale >= 10 && scale <= 400))
    throw invalid(`A print scale is 10 to 400, not ${scale}`);
  for (const pages of [wide, high])
    if (pages !== undefined && !(Number.isInteger(pages) && pages >= 0))
      throw invalid(`Pages to fit to are a whole number, not ${pages}`);
  return { ...zoom };
}

/** `Worksheet.pageLayout`: each property set or method call queues a command on the sheet. */
export function pageLayoutOf(queue: CommandQueue, sheet: () => SheetState) {
  const change = (kind: string, apply: (state: PageLayoutState) => void) =>
    queue.push(() => apply(pageLayoutState(sheet())), `pageLayout.${kind}`);
  const footer = {} as Record<"leftFooter" | "centerFooter" | "rightFooter", string>;
  for (const side of ["left", "center", "right"] as const)
    Object.defineProperty(footer, `${side}Footer`, {
      set: (text: string) => change("footer", (s) => (s.footer[side] = text)),
    });
  // Checked when the batch runs, as Excel does: a bad value fails the sync, not the call.
  return {
    set orientation(value: string) {
      change("orientation", (s) => {
        if (value !== "Portrait" && value !== "Landscape") throw invalid(`Orientation ${value}`);
        s.orientation = value;
      });
    },
    set zoom(value: PageZoom) {
      change("zoom", (s) => (s.zoom = checkedZoom(value)));
    },
    setPrintArea(range: unknown) {
      change("printArea", (s) => {
        const address = addressOf(range).replace(/\$/g, "");
        parseAddress(address);
        s.printArea = address;
      });
    },
    setPrintTitleRows(range: unknown) {
      change("printTitleRows", (s) => (s.printTitleRows = wholeRows(addressOf(range))));
    },
    setPrintTitleColumns(range: unknown) {
      change("printTitleColumns", (s) => (s.printTitleColumns = wholeColumns(addressOf(range))));
    },
    headersFooters: { defaultForAllPages: footer },
  };
}

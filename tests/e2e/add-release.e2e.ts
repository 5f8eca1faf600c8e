/**
 * Add a release, in the shipped pane (dist/) in headless Chromium over the Excel host double: the
 * sample of IIJ's next release (2Q01, released 2001-11-13; tests/ingest/cases/sample-next, the
 * shared ingest sample copied into the repository) pasted and ingested in the pane, added to the
 * workbook, its latest quarter loaded and a figure read back from the sheet and from =IIJ.INCOME;
 * the workbook then holds the release as a Custom XML part. Also: a file picked instead of pasted,
 * a release already stored (replace), text that is not a release, Remove, and the workbook opened
 * again (its stored release registered at the pane's start, a damaged part skipped).
 */
import { mkdirSync, readFileSync } from "fs";
import type { Server } from "http";
import { join } from "path";
import type { SheetView, WorkbookView } from "../../dev/excel-host/double";
import { releasePartXml } from "../../src/model";
import { ingestRelease } from "../../src/model/ingest";
import {
  type Browser,
  type PanePage,
  DIST,
  ROOT,
  SCREENSHOTS,
  axeViolations,
  launchChromium,
  openPage,
  serveFolder,
  statusMatching,
} from "./harness";

const SAMPLE = join(ROOT, "tests", "ingest", "cases", "sample-next", "release.txt");
const NAMESPACE = "urn:iij-model:release:v1";
/** The sample's 2Q01 total revenues, JPY thousands as printed ("8,643,844"). */
const TOTAL_REVENUES_2Q01 = 8643844;

let server: Server;
let origin: string;
let browser: Browser;
const opened: PanePage[] = [];

/** office.js's telemetry frame, refused by the pane's CSP outside Office (see pane.e2e.ts). */
const TELEMETRY_REFUSED = /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//;

beforeAll(async () => {
  ({ server, origin } = await serveFolder(DIST));
  browser = await launchChromium({ viewport: { width: 360, height: 1400 } });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

afterEach(async () => {
  for (const pane of opened.splice(0)) {
    expect(pane.errors.filter((error) => !TELEMETRY_REFUSED.test(error))).toEqual([]);
    await pane.page.close();
  }
});

async function openPane(): Promise<PanePage> {
  const pane = await openPage(browser.context, origin, `${origin}/taskpane.html`);
  opened.push(pane);
  await statusMatching(pane.page, /^Ready/);
  return pane;
}

function sheet(book: WorkbookView, name: string): SheetView {
  const found = book.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`No sheet "${name}"; sheets: ${book.sheets.map((s) => s.name)}`);
  return found;
}

/** The model sheet's cell in the row labelled `label` (column A) and the column headed `quarter`. */
function modelCell(s: SheetView, label: string, quarter: string) {
  const cells = Object.values(s.cells);
  const headerRow = cells
    .find((c) => c.formula === "Fiscal quarter")
    ?.address.replace(/^[A-Z]+/, "");
  const column = cells
    .find((c) => c.formula === quarter && c.address.endsWith(`${headerRow}`))
    ?.address.replace(/\d+$/, "");
  const row = cells
    .find((c) => c.formula === label && c.address.startsWith("A"))
    ?.address.replace(/^[A-Z]+/, "");
  if (!headerRow || !column || !row) throw new Error(`No cell for ${label} / ${quarter}`);
  return s.cells[`${column}${row}`];
}

/** Types into a cell of a sheet as a user would (the double calculates it). */
async function typeInCell(pane: PanePage, sheetName: string, address: string, value: string) {
  await pane.page.evaluate(([s, a, v]) => window.__iijExcelHost?.setCell(s, a, v), [
    sheetName,
    address,
    value,
  ] as const);
}

const quarters = (pane: PanePage) =>
  pane.page.$$eval("#quarter option", (options) => options.map((o) => o.textContent));

const storedParts = async (pane: PanePage) =>
  (await pane.workbook()).customXmlParts.filter((p) => p.namespaceUri === NAMESPACE);

test("a pasted release is ingested, added to the workbook, loaded, and read back", async () => {
  const pane = await openPane();
  const { page } = pane;
  expect(await quarters(pane)).toEqual(["1Q01", "4Q00", "1Q00"]);
  expect(await page.textContent("#release-list")).toMatch(/None/);

  await page.fill("#release-text", readFileSync(SAMPLE, "utf8"));
  await page.click("#release-ingest");
  await statusMatching(page, /^Read the release of 2001-11-13\. Check the summary/);
  const summary = (await page.textContent("#release-summary")) ?? "";
  expect(summary).toMatch(/latest quarter 2Q01\): settled/);
  expect(summary).toMatch(/8 repairs; 13 inconsistencies of the release's own; 0 unresolved/);
  expect(summary).toMatch(/Restates 1Q01: \d+ figures reprinted, none changed/);
  expect(summary).toMatch(/Repairs \(8\)/);
  expect(await storedParts(pane)).toEqual([]); // nothing stored before the confirmation
  await page.locator(".add-release").screenshot({ path: join(SCREENSHOTS, "add-release.png") });
  const ingested = await axeViolations(page);

  await page.click("#release-add");
  await statusMatching(page, /^Added the release of 2001-11-13 in this workbook/);
  expect(await page.textContent("#release-list")).toMatch(/2001-11-13 · 2Q01/);
  expect((await quarters(pane)).slice(0, 2)).toEqual(["2Q01", "1Q01"]);
  expect(await page.inputValue("#release-text")).toBe("");
  const serious = [...ingested, ...(await axeViolations(page))].filter((v) =>
    ["serious", "critical"].includes(v.impact)
  );
  expect(serious).toEqual([]);

  await page.selectOption("#quarter", "2Q01");
  await page.selectOption("#unit", "JPY thousands");
  await page.click("#load-quarter");
  await statusMatching(page, /^Loaded 2Q01 \(JPY thousands\)/);
  await typeInCell(pane, "Sheet1", "A1", '=IIJ.INCOME("2Q01","Total revenues")');
  await typeInCell(pane, "Sheet1", "A2", '=IIJ.INCOME("1Q01@first","Total revenues")');
  const book = await pane.workbook();
  expect(modelCell(sheet(book, "IIJ Model"), "Total revenues", "2Q01").value).toBe(
    TOTAL_REVENUES_2Q01
  );
  const typed = sheet(book, "Sheet1").cells;
  expect([typed.A1.value, typed.A2.value]).toEqual([TOTAL_REVENUES_2Q01, 8332898]);

  // The workbook holds the release: one part in the add-in's namespace, its JSON the release.
  const parts = book.customXmlParts.filter((p) => p.namespaceUri === NAMESPACE);
  expect(parts).toHaveLength(1);
  expect(parts[0].xml).toMatch(/^<release xmlns="urn:iij-model:release:v1" id="2001-11-13"/);
  const json = parts[0].xml
    .replace(/^<release[^>]*>|<\/release>$/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  type StoredTable = {
    statement: string;
    columns: { period: string; measure: string }[];
    rows: { id: string; cells: string[] }[];
  };
  const stored = JSON.parse(json) as { id: string; latestQuarter: string; tables: StoredTable[] };
  expect([stored.id, stored.latestQuarter]).toEqual(["2001-11-13", "2Q01"]);
  const income = stored.tables.find((t) => t.statement === "INCOME")!;
  const column = income.columns.findIndex((c) => c.period === "2Q01" && c.measure === "amount");
  const revenues = income.rows.find((r) => r.id === "total_revenues")!;
  expect(revenues.cells[column]).toBe("8,643,844");
});

test("a picked file is ingested; a stored release is replaced only when asked; Remove takes it out", async () => {
  const pane = await openPane();
  const { page } = pane;

  await page.fill("#release-text", "Minutes of the board meeting. Nothing to report.");
  await page.click("#release-ingest");
  await statusMatching(page, /^This text is not a release the add-in can read: no release date/);
  expect(await page.isHidden("#release-add")).toBe(true);

  await page.setInputFiles("#release-file", SAMPLE);
  await statusMatching(page, /^Read the release of 2001-11-13/);
  await page.click("#release-add");
  await statusMatching(page, /^Added the release of 2001-11-13/);

  await page.setInputFiles("#release-file", []);
  await page.setInputFiles("#release-file", SAMPLE);
  await statusMatching(page, /^Read the release of 2001-11-13/);
  await page.click("#release-add");
  await statusMatching(page, /already holds the release of 2001-11-13\. Click Replace in workbook/);
  expect(await page.textContent("#release-add")).toMatch(/Replace in workbook/);
  expect(await storedParts(pane)).toHaveLength(1);
  const before = (await storedParts(pane))[0].id;
  await page.click("#release-add");
  await statusMatching(page, /^Replaced the release of 2001-11-13/);
  const replaced = await storedParts(pane);
  expect(replaced).toHaveLength(1);
  expect(replaced[0].id).not.toBe(before);

  await page.click("#release-list button:has-text('Remove')");
  await statusMatching(page, /^Removed the release of 2001-11-13 from this workbook\./);
  expect(await storedParts(pane)).toEqual([]);
  expect(await quarters(pane)).toEqual(["1Q01", "4Q00", "1Q00"]);
  await typeInCell(pane, "Sheet1", "B1", '=IIJ.INCOME("2Q01","Total revenues")');
  expect(sheet(await pane.workbook(), "Sheet1").cells.B1.value).toBe("#N/A");
});

test("a colleague opening the workbook sees its stored release; a damaged part is skipped and said", async () => {
  // The workbook as saved by the first analyst: the release's part, and a part cut short.
  const release = ingestRelease(readFileSync(SAMPLE, "utf8")).release!;
  const parts = [
    { id: "{saved}", namespaceUri: NAMESPACE, xml: releasePartXml(release) },
    {
      id: "{cut}",
      namespaceUri: NAMESPACE,
      xml: `<release xmlns="${NAMESPACE}">{&quot;id</release>`,
    },
  ];
  // Put into the double before the pane reads them (only for pages opened with ?reopen): at once
  // if the double is installed already, else as it is installed.
  await browser.context.addInitScript((saved) => {
    if (location.search !== "?reopen") return;
    type Host = { workbook: { customXmlParts: unknown[] } };
    const seed = (host: Host) => host.workbook.customXmlParts.push(...saved);
    const scope = window as unknown as { __iijExcelHost?: Host };
    if (scope.__iijExcelHost) return void seed(scope.__iijExcelHost);
    let host: Host | undefined;
    Object.defineProperty(window, "__iijExcelHost", {
      configurable: true,
      get: () => host,
      set: (value: Host) => seed((host = value)),
    });
  }, parts);
  const pane = await openPage(browser.context, origin, `${origin}/taskpane.html?reopen`);
  opened.push(pane);
  const { page } = pane;
  await statusMatching(
    page,
    /^A stored release \(part \{cut\}\) was skipped: its release is not JSON/
  );
  expect((await quarters(pane)).slice(0, 2)).toEqual(["2Q01", "1Q01"]);
  expect(await page.textContent("#release-list")).toMatch(/2001-11-13 · 2Q01/);
  await typeInCell(pane, "Sheet1", "A1", '=IIJ.INCOME("FQ0","Total revenues")');
  expect(sheet(await pane.workbook(), "Sheet1").cells.A1.value).toBe(TOTAL_REVENUES_2Q01);
});

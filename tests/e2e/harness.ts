/**
 * What the end-to-end tests share: a static HTTP server over the production build (dist/), headless
 * Chromium driven by playwright-core, Microsoft's CDN answered from @microsoft/office-js's local
 * copy, every request the page makes recorded (and anything else than the pane's own files and
 * office.js refused), and the Excel host double (dev/excel-host, built to tmp/dev-tools by
 * `npm run build:dev-tools`) run before the pane's scripts.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "fs";
import { type AddressInfo } from "net";
import { createServer, type Server } from "http";
import { tmpdir } from "os";
import { extname, join, normalize, sep } from "path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import type { WorkbookView } from "../../dev/excel-host/double";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
const HOST_SCRIPT = join(ROOT, "tmp", "dev-tools", "excel-host.js");
const OFFICE_JS_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
/** Where the shipped taskpane.html loads office.js from. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Where the tests save their screenshots: under tmp/, which git ignores, so that a run leaves the
 * working tree as it was. The README shows the copies in DOCS_SCREENSHOTS, which only
 * `npm run docs:screenshots` (scripts/refresh-screenshots.mjs) replaces, on purpose.
 */
export const SCREENSHOTS = join(ROOT, "tmp", "screenshots");
export const DOCS_SCREENSHOTS = join(ROOT, "docs", "screenshots");

/** When each of the README's screenshots was last written (a test compares before and after). */
export function docsScreenshotTimes(): Record<string, number> {
  return Object.fromEntries(
    readdirSync(DOCS_SCREENSHOTS)
      .filter((name) => name.endsWith(".png"))
      .map((name) => [name, statSync(join(DOCS_SCREENSHOTS, name)).mtimeMs])
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};

/** Serves a folder on 127.0.0.1 over HTTP, on a free port. */
export async function serveFolder(folder: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = normalize(join(folder, urlPath));
    if (!file.startsWith(folder + sep) || !existsSync(file)) {
      response.writeHead(404).end("Not found");
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, server };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Debian Chromium in a fresh profile (Playwright refuses --user-data-dir in args). */
export async function launchChromium({
  viewport = { width: 360, height: 760 },
  ignoreHTTPSErrors = false,
} = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`
    );
  const profile = mkdtempSync(join(tmpdir(), "iij-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    ignoreHTTPSErrors,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PanePage {
  page: Page;
  /** Every URL the page requested, in order (including refused ones). */
  requests: string[];
  /** Console errors and uncaught exceptions in the page. */
  errors: string[];
  workbook(): Promise<WorkbookView>;
}

/**
 * The local copy of a file under the office.js CDN: the path below OFFICE_CDN (sub-folders such as
 * en-us/ included) inside OFFICE_JS_DIST, or null if there is no such file or the path would leave
 * that folder.
 */
function officeJsFile(url: string): string | null {
  let below: string;
  try {
    below = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
  } catch {
    return null; // a malformed escape
  }
  const file = normalize(join(OFFICE_JS_DIST, below));
  if (!file.startsWith(OFFICE_JS_DIST + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Opens a page at `url` with office.js answered from the local copy and every other request that
 * is not under `origin` refused. With `excelHost`, the Excel host double is installed first.
 */
export async function openPage(
  context: BrowserContext,
  origin: string,
  url: string,
  { excelHost = true } = {}
): Promise<PanePage> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.route("**/*", async (route) => {
    const requested = route.request().url();
    if (requested.startsWith(OFFICE_CDN)) {
      const file = officeJsFile(requested);
      if (!file) return route.fulfill({ status: 404 });
      return route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
    }
    if (requested.startsWith(`${origin}/`)) return route.continue();
    return route.abort("blockedbyclient");
  });
  if (excelHost) {
    if (!existsSync(HOST_SCRIPT))
      throw new Error(`${HOST_SCRIPT} is missing: run npm run build:dev-tools first.`);
    await page.addInitScript({ path: HOST_SCRIPT });
  }
  await page.goto(url);
  return {
    page,
    requests,
    errors,
    workbook: () =>
      page.evaluate(() => {
        const host = window.__iijExcelHost;
        if (!host) throw new Error("No Excel host double in the page");
        return host.view();
      }),
  };
}

/** The status line's text once it matches, or the test fails with what it said instead. */
export async function statusMatching(page: Page, pattern: RegExp): Promise<string> {
  const status = page.locator("#status");
  try {
    await page.waitForFunction(
      ([source, flags]) =>
        new RegExp(source, flags).test(document.getElementById("status")?.textContent ?? ""),
      [pattern.source, pattern.flags] as const,
      { timeout: 20_000 }
    );
  } catch {
    throw new Error(`The status line says "${await status.textContent()}", not ${pattern}`);
  }
  return (await status.textContent()) ?? "";
}

/** Runs axe-core in the page (evaluated over DevTools, so the page's CSP does not block it). */
export async function axeViolations(
  page: Page
): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: String(v.impact),
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

/**
 * `npm start` where there is no desktop Excel (here, Linux): it serves the add-in and the local
 * preview over HTTPS with a development certificate and prints how to sideload; the preview's pane
 * loads a quarter into the in-memory workbook and a typed =IIJ.… formula is evaluated; `npm stop`
 * ends the server. Run on a port of its own, so that a developer's `npm start` is left alone.
 */
import { type ChildProcess, spawn } from "child_process";
import { existsSync, statSync } from "fs";
import { connect, createServer } from "net";
import { networkInterfaces } from "os";
import { join } from "path";
import type { FrameLocator, Page } from "playwright-core";
import { type Browser, ROOT, SCREENSHOTS, docsScreenshotTimes, launchChromium } from "./harness";

let port: number;
let server: ChildProcess | undefined;
let output = "";
let browser: Browser | undefined;
const started = Date.now();
const docsBefore = docsScreenshotTimes();

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port: free } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

const env = () => ({ ...process.env, npm_package_config_dev_server_port: String(port) });

async function waitForOutput(pattern: RegExp, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!pattern.test(output)) {
    if (server?.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`No ${pattern} from npm start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  port = await freePort();
  server = spawn(process.execPath, ["scripts/start.mjs"], { cwd: ROOT, env: env() });
  server.stdout?.on("data", (chunk) => (output += String(chunk)));
  server.stderr?.on("data", (chunk) => (output += String(chunk)));
  await waitForOutput(/addin \(webpack[^\n]*compiled successfully/, 90_000);
  await waitForOutput(/dev-tools \(webpack[^\n]*compiled successfully/, 30_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) server.kill("SIGTERM");
});

test("npm start prints where the add-in, its manifest and the preview are, and how to sideload", () => {
  const origin = `https://localhost:${port}`;
  expect(output).toContain(
    `The add-in:  ${origin}/taskpane.html   manifest: ${join(ROOT, "manifest.xml")}`
  );
  expect(output).toContain(`The preview: ${origin}/preview.html`);
  expect(output).toContain("My Add-ins > Upload My Add-in");
  expect(output).toContain(".office-addin-dev-certs/ca.crt");
  expect(existsSync(join(ROOT, "tmp", `npm-start.${port}.json`))).toBe(true);
});

/**
 * Opens the preview with some of its own scripts held back (a busy dev server), refusing anything
 * not from the dev server; fails with what the pane said if it never becomes ready.
 */
async function openPreview(
  delayed: Record<string, number>
): Promise<{ page: Page; pane: FrameLocator; foreign: string[] }> {
  browser ??= await launchChromium({
    viewport: { width: 1280, height: 800 },
    ignoreHTTPSErrors: true,
  });
  const page = await browser.context.newPage();
  const origin = `https://localhost:${port}`;
  const foreign: string[] = [];
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    const delay = delayed[url.slice(origin.length + 1)];
    if (url.startsWith(`${origin}/`) && delay)
      await new Promise((resolve) => setTimeout(resolve, delay));
    if (url.startsWith(`${origin}/`)) return route.continue();
    foreign.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${origin}/preview.html`);
  const pane = page.frameLocator("iframe.pane");
  try {
    await pane.locator("#load-quarter:enabled").waitFor({ timeout: 60_000 });
  } catch {
    const status = await pane
      .locator("#status")
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    const frames = page.frames().map((frame) => frame.url());
    throw new Error(
      `The preview's pane is not ready: status ${status}; frames ${frames}; errors ${errors}`
    );
  }
  return { page, pane, foreign };
}

/** Clicks Load quarter in the preview's pane and waits for the pane to report the load. */
async function loadQuarter(pane: FrameLocator): Promise<void> {
  await pane.locator("#load-quarter").click();
  await pane.locator("#status", { hasText: /^Loaded 1Q01 \(JPY millions\)/ }).waitFor();
}

/** Whether a TCP connection to host:port is accepted (refused, or no answer in 3 s: false). */
function connects(host: string, to: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: to, timeout: 3_000 });
    const done = (accepted: boolean) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.on("connect", () => done(true));
    socket.on("error", () => done(false));
    socket.on("timeout", () => done(false));
  });
}

test("npm start's server listens on localhost only, not on the machine's other addresses", async () => {
  expect(await connects("localhost", port)).toBe(true);
  // Every address another machine could reach this one at (link-local ones need a scope: skipped).
  const others = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && !a.address.startsWith("fe80:"))
    .map((a) => a!.address);
  const reachable = [];
  for (const address of others) if (await connects(address, port)) reachable.push(address);
  expect(reachable).toEqual([]);
});

test("the preview: the pane loads a quarter into the grid, and a typed =IIJ formula is evaluated", async () => {
  // Delays the Excel host double as a busy dev server would: since the double loads before
  // office.js, the pane must still come up.
  const { page, pane, foreign } = await openPreview({ "excel-host.js": 2_000 });
  await loadQuarter(pane);

  expect(await page.locator('#tabs button[aria-pressed="true"]').textContent()).toBe("IIJ Model");
  const grid = page.locator("#grid");
  // Column A holds the printed labels (the chart data block names its series in column B).
  expect(await grid.locator('td[data-address^="A"]', { hasText: /^Total revenues$/ }).count()).toBe(
    1
  );
  expect(await grid.locator("td", { hasText: /^8,332\.9$/ }).count()).toBeGreaterThan(0);

  await grid.locator('td[data-address="A12"]').click();
  await page.fill("#formula", '=IIJ.INCOME("1Q01","Total revenues")');
  await page.press("#formula", "Enter");
  expect(await page.locator("#result").textContent()).toBe("A12: 8332898");
  expect(await grid.locator('td[data-address="A12"]').textContent()).toBe("8332898");
  await page.screenshot({ path: join(SCREENSHOTS, "preview.png") });
  expect(foreign).toEqual([]);
  await page.close();
}, 180_000);

test("the preview's pane loads into the grid it shows even when preview.js arrives late", async () => {
  // The page's own script (which makes the workbook the grid shows) held back while the pane's
  // frame and its Excel host double load: the pane must still write into that workbook.
  const { page, pane, foreign } = await openPreview({ "preview.js": 3_000 });
  await loadQuarter(pane);
  const grid = page.locator("#grid");
  await grid
    .locator("td", { hasText: /^8,332\.9$/ })
    .first()
    .waitFor({ timeout: 5_000 });
  expect(await page.locator('#tabs button[aria-pressed="true"]').textContent()).toBe("IIJ Model");
  expect(await grid.locator('td[data-address^="A"]', { hasText: /^Total revenues$/ }).count()).toBe(
    1
  );
  expect(foreign).toEqual([]);
  await page.close();
}, 180_000);

test("the preview's screenshot is saved under tmp/screenshots, leaving the README's copy in docs/ untouched", () => {
  expect(statSync(join(SCREENSHOTS, "preview.png")).mtimeMs).toBeGreaterThanOrEqual(started);
  expect(docsScreenshotTimes()).toEqual(docsBefore);
});

test("npm stop ends what npm start started", async () => {
  // An open page keeps the dev server's sockets open, which delays its graceful close.
  await browser?.close();
  browser = undefined;
  // Not spawnSync: a blocked test process stops reading npm start's output, and a server that
  // cannot write its shutdown message does not exit until npm stop kills it.
  const stop = spawn(process.execPath, ["scripts/stop.mjs"], { cwd: ROOT, env: env() });
  let stopped = "";
  stop.stdout.on("data", (chunk) => (stopped += String(chunk)));
  await new Promise((resolve) => stop.on("close", resolve));
  expect(stopped).toMatch(/^Stopped the add-in server at https:\/\/localhost:\d+/);
  const deadline = Date.now() + 10_000;
  while (server?.exitCode === null && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(server?.exitCode).not.toBeNull();
  expect(existsSync(join(ROOT, "tmp", `npm-start.${port}.json`))).toBe(false);
});

/**
 * `npm start` where there is no desktop Excel (here, Linux): it serves the add-in and the local
 * preview over HTTPS with a development certificate and prints how to sideload; the preview's pane
 * loads a quarter into the in-memory workbook and a typed =IIJ.… formula is evaluated; `npm stop`
 * ends the server. Run on a port of its own, so that a developer's `npm start` is left alone.
 */
import { type ChildProcess, spawn } from "child_process";
import { existsSync } from "fs";
import { createServer } from "net";
import { join } from "path";
import { type Browser, ROOT, launchChromium } from "./harness";

let port: number;
let server: ChildProcess | undefined;
let output = "";
let browser: Browser | undefined;

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

test("the preview: the pane loads a quarter into the grid, and a typed =IIJ formula is evaluated", async () => {
  browser = await launchChromium({
    viewport: { width: 1280, height: 800 },
    ignoreHTTPSErrors: true,
  });
  const page = await browser.context.newPage();
  const origin = `https://localhost:${port}`;
  const foreign: string[] = [];
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    // Delays the Excel host double as a busy dev server would: since the double loads before
    // office.js, the pane must still come up.
    if (url === `${origin}/excel-host.js`)
      await new Promise((resolve) => setTimeout(resolve, 2_000));
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
  await pane.locator("#load-quarter").click();
  await pane.locator("#status", { hasText: /^Loaded 1Q01 \(JPY millions\)/ }).waitFor();

  expect(await page.locator('#tabs button[aria-pressed="true"]').textContent()).toBe("IIJ Model");
  const grid = page.locator("#grid");
  // Column A holds the printed labels (the chart data block names its series in column B).
  expect(await grid.locator('td[data-address^="A"]', { hasText: /^Total revenues$/ }).count()).toBe(
    1
  );
  expect(await grid.locator("td", { hasText: /^8,332\.898$/ }).count()).toBeGreaterThan(0);

  await grid.locator('td[data-address="A12"]').click();
  await page.fill("#formula", '=IIJ.INCOME("1Q01","Total revenues")');
  await page.press("#formula", "Enter");
  expect(await page.locator("#result").textContent()).toBe("A12: 8332898");
  expect(await grid.locator('td[data-address="A12"]').textContent()).toBe("8332898");
  await page.screenshot({ path: join(ROOT, "docs", "screenshots", "preview.png") });
  expect(foreign).toEqual([]);
}, 180_000);

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

// `npm start`: with desktop Excel (Windows, macOS), sideload the add-in into it with Microsoft's
// office-addin-debugging, which also starts the dev server. Elsewhere (Linux, CI, no Excel), or with
// `npm start -- --web`, serve the add-in over HTTPS with a development certificate, with the local
// preview beside it, and print how to sideload into Excel on the web. `npm stop` ends either.
// office-addin-debugging is run through npx, not installed: its keytar dependency needs a native
// binary that Linux and CI installs cannot fetch.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7.0.0";

const isWindows = process.platform === "win32";
/** package.json's config.dev_server_port (npm sets the variable; `node scripts/start.mjs` may not). */
const port = Number(
  process.env.npm_package_config_dev_server_port ||
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")).config.dev_server_port
);
/** Written while the web server runs, so that `npm stop` can end it (see stop.mjs). */
const STATE_FILE = join(root, "tmp", `npm-start.${port}.json`);

/** Whether Excel for Windows or Mac is installed, where office-addin-debugging can sideload. */
function hasDesktopExcel() {
  if (process.platform === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  if (!isWindows) return false;
  const programFiles = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
  return programFiles.some((dir) =>
    ["root\\Office16\\EXCEL.EXE", "Office16\\EXCEL.EXE"].some((exe) =>
      existsSync(join(dir, "Microsoft Office", exe))
    )
  );
}

/** Starts a command with the terminal attached; `exited` resolves with its exit code. */
function start(command, args, env = process.env) {
  const child = spawn(command, args, { stdio: "inherit", shell: isWindows, cwd: root, env });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const exited = new Promise((done) =>
    child.on("exit", (code, signal) => done(code ?? (signal ? 0 : 1)))
  );
  return { child, exited };
}

if (!process.argv.includes("--web") && hasDesktopExcel()) {
  const { exited } = start("npx", ["--yes", OFFICE_ADDIN_DEBUGGING, "start", "manifest.xml"]);
  process.exit(await exited);
}

const origin = `https://localhost:${port}`;
const ca = join(homedir(), ".office-addin-dev-certs", "ca.crt");
console.log(`No desktop Excel here (${process.platform}): serving the add-in for Excel on the web.

  Once "compiled successfully" appears below:
  - The add-in:  ${origin}/taskpane.html   manifest: ${join(root, "manifest.xml")}
  - The preview: ${origin}/preview.html    (the pane beside an in-memory workbook, no Excel)

  To sideload into Excel on the web:
  1. Trust the development certificate authority ${ca} in your browser or OS,
     or open ${origin}/taskpane.html once and accept the certificate.
  2. In Excel on the web (https://excel.cloud.microsoft) open a workbook, then Home > Add-ins >
     More Add-ins (older layouts: Insert > Add-ins) > My Add-ins > Upload My Add-in, and choose
     the manifest above.
  3. Click "Show Taskpane" in the "IIJ Model" group on the Home tab, and type =IIJ. in a cell.

  The server listens on localhost only (this machine), port ${port}; its certificate and key are
  under ${dirname(ca)}. Stop it with npm stop (or Ctrl-C here).
`);
// webpack-cli is run with node directly (not through npm and a shell) so that a signal sent to
// this process reaches the server too, not only a terminal's Ctrl-C.
const webpackCli = createRequire(import.meta.url).resolve("webpack-cli/bin/cli.js");
const server = start(process.execPath, [webpackCli, "serve", "--mode", "development"], {
  ...process.env,
  npm_package_config_dev_server_port: String(port),
});
mkdirSync(dirname(STATE_FILE), { recursive: true });
writeFileSync(
  STATE_FILE,
  JSON.stringify({ pid: process.pid, serverPid: server.child.pid, port, origin }, null, 2)
);
const code = await server.exited;
try {
  if (JSON.parse(readFileSync(STATE_FILE, "utf8")).pid === process.pid) rmSync(STATE_FILE);
} catch {
  // Already removed by npm stop.
}
process.exit(code);

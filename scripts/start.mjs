// `npm start`: sideload the add-in into desktop Excel (Windows, macOS) with office-addin-debugging,
// which also starts the dev server; on Linux, where there is no desktop Excel, start the dev server
// and explain how to sideload into Excel on the web.
// office-addin-debugging is run through npx, not installed: its keytar dependency needs a native
// binary that Linux and CI installs cannot fetch.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const isWindows = process.platform === "win32";

/** Runs a command with the terminal attached; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", shell: isWindows });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1)));
  });
}

if (process.platform === "win32" || process.platform === "darwin") {
  process.exit(await run("npx", ["--yes", "office-addin-debugging", "start", "manifest.xml"]));
}

console.log(`No desktop Excel on ${process.platform}: serving the add-in for Excel on the web.

  Once "compiled successfully" appears below, https://localhost:3000/taskpane.html is served.
  1. Trust the dev certificate authority ~/.office-addin-dev-certs/ca.crt in your browser
     (or open https://localhost:3000/taskpane.html once and accept the certificate).
  2. In Excel on the web open a workbook, then Home > Add-ins > More Add-ins (older: Insert >
     Add-ins) > Upload My Add-in, and choose manifest.xml from this folder.
  3. Use the "Show Taskpane" button in the "IIJ Model" group on the Home tab, and type =IIJ. in a cell.

  Press Ctrl-C to stop the server.
`);
// webpack-cli is run with node directly (not through npm and a shell) so that a signal sent to
// this process reaches the server too, not only a terminal's Ctrl-C.
const webpackCli = createRequire(import.meta.url).resolve("webpack-cli/bin/cli.js");
process.exit(await run(process.execPath, [webpackCli, "serve", "--mode", "development"]));

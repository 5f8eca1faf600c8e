// `npm stop`: undo `npm start`. A web server that npm start runs (Linux, CI, no desktop Excel, or
// --web) is stopped through the process ids it recorded in tmp/npm-start.<port>.json; otherwise, on
// Windows and macOS, office-addin-debugging stops its dev server and removes the sideloaded add-in.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(
  process.env.npm_package_config_dev_server_port ||
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")).config.dev_server_port
);
const STATE_FILE = join(root, "tmp", `npm-start.${port}.json`);
const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7.0.0";

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

async function stopWebServer() {
  const state = JSON.parse(readFileSync(STATE_FILE, "utf8"));
  // The server first (on Windows killing npm start would not reach it), then npm start itself.
  const pids = [state.serverPid, state.pid].filter((pid) => Number.isInteger(pid) && alive(pid));
  for (const pid of pids) process.kill(pid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const stuck = pids.filter(alive);
  for (const pid of stuck) process.kill(pid, "SIGKILL");
  rmSync(STATE_FILE, { force: true });
  if (pids.length === 0) console.log(`The add-in server at ${state.origin} had already stopped.`);
  else if (stuck.length > 0)
    console.log(
      `Killed the add-in server at ${state.origin} (process ${stuck.join(", ")} did not stop within 10 s of SIGTERM).`
    );
  else console.log(`Stopped the add-in server at ${state.origin} (process ${pids.join(", ")}).`);
  console.log(`To remove the add-in from Excel on the web, open Home > Add-ins > My Add-ins and
remove "IIJ Model"; a manifest uploaded there lasts for the session.`);
}

if (existsSync(STATE_FILE)) {
  await stopWebServer();
} else if (process.platform === "win32" || process.platform === "darwin") {
  const result = spawnSync("npx", ["--yes", OFFICE_ADDIN_DEBUGGING, "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: process.platform === "win32",
    cwd: root,
  });
  process.exit(result.status ?? 1);
} else {
  console.log("Nothing to stop: npm start is not running here.");
}

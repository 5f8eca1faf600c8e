// `npm stop`: undo `npm start`. On Windows and macOS office-addin-debugging stops the dev server
// and removes the sideloaded add-in; on Linux `npm start` runs in the foreground, so Ctrl-C stops it.

import { spawnSync } from "node:child_process";

if (process.platform === "win32" || process.platform === "darwin") {
  const result = spawnSync("npx", ["--yes", "office-addin-debugging", "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(result.status ?? 1);
}

console.log(`Nothing to stop on ${process.platform}: press Ctrl-C in the terminal running npm start.
To remove the add-in from Excel on the web, right-click its ribbon button or open
Home > Add-ins > My Add-ins and remove "IIJ Model"; a manifest uploaded there lasts for the session.`);

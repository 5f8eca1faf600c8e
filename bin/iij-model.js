#!/usr/bin/env node
// Launcher for the iij-model CLI: the bundle built by webpack runs itself when required.
const fs = require("fs");
const path = require("path");

const bundle = path.join(__dirname, "..", "dist", "cli", "iij-model.js");
if (!fs.existsSync(bundle)) {
  console.error("iij-model: not built yet; run npm run build");
  process.exit(2);
}
require(bundle);

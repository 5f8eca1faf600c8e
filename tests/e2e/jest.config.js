/** Jest for the end-to-end tests (npm run test:e2e): headless Chromium, one file at a time. */
const base = require("../../jest.config.js");

module.exports = {
  ...base,
  rootDir: "../..",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.ts"],
  testTimeout: 60_000,
  maxWorkers: 1,
};

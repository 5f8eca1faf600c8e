/** Entry point of the CLI bundle (dist/cli/iij-model.js): runs `main` on this process. */
import { readFileSync } from "node:fs";
import { nodeFiles } from "./files";
import { main } from "./main";

// A reader that stops early (iij-model list items KPI | head) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

void main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdin: () => readFileSync(0, "utf8"),
  files: nodeFiles,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `iij-model: internal error: ${error instanceof Error ? error.stack : String(error)}\n`
    );
    process.exitCode = 3;
  }
);

import { type Files, nodeFiles } from "../../src/cli/files";
import { main } from "../../src/cli/main";

/**
 * Runs iij-model in-process and collects what it prints: stdout and stderr as text, the exit status.
 * `stdin` is the text on standard input, or a reader (one that throws is a stdin that cannot be
 * read); `files` replaces the file system, to make a write fail.
 */
export async function runCli(
  argv: string[],
  stdin: string | (() => string) = "",
  files: Files = nodeFiles
) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: typeof stdin === "string" ? () => stdin : stdin,
    files,
  });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

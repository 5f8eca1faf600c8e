import { main } from "../../src/cli/main";

/** Runs iij-model in-process and collects what it prints: stdout and stderr as text, the exit status. */
export async function runCli(argv: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: () => stdin,
  });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

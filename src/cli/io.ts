/** What a CLI command needs from its process, and its usage error; shared by main.ts and the commands. */

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  stdin: () => string;
}

/** Bad usage: main prints the message on one line, with a pointer to the command's help, and exits 2. */
export class UsageError extends Error {}

/** What a CLI command needs from its process, and its usage error; shared by main.ts and the commands. */
import type { Files } from "./files";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** All of standard input as text; throws what reading it throws (EISDIR for a directory). */
  stdin: () => string;
  files: Files;
}

/** Bad usage: main prints the message on one line, with a pointer to the command's help, and exits 2. */
export class UsageError extends Error {}

/**
 * A command that could not do its work for a reason outside its arguments (a file that cannot be
 * read or written, or is not one to overwrite): main prints the message on one line and exits 1.
 */
export class CommandError extends Error {}

/**
 * Writing a file so that a failure never costs the old one (`writeFileAtomically`), through the
 * file-system calls it makes gathered in one object (`Files`), which a test replaces to make a call
 * fail the way a full disk does. `nodeFiles` is the real one.
 */
import { randomBytes } from "node:crypto";
import { link, lstat, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CommandError } from "./io";

/** An open file being written: the few calls an atomic write needs (Node's FileHandle has them). */
export interface WritableFile {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** What a path is, without following a symbolic link (lstat). */
export interface PathKind {
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

export interface Files {
  lstat(path: string): Promise<PathKind>;
  /** `flags` as Node takes them; the CLI opens only with "wx" (create, fail if anything is there). */
  open(path: string, flags: string): Promise<WritableFile>;
  link(existing: string, path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFiles: Files = { lstat, open, link, rename, unlink };

/** Whether `path` holds a file to replace; refuses a link, a non-file, or a file without `force`. */
async function checkTarget(files: Files, path: string, force: boolean): Promise<boolean> {
  let kind: PathKind;
  try {
    kind = await files.lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new CommandError(`cannot write ${path}: ${(error as Error).message}`);
  }
  // Refused even with --force: writing through a link would change a file elsewhere, and replacing
  // the link itself would silently undo whatever the link was there for.
  if (kind.isSymbolicLink())
    throw new CommandError(
      `${path} is a symbolic link; export does not write through links, even with --force: give the path of a file, or remove the link`
    );
  if (!kind.isFile()) throw new CommandError(`${path} is not a regular file`);
  if (!force) throw new CommandError(`${path} already exists; add --force to replace it`);
  return true;
}

/** A name beside `path` (same folder, so the rename stays on one file system) no one else uses. */
function tempPathBeside(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`
  );
}

/**
 * Moves the finished temporary file to `path`. With `force`, rename: atomic, and it replaces a link
 * itself, never its target. Without, link then unlink, which fails if anything appeared at `path`
 * since it was checked; a file system without hard links (FAT) gets a second check and a rename.
 */
async function publish(files: Files, temp: string, path: string, force: boolean): Promise<void> {
  if (force) return files.rename(temp, path);
  try {
    await files.link(temp, path);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "EEXIST")
      throw new CommandError(`${path} already exists; add --force to replace it`);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
    await checkTarget(files, path, false);
    return files.rename(temp, path);
  }
  // The data is at `path` now; a temporary name left behind is untidy, not a failure.
  await files.unlink(temp).catch(() => undefined);
}

/**
 * Writes `data` to `path` so that `path` is either its old self or the whole new file, never a
 * part: into a new temporary file beside it (opened "wx": created, never an existing file or a
 * link), synced to the disk, then renamed over `path`. Refuses an existing file without `force`,
 * and a symbolic link always. On any failure the temporary file is removed and a CommandError says
 * what happened.
 */
export async function writeFileAtomically(
  files: Files,
  path: string,
  data: Uint8Array,
  force: boolean
): Promise<void> {
  const existed = await checkTarget(files, path, force);
  const temp = tempPathBeside(path);
  let created = false;
  try {
    const file = await files.open(temp, "wx");
    created = true;
    try {
      await file.writeFile(data);
      await file.sync();
    } catch (error) {
      await file.close().catch(() => undefined);
      throw error;
    }
    // Close can report a write the disk refused late (NFS): it is part of the write.
    await file.close();
    await publish(files, temp, path, force);
  } catch (error) {
    // Only a file this call made: "wx" failing means the name was someone else's.
    if (created) await files.unlink(temp).catch(() => undefined);
    if (error instanceof CommandError) throw error;
    const kept = existed ? "the existing file is unchanged" : "nothing was written";
    throw new CommandError(`cannot write ${path}: ${(error as Error).message}; ${kept}`);
  }
}

/**
 * Fault injection for the fake Excel (fake-excel.ts), one set per request context
 * (`context.faults`): a command that fails, every command of a kind that fails, faults that keep
 * failing on every later sync (so that a restore's own writes fail too), and the user's edits in
 * Excel between two syncs. Syncs are counted per request context, from 1, as one `Excel.run` makes
 * them. A failing command throws as Office.js does: an error with a code ("GeneralException") and
 * Excel's message, marked "(injected)"; the commands before it stay applied and the rest of the
 * batch is dropped.
 */
import type { FakeWorkbookState } from "./fake-excel";

/** The code and message of every injected failure, as Excel reports an internal error. */
export const INJECTED_CODE = "GeneralException";
export const INJECTED_MESSAGE = "An internal error has occurred (injected)";

/** What Office.js rejects a sync with: `code`, `message` and `debugInfo` (where it failed). */
export class InjectedFault extends Error {
  readonly code = INJECTED_CODE;
  readonly debugInfo: { code: string; message: string; errorLocation: string };

  /** @param kind the kind of command that failed ("range.formulas"), as `errorLocation`. */
  constructor(kind: string) {
    super(INJECTED_MESSAGE);
    this.debugInfo = { code: INJECTED_CODE, message: INJECTED_MESSAGE, errorLocation: kind };
  }
}

/** A fault at one position of one batch. */
export interface CommandFault {
  /** The sync whose batch fails: 1-based, counted per request context. */
  readonly sync: number;
  /** The command that fails, 1-based within the batch; "middle" is command ceil(n / 2) of n. */
  readonly index: number | "middle";
  /** Also fail every later sync at the same index, when its batch is that long. */
  readonly persistent?: boolean;
}

/** When commands of a kind fail: at every sync, at one, or from one on. */
export interface KindFault {
  /** Only this sync (1-based); every sync when left out. */
  readonly sync?: number;
  /** With `sync`: that sync and every later one. */
  readonly persistent?: boolean;
}

/** A command that failed: its sync, its 1-based index in the batch and its kind. */
export interface FiredFault {
  readonly sync: number;
  readonly index: number;
  readonly kind: string;
}

/** Whether `kind` is `family` or one of its members ("format.fill" has "format.fill.color"). */
function ofKind(kind: string, family: string): boolean {
  return kind === family || kind.startsWith(`${family}.`) || kind.startsWith(`${family}(`);
}

/** Whether a fault armed for sync `from` applies to sync `sync`. */
function applies(sync: number, from: number | undefined, persistent: boolean | undefined) {
  return from === undefined || sync === from || (persistent === true && sync > from);
}

export class Faults {
  private readonly commands: CommandFault[] = [];
  private readonly kinds: (KindFault & { kind: string })[] = [];
  private readonly edits: { afterSync: number; edit: (book: FakeWorkbookState) => void }[] = [];
  /** Every command that was made to fail, in order. */
  readonly fired: FiredFault[] = [];

  constructor(private readonly book: FakeWorkbookState) {}

  /** Fails command `index` of sync `sync` (and of every later sync, if `persistent`). */
  failCommand(fault: CommandFault): this {
    this.commands.push(fault);
    return this;
  }

  /**
   * Fails the commands of a kind ("names.add"), or of a family of kinds by its prefix
   * ("format.fill": format.fill.color and format.fill.clear; "range.clear": every applyTo). The
   * first of them in a batch stops it, as any failing command does.
   */
  failKind(kind: string, when: KindFault = {}): this {
    this.kinds.push({ ...when, kind });
    return this;
  }

  /**
   * Runs `edit` (the user typing, renaming or protecting in Excel) once sync `afterSync` has run
   * its batch, succeeded or failed, before its promise settles: after what it read, and before
   * anything queued next runs.
   */
  between(afterSync: number, edit: (book: FakeWorkbookState) => void): this {
    this.edits.push({ afterSync, edit });
    return this;
  }

  /**
   * The 1-based index of the command that fails in this batch, or null. Called by the queue at
   * each sync with the kinds of the commands it is about to run.
   */
  failureIn(sync: number, kinds: readonly string[]): number | null {
    const at: number[] = [];
    for (const f of this.commands) {
      if (!applies(sync, f.sync, f.persistent)) continue;
      const index = f.index === "middle" ? Math.max(1, Math.ceil(kinds.length / 2)) : f.index;
      if (index >= 1 && index <= kinds.length) at.push(index);
    }
    for (const f of this.kinds) {
      if (!applies(sync, f.sync, f.persistent)) continue;
      const i = kinds.findIndex((k) => ofKind(k, f.kind));
      if (i >= 0) at.push(i + 1);
    }
    if (at.length === 0) return null;
    const index = Math.min(...at);
    this.fired.push({ sync, index, kind: kinds[index - 1] });
    return index;
  }

  /** Runs the edits due after sync `sync`. Called by the queue when a sync has run its batch. */
  synced(sync: number): void {
    for (const { afterSync, edit } of this.edits) if (afterSync === sync) edit(this.book);
  }
}

/**
 * The workbook's guard against two loads at once (two panes, or two windows on one workbook):
 * every load adds a custom document property of its own (`workbook.properties.custom`, saved with
 * the workbook and shared by its windows), keyed by a random owner and holding the time it
 * started, in its read batch, after loading the ones already there. Excel runs batches one at a
 * time, so of two loads the later one's read sees the earlier one's key and backs off, and the
 * earlier one never sees the later's. A load removes its key with its write. A load that stopped
 * half way (its pane closed) leaves a key that blocks no one GUARD_EXPIRY_MS after it started,
 * and the next load to go ahead removes it. Insert reads the same keys before it writes.
 */

/** What every guard key starts with; the rest is the load's owner. */
export const LOAD_GUARD_PREFIX = "IIJModel.load.";
/** How long a key blocks other loads: far longer than a load takes, short enough to wait out. */
export const GUARD_EXPIRY_MS = 2 * 60_000;

/** The guard as a load's read took it. */
export interface Guard {
  readonly custom: Excel.CustomPropertyCollection;
  /** This load's own key. */
  readonly key: string;
}

interface GuardEntry {
  readonly key: string;
  /** Milliseconds since the epoch; NaN for a value no load wrote (it blocks no one). */
  readonly startedAt: number;
}

/** A fresh owner for one load: random enough that two panes never draw the same. */
export const newOwner = () =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/** Queued last in the read batch: the keys already there are loaded before this load adds its own. */
export function queueGuardTake(context: Excel.RequestContext, owner: string, now: number): Guard {
  const custom = queueGuardRead(context);
  const key = `${LOAD_GUARD_PREFIX}${owner}`;
  custom.add(key, new Date(now).toISOString());
  return { custom, key };
}

/** Loads the workbook's guard keys (for Insert, which only looks). */
export function queueGuardRead(context: Excel.RequestContext): Excel.CustomPropertyCollection {
  const custom = context.workbook.properties.custom;
  custom.load("items/key, items/value");
  return custom;
}

function entries(custom: Excel.CustomPropertyCollection, except?: string): GuardEntry[] {
  return custom.items
    .filter((p) => p.key.startsWith(LOAD_GUARD_PREFIX) && p.key !== except)
    .map((p) => ({ key: p.key, startedAt: Date.parse(String(p.value)) }));
}

const live = (entry: GuardEntry, now: number) =>
  entry.startedAt <= now + GUARD_EXPIRY_MS && now - entry.startedAt < GUARD_EXPIRY_MS;

/** The earliest other load that holds the guard and has not expired, or null. */
export function otherLoad(custom: Excel.CustomPropertyCollection, now: number, ownKey?: string) {
  const holding = entries(custom, ownKey).filter((e) => live(e, now));
  return holding.sort((a, b) => a.startedAt - b.startedAt)[0] ?? null;
}

/** The keys of loads that stopped half way and no longer block anyone. */
export const expiredKeys = (guard: Guard, now: number) =>
  entries(guard.custom, guard.key)
    .filter((e) => !live(e, now))
    .map((e) => e.key);

/** Removes this load's key, and the expired keys a stopped load left (once, by the load that goes ahead). */
export function queueGuardRelease(guard: Guard, expired: readonly string[] = []): void {
  for (const key of [guard.key, ...expired]) guard.custom.getItem(key).delete();
}

export const anotherLoadMessage = (startedAt: number) =>
  `Another Load quarter is running in this workbook (started at ${new Date(startedAt).toLocaleTimeString()}, in another pane or window). Load again when it has finished; one that stopped half way blocks no one ${GUARD_EXPIRY_MS / 60_000} minutes after it started. Nothing was changed.`;

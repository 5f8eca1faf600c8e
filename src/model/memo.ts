/**
 * Caches of pure answers over an immutable model (forgetting one only costs the time to compute it
 * again), bounded by the bytes they hold rather than by how many answers they hold: one answer is a
 * number under a short key, another an error message of a kilobyte under a 32,767-character cell,
 * so a bound by count is no bound on memory. JavaScript cannot measure an object's heap size, so
 * each entry's size is an estimate (`textBytes` and the callers' fixed costs), calibrated against
 * the heap growth `npm run bench` measures ("Cache memory" in BENCHMARKS.md).
 */

/**
 * Estimated heap bytes of a string: a header and two bytes a character. V8 stores Latin-1 text in
 * one byte a character, so this is an upper bound for what users type, exact for other scripts.
 */
export function textBytes(text: string): number {
  return 16 + 2 * text.length;
}

/** One cached answer in the order of use. */
export interface LruEntry<K, V> {
  readonly key: K;
  readonly value: V;
  readonly bytes: number;
  older: LruEntry<K, V> | null;
  newer: LruEntry<K, V> | null;
}

/**
 * Entries in the order they were last used, with their estimated bytes; `trim` evicts the least
 * recently used until the total is within `maxBytes`. A doubly linked list, so that marking an
 * entry used is a few pointer writes: a recalculating workbook uses an entry on every call, and a
 * Map's delete-and-set on each would cost several times the lookup itself.
 */
export class LruList<K, V> {
  private oldest: LruEntry<K, V> | null = null;
  private newest: LruEntry<K, V> | null = null;
  private heldBytes = 0;
  private count = 0;

  /** `evicted` is told of each entry `trim` drops, so the owner can forget its key. */
  constructor(
    readonly maxBytes: number,
    private readonly evicted: (entry: LruEntry<K, V>) => void
  ) {}

  /** Estimated bytes of the entries held. */
  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.count;
  }

  /** Adds an entry as the most recently used; call `trim` once the owner has indexed it. */
  add(key: K, value: V, bytes: number): LruEntry<K, V> {
    const entry: LruEntry<K, V> = { key, value, bytes, older: null, newer: null };
    this.append(entry);
    this.heldBytes += bytes;
    this.count++;
    return entry;
  }

  /** Marks an entry as the most recently used. */
  use(entry: LruEntry<K, V>): void {
    if (entry === this.newest) return;
    this.detach(entry);
    this.append(entry);
  }

  /** Drops an entry without telling `evicted` (its owner is replacing it). */
  remove(entry: LruEntry<K, V>): void {
    this.detach(entry);
    this.heldBytes -= entry.bytes;
    this.count--;
  }

  /** Evicts the least recently used entries until the bytes held are within `maxBytes`. */
  trim(): void {
    while (this.heldBytes > this.maxBytes && this.oldest) {
      const entry = this.oldest;
      this.remove(entry);
      this.evicted(entry);
    }
  }

  private append(entry: LruEntry<K, V>): void {
    entry.older = this.newest;
    entry.newer = null;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  private detach(entry: LruEntry<K, V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = null;
  }
}

/** A Map-like cache of at most `maxBytes` (estimated by `sizeOf`), least recently used evicted first. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, LruEntry<K, V>>();
  private readonly order: LruList<K, V>;

  constructor(
    maxBytes: number,
    private readonly sizeOf: (key: K, value: V) => number
  ) {
    this.order = new LruList<K, V>(maxBytes, (entry) => this.entries.delete(entry.key));
  }

  get bytes(): number {
    return this.order.bytes;
  }

  get size(): number {
    return this.order.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.order.use(entry);
    return entry.value;
  }

  /** Remembers `value` under `key`, as the most recently used, and returns it. */
  set(key: K, value: V): V {
    const old = this.entries.get(key);
    if (old) {
      this.order.remove(old);
      this.entries.delete(key);
    }
    const bytes = this.sizeOf(key, value);
    // One entry larger than the whole bound is not kept, rather than evicting everything for it.
    if (bytes > this.order.maxBytes) return value;
    this.entries.set(key, this.order.add(key, value, bytes));
    this.order.trim();
    return value;
  }
}

/** Estimated bytes of a primitive argument used as a key: its text, or one 8-byte slot. */
export function argumentBytes(value: unknown): number {
  return typeof value === "string" ? textBytes(value) : 8;
}

/**
 * The bound of each of the model's lookup caches (parsed period arguments; each catalogue's
 * resolved names): 1 MiB, thousands of distinct names, far more than a workbook types.
 */
export const LOOKUP_CACHE_BYTES = 1024 * 1024;

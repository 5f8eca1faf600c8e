/**
 * Remembers `value` under `key` in a lookup cache, emptying the cache first when it is full, so a
 * workbook that feeds thousands of distinct strings cannot grow it without bound. For caches of
 * pure answers over an immutable model: forgetting only costs the time to compute them again.
 */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit = 10_000): V {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}

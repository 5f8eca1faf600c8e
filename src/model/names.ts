/** Case-, space- and punctuation-insensitive key: "Dial-up" = "dial up" = "DIALUP". */
export function nameKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Whether an argument was left out: null, undefined and empty text all mean "not given". */
export function isOmitted(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** The Levenshtein distance: insertions, deletions and substitutions to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Up to `limit` of `candidates` near `input` (typos, or a fragment of a longer name), closest first.
 * Each candidate is [key to compare, name to show].
 */
export function nearestNames(
  input: string,
  candidates: readonly (readonly [string, string])[],
  limit = 3
): string[] {
  const key = nameKey(input);
  if (key === "") return [];
  const scored: [number, string][] = [];
  for (const [candidateKey, shown] of candidates) {
    const tolerance = Math.max(1, Math.floor(candidateKey.length / 4));
    // The distance is at least the difference in length: skip the quadratic computation when that
    // alone rules a candidate out, so a 32,767-character cell cannot stall Excel for minutes.
    const distance =
      Math.abs(key.length - candidateKey.length) > tolerance
        ? Infinity
        : editDistance(key, candidateKey);
    if (distance <= tolerance) scored.push([distance, shown]);
    else if (key.length >= 4 && candidateKey.includes(key)) scored.push([tolerance + 1, shown]);
  }
  scored.sort((a, b) => a[0] - b[0]);
  return [...new Set(scored.map(([, shown]) => shown))].slice(0, limit);
}

/** `"a", "b" or "c"` for messages. */
export function quotedList(names: readonly string[], conjunction = "or"): string {
  const q = names.map((n) => `"${n}"`);
  return q.length <= 1
    ? q.join("")
    : `${q.slice(0, -1).join(", ")} ${conjunction} ${q[q.length - 1]}`;
}

/** What the user typed, for a message: trimmed, and cut short when long (the message stays readable). */
export function shown(input: string): string {
  const t = input.trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/**
 * Sheet names as Excel compares them: case-insensitively ("IIJ Model" and "iij model" are one
 * name, and a workbook cannot hold both), so every comparison and every new name goes through here.
 */

export const sameSheetName = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/** `base`, or `base (2)`, `base (3)`...: the first that no sheet in `taken` has, case aside. */
export function freeSheetName(
  taken: readonly string[],
  base: string,
  numbered: (n: number) => string = (n) => `${base} (${n})`
): string {
  const free = (name: string) => !taken.some((t) => sameSheetName(t, name));
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(numbered(n))) return numbered(n);
}

/** Small helpers for timing: a monotonic clock in milliseconds and the median of repeated runs. */
import { performance } from "node:perf_hooks";

export const now = (): number => performance.now();

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

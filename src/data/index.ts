/**
 * The registry of releases: the one place a new release is added. Everything downstream (periods,
 * FQ0, the item catalogue, the checks) is derived from this list.
 */
import type { Release } from "./types";
import { RELEASE_2001_08_14 } from "./releases/2001-08-14-1q01";

export const RELEASES: readonly Release[] = [RELEASE_2001_08_14];

export { FISCAL_YEAR_START_MONTH } from "./calendar";
export type * from "./types";

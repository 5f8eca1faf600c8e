/** IIJ's fiscal calendar: fiscal year N runs from April 1 of year N to March 31 of year N+1. */
export const FISCAL_YEAR_START_MONTH = 4;

/**
 * The defined names the model sheet's header cells carry. The plan gives them, the writer reads a
 * sheet's quarter and unit through them, and the pane's trace finds the header by them: never by
 * a fixed address, since the analyst may insert rows above the model.
 */
export const HEADER_NAMES = {
  quarter: "IIJ_QUARTER",
  unit: "IIJ_UNIT",
  fxRate: "IIJ_FXRATE",
} as const;

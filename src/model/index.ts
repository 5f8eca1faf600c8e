/** The domain model: pure, no Office, no DOM. Everything the functions, pane and CLI need. */
import { IIJModel } from "./model";
import { currentModel } from "./registry";

export * from "./calendar";
export * from "./catalogue";
export * from "./checks";
export * from "./decimal";
export * from "./errors";
export * from "./guidance";
export * from "./memo";
export * from "./model";
export * from "./names";
export * from "./periods";
export * from "./printed";
export * from "./units";

/**
 * The model over every registered release: the bundled ones and the open workbook's (registry.ts).
 * Built on first use, and anew when the workbook's releases change: ask for it at each use.
 */
export function defaultModel(): IIJModel {
  return currentModel();
}
export * from "./registry";
export * from "./derived";
export * from "./grids";
export * from "./segments";
export * from "./source";
export * from "./search";
export * from "./stated";
// The printed shapes the sheet and the pane need, so that nothing outside the model reads src/data.
export type { Measure, PrintedUnit, Release, StatementId } from "../data/types";
export * from "./statements";
export * from "./structure";

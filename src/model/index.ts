/** The domain model: pure, no Office, no DOM. Everything the functions, pane and CLI need. */
import { RELEASES } from "../data";
import { IIJModel } from "./model";

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

/** The model over every registered release; built once, on first use. */
let shared: IIJModel | undefined;
export function defaultModel(): IIJModel {
  shared ??= new IIJModel(RELEASES);
  return shared;
}
export * from "./derived";
export * from "./grids";
export * from "./segments";
export * from "./source";
export * from "./search";
// The printed shapes the sheet and the pane need, so that nothing outside the model reads src/data.
export type { Measure, PrintedUnit, Release, StatementId } from "../data/types";
export * from "./statements";
export * from "./structure";

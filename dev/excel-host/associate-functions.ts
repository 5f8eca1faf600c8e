/**
 * Registers the add-in's custom functions in Node as Excel's runtime holds them once the functions
 * bundle has run: `CustomFunctions.associate(id, fn)` into office.js's association (ids upper-cased),
 * where the calculating double (calc.ts) finds them for `=IIJ.*` cells. In a browser, office.js and
 * the real functions bundle do this; here the build's step is repeated: every function exported
 * by src/functions/functions.ts under its `@customfunction` id, its name upper-cased.
 */
import * as functions from "../../src/functions/functions";
import { installCustomFunctions } from "./custom-functions";

type Association = { mappings: Record<string, unknown> };
type Registry = {
  _association?: Association;
  associate?: (id: string, fn: unknown) => void;
};

/** The CustomFunctions global with office.js's `associate`, installing the stub if there is none. */
function customFunctionsRegistry(): Required<Registry> {
  const scope = globalThis as { CustomFunctions?: Registry };
  if (!scope.CustomFunctions) installCustomFunctions();
  const registry = scope.CustomFunctions as Registry;
  // A null-prototype map: an id is never an Object.prototype name.
  const association = (registry._association ??= { mappings: Object.create(null) });
  registry.associate ??= (id: string, fn: unknown) => {
    association.mappings[id.toUpperCase()] = fn;
  };
  return registry as Required<Registry>;
}

/** Associates every custom function of the add-in, as the functions bundle does in Excel. */
export function associateAddinFunctions(): void {
  const registry = customFunctionsRegistry();
  for (const [name, fn] of Object.entries(functions))
    if (typeof fn === "function") registry.associate(name.toUpperCase(), fn);
}

/** Forgets every association (a test of what Excel shows before the add-in has loaded). */
export function dissociateAddinFunctions(): void {
  const registry = (globalThis as { CustomFunctions?: Registry }).CustomFunctions;
  if (registry?._association) registry._association.mappings = Object.create(null);
}

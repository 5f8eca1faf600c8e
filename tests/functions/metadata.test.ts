/**
 * The functions as Excel sees them: through the functions.json metadata that
 * custom-functions-metadata generates from the JSDoc (what the build ships), and the
 * CustomFunctions.associate mapping it reports. A function missing from the metadata, registered
 * under the wrong id or with the wrong parameters fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { LIBRARY } from "../../src/functions/library";
import * as exported from "../../src/functions/functions";
import {
  FakeCustomFunctionsError,
  installCustomFunctions,
} from "../../dev/excel-host/custom-functions";

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    helpUrl?: string;
    parameters: { name: string; description?: string; optional?: boolean }[];
    result: { type?: string; dimensionality?: string };
    options?: Record<string, boolean>;
  }[];
}

installCustomFunctions();

let metadata: Metadata;
const byId = new Map<string, (...args: unknown[]) => unknown>();

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    join(__dirname, "../../src/functions/functions.ts")
  );
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson);
  const fns = exported as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const a of result.associate) byId.set(a.id, fns[a.functionName]);
});

/** Calls a function the way Excel does: by its metadata id, omitted arguments as null. */
function call(id: string, ...args: unknown[]): unknown {
  const fn = byId.get(id);
  if (!fn) throw new Error(`${id} is not associated`);
  const arity = metadata.functions.find((f) => f.id === id)!.parameters.length;
  const padded = Array.from({ length: arity }, (_, i) => (i < args.length ? args[i] : null));
  try {
    return fn(...padded);
  } catch (error) {
    if (error instanceof FakeCustomFunctionsError) return `${error.code} ${error.message}`;
    throw error;
  }
}

test("every library function is registered under its name, with the library's parameters", () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual([...LIBRARY.keys()].sort());
  for (const f of metadata.functions) {
    const spec = LIBRARY.get(f.id)!;
    expect([f.id, f.name]).toEqual([spec.name, spec.name]);
    expect(f.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual(
      spec.parameters.map((p) => [p.name, Boolean(p.optional)])
    );
    expect(byId.get(f.id)).toBeInstanceOf(Function);
  }
});

test("ids follow Microsoft's rules: a letter first, three or more characters, not a cell reference", () => {
  for (const f of metadata.functions) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(f.id).not.toMatch(/^[A-Z]{1,3}[0-9]+$/);
  }
});

test("every function and parameter is described, and links to its section of the shipped help page", () => {
  const help = readFileSync(join(__dirname, "../../src/help/help.html"), "utf8");
  for (const f of metadata.functions) {
    expect(f.description.length).toBeGreaterThan(20);
    expect(f.description).toMatch(/Example: =IIJ\./);
    for (const p of f.parameters)
      expect([f.id, p.name, (p.description ?? "").length > 10]).toEqual([f.id, p.name, true]);
    expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id.toLowerCase()}`);
    expect(help).toContain(`id="${f.id.toLowerCase()}"`);
  }
});

test("functions are synchronous and non-volatile (no #BUSY!, no needless recalculation)", () => {
  for (const f of metadata.functions) {
    expect([
      f.id,
      f.options?.stream ?? false,
      f.options?.volatile ?? false,
      f.options?.requiresAddress ?? false,
    ]).toEqual([f.id, false, false, false]);
  }
});

describe("called through the metadata, the functions return the printed figures", () => {
  test.each([
    ["REVENUE", ["1Q01", "Dedicated"], 3386912],
    ["REVENUE", ["1Q01", "Dedicated", "JPY millions"], 3386.912],
    ["REVENUE", ["1Q01"], 8332898],
    ["COST", ["1Q01", "SI"], 1914254],
    ["INCOME", ["1Q01", "Total revenues"], 8332898],
    ["BALANCE", [37072, "Cash"], 12574744],
    ["CASHFLOW", ["1Q01", "Net cash used in operating activities"], -231079],
    ["KPI", ["1Q01", "EBITDA"], 376],
    ["GUIDANCE", ["2Q01", "Revenues", "mid"], 9250],
    ["FXRATE", [], 124.73],
  ])("IIJ.%s(%j) = %p", (id, args, value) => {
    expect(call(id, ...args)).toBe(value);
  });

  test("GROWTH of total revenues YoY rounds to the printed 15.0%", () => {
    expect((call("GROWTH", "1Q01", "Total revenues", "YoY") as number).toFixed(3)).toBe("0.150");
  });

  test("STATEMENT spills every printed row under a header of periods", () => {
    const grid = call("STATEMENT", "INCOME") as unknown[][];
    expect(grid[0].slice(1)).toEqual(["1Q00", "4Q00", "1Q01"]);
    expect(grid.length).toBe(1 + 29);
    expect(grid[10]).toEqual(["Total revenues", 7245795, 9199575, 8332898]);
  });

  test("a gap in a spill is an error in its own cell, not a failed array", () => {
    const grid = call("STATEMENT", "KPI") as unknown[][];
    const dslf = grid.find((row) => String(row[0]).startsWith("Maximum 1.5Mbps"))!;
    expect(dslf[1]).toBeInstanceOf(FakeCustomFunctionsError);
    expect((dslf[1] as FakeCustomFunctionsError).code).toBe("#N/A");
    expect(dslf[3]).toBe(45);
  });

  test("errors reach Excel as CustomFunctions.Error with the right code and message", () => {
    expect(call("REVENUE", "1Q01", "Dedicatd")).toMatch(
      /^#N\/A "Dedicatd" is not a revenue segment. Did you mean "Dedicated"/
    );
    expect(call("INCOME", true, "Revenue")).toMatch(/^#VALUE! A period cannot be TRUE or FALSE/);
    expect(call("GUIDANCE", "2Q01", "Revenues", "median")).toMatch(/^#VALUE! The bound must be/);
  });
});

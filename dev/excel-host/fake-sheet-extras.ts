/**
 * The parts of the Excel double (fake-excel.ts) that Load quarter's checks read, faithful to
 * Office.js: merged areas (`Range.getMergedAreasOrNullObject`, ExcelApi 1.13), the tables over a
 * range (`Range.getTables`, 1.9), array formulas and spills (`Range.hasSpill` and
 * `Range.savedAsArray`, 1.12) and the workbook's custom properties (`workbook.properties.custom`,
 * 1.7). fake-excel.ts only calls in here, so that its own code stays as it is.
 */
import { FakeExcelError, type Rect, type SheetState, parseAddress } from "./fake-excel";

/** What the proxies here queue their commands on (fake-excel.ts's Queue). */
export interface CommandQueue {
  push(command: () => void, kind?: string): void;
}

/** A table (ListObject) on a sheet: its name and the cells it covers, header row included. */
export interface TableArea {
  readonly name: string;
  readonly address: string;
}

/**
 * An array formula's cells: a legacy (Ctrl+Shift+Enter) array, which Excel saves as an array, or a
 * dynamic array's spill range, anchor included, which has a spill border (and is saved as an array
 * for Excel versions without dynamic arrays).
 */
export interface ArrayArea {
  readonly address: string;
  readonly kind: "legacy" | "spill";
}

/** The sheet and rectangle a range covers when its batch runs, or null (a null range). */
export type RangeWhere = () => { sheet: SheetState; rect: Rect } | null;

const overlaps = (a: Rect, b: Rect) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const contains = (outer: Rect, inner: Rect) =>
  outer.r0 <= inner.r0 && inner.r1 <= outer.r1 && outer.c0 <= inner.c0 && inner.c1 <= outer.c1;
const cellCount = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

const notLoaded = (property: string) =>
  new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Call load() and sync() first.`
  );

/** A sheet name as Excel writes it in an address: quoted only when it must be. */
export const inAddress = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

/**
 * `Range.getMergedAreasOrNullObject()`: a RangeAreas of the merged areas that overlap the range, or
 * a null object when there are none. Its `address` lists them as Excel does ("S!A1:B2, S!D4:E4").
 */
export function mergedAreasOf(queue: CommandQueue, where: RangeWhere) {
  let found: string[] | null = null;
  const read = () => {
    if (!found) throw notLoaded("address");
    return found;
  };
  return {
    load(props?: string) {
      void props;
      queue.push(() => {
        const at = where();
        found = at
          ? at.sheet.merged
              .filter((a) => overlaps(parseAddress(a), at.rect))
              .map((a) => `${inAddress(at.sheet.name)}!${a}`)
          : [];
      }, "load");
      return this;
    },
    get isNullObject() {
      return read().length === 0;
    },
    get address() {
      return read().join(", ");
    },
    get areaCount() {
      return read().length;
    },
  };
}

/** `Range.getTables(fullyContained)`: the tables overlapping (or inside) the range, by name. */
export function tablesOf(queue: CommandQueue, where: RangeWhere, fullyContained = false) {
  let items: { name: string }[] | null = null;
  return {
    load(props?: string) {
      void props;
      queue.push(() => {
        const at = where();
        const hit = (t: TableArea) =>
          fullyContained
            ? contains(at!.rect, parseAddress(t.address))
            : overlaps(parseAddress(t.address), at!.rect);
        items = at ? at.sheet.tables.filter(hit).map((t) => ({ name: t.name })) : [];
      }, "load");
      return this;
    },
    get items() {
      if (!items) throw notLoaded("items");
      return items;
    },
  };
}

/**
 * `Range.hasSpill` or `Range.savedAsArray`: true when every cell of the range is in a spill range
 * (or, for savedAsArray, in any array formula), false when none is, null when some are.
 */
export function arrayFlag(
  sheet: SheetState,
  rect: Rect,
  property: "hasSpill" | "savedAsArray"
): boolean | null {
  let covered = 0;
  for (const area of sheet.arrays) {
    if (property === "hasSpill" && area.kind !== "spill") continue;
    const a = parseAddress(area.address);
    if (!overlaps(a, rect)) continue;
    covered += cellCount({
      r0: Math.max(a.r0, rect.r0),
      c0: Math.max(a.c0, rect.c0),
      r1: Math.min(a.r1, rect.r1),
      c1: Math.min(a.c1, rect.c1),
    });
  }
  if (covered === 0) return false;
  return covered >= cellCount(rect) ? true : null;
}

type PropertyValue = string | number | boolean;

/**
 * `workbook.properties.custom`: the workbook's custom document properties (File > Properties >
 * Custom), saved with the file and shared by every window and co-author. `add` creates or
 * replaces a property, as in Excel.
 */
export function customPropertiesOf(queue: CommandQueue, props: Map<string, PropertyValue>) {
  let items: { key: string; value: PropertyValue }[] | null = null;
  const remove = (key: string) =>
    queue.push(() => {
      if (!props.delete(key)) throw new FakeExcelError("ItemNotFound", `No custom property ${key}`);
    }, "customProperty.delete");
  return {
    load(select?: string) {
      void select;
      queue.push(
        () => (items = [...props].map(([key, value]) => ({ key, value }))),
        "customProperties.load"
      );
    },
    get items() {
      if (!items) throw notLoaded("items");
      return items;
    },
    add(key: string, value: PropertyValue) {
      if (key.length === 0 || key.length > 255)
        throw new FakeExcelError(
          "InvalidArgument",
          "A custom property's key is 1 to 255 characters"
        );
      queue.push(() => props.set(key, value), "customProperties.add");
      return { key, delete: () => remove(key) };
    },
    getItem(key: string) {
      return { key, delete: () => remove(key) };
    },
  };
}

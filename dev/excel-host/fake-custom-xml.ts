/**
 * The workbook's Custom XML parts in the Excel double (fake-excel.ts), faithful to Office.js
 * (ExcelApi 1.5): `workbook.customXmlParts` with `add(xml)`, `getByNamespace(uri)`, `getItem(id)`,
 * `getItemOrNullObject(id)`, `getCount()` and `load("items/...")`; each part with `id`,
 * `namespaceUri`, `getXml()` (a ClientResult, read after the sync), `setXml(xml)` and `delete()`.
 * Every call is a queued command of the context's batch (its kind recorded, as the fake records
 * every command's), and a property or result read before its sync throws, as in Excel. A part's
 * namespace is its root element's default namespace, as Excel takes it. fake-excel.ts only calls
 * in here.
 */
import { FakeExcelError } from "./fake-excel";
import type { CommandQueue } from "./fake-sheet-extras";

/** A stored part: what the workbook file holds. Tests may push malformed ones directly. */
export interface CustomXmlPartState {
  readonly id: string;
  namespaceUri: string;
  xml: string;
}

let nextPartId = 1;

const notLoaded = (property: string) =>
  new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Call load() and sync() first.`
  );

/** The root element's default namespace ("" for none); throws for text that is not one element. */
function namespaceOf(xml: string): string {
  const body = xml.replace(/^\s*<\?xml[^>]*\?>/, "").trim();
  const root = /^<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(body);
  if (!root || !(body.endsWith(`</${root[1]}>`) || root[0].endsWith("/>")))
    throw new FakeExcelError("InvalidArgument", "The XML is not well formed.");
  return /\bxmlns="([^"]*)"/.exec(root[2])?.[1] ?? "";
}

/** A ClientResult (of `getXml()`, `getCount()`): its value only after the sync. */
function clientResult<T>(read: () => T, queue: CommandQueue, kind: string) {
  let value: { read: T } | null = null;
  queue.push(() => (value = { read: read() }), kind);
  return {
    get value(): T {
      if (value === null) throw notLoaded("value");
      return value.read;
    },
  };
}

/** A part by id, found when its batch runs (ItemNotFound then, if it is gone). */
function partProxy(queue: CommandQueue, parts: CustomXmlPartState[], id: () => string) {
  const must = () => {
    const part = parts.find((p) => p.id === id());
    if (!part) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
    return part;
  };
  const loaded = new Map<string, unknown>();
  const read = <T>(property: string) => {
    if (!loaded.has(property)) throw notLoaded(property);
    return loaded.get(property) as T;
  };
  return {
    /** Marks properties as loaded, as a collection's `load("items/...")` does for its items. */
    preload(values: Record<string, unknown>) {
      for (const [k, v] of Object.entries(values)) loaded.set(k, v);
      return this;
    },
    load(props = "id, namespaceUri") {
      queue.push(() => {
        const part = parts.find((p) => p.id === id());
        loaded.set("isNullObject", !part);
        if (part) for (const p of props.split(",")) loaded.set(p.trim(), part[p.trim() as "id"]);
      }, "load");
      return this;
    },
    get id(): string {
      return read("id");
    },
    get namespaceUri(): string {
      return read("namespaceUri");
    },
    get isNullObject(): boolean {
      return read("isNullObject");
    },
    getXml: () => clientResult(() => must().xml, queue, "customXmlPart.getXml"),
    setXml(xml: string) {
      queue.push(() => {
        const part = must();
        part.namespaceUri = namespaceOf(xml);
        part.xml = xml;
      }, "customXmlPart.setXml");
    },
    delete() {
      queue.push(() => {
        parts.splice(parts.indexOf(must()), 1);
      }, "customXmlPart.delete");
    },
  };
}

export type FakeCustomXmlPart = ReturnType<typeof partProxy>;

/** A collection of parts (all of them, or one namespace's), read when its batch runs. */
function partCollection(
  queue: CommandQueue,
  parts: CustomXmlPartState[],
  inScope: (p: CustomXmlPartState) => boolean,
  kind: string
) {
  let items: FakeCustomXmlPart[] | null = null;
  const byId = (id: string) => partProxy(queue, parts, () => id);
  return {
    load(props = "items/id") {
      void props;
      queue.push(
        () =>
          (items = parts
            .filter(inScope)
            .map((p) => byId(p.id).preload({ id: p.id, namespaceUri: p.namespaceUri }))),
        `${kind}.load`
      );
      return this;
    },
    get items(): FakeCustomXmlPart[] {
      if (!items) throw notLoaded("items");
      return items;
    },
    getCount() {
      return clientResult(() => parts.filter(inScope).length, queue, `${kind}.getCount`);
    },
    getItem: byId,
    getItemOrNullObject: byId,
  };
}

/** `workbook.customXmlParts` over the workbook's parts. */
export function customXmlPartsOf(queue: CommandQueue, parts: CustomXmlPartState[]) {
  // Assigned, not spread: spreading would read the collection's `items` before any load.
  return Object.assign(
    partCollection(queue, parts, () => true, "customXmlParts"),
    {
      add(xml: string): FakeCustomXmlPart {
        // Excel refuses text that is not XML when the call is made.
        const namespaceUri = namespaceOf(xml);
        const id = `{part-${nextPartId++}}`;
        queue.push(() => parts.push({ id, namespaceUri, xml }), "customXmlParts.add");
        return partProxy(queue, parts, () => id);
      },
      getByNamespace(namespaceUri: string) {
        return partCollection(
          queue,
          parts,
          (p) => p.namespaceUri === namespaceUri,
          "customXmlParts.getByNamespace"
        );
      },
    }
  );
}

/** The parts as the double's view shows them (JSON-serialisable). */
export function customXmlPartsView(parts: readonly CustomXmlPartState[]): CustomXmlPartState[] {
  return parts.map(({ id, namespaceUri, xml }) => ({ id, namespaceUri, xml }));
}

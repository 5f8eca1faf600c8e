/**
 * What a load would send Excel, per `context.sync()`: a recording wrapper around the double's
 * request context (fake-excel.ts), for the request-size measurements of bench/scale.ts and
 * tests/sheet/scale.test.ts. The double itself is untouched: every object the code under test
 * reaches from the context is a JavaScript Proxy that forwards to the double's object and notes,
 * as Office.js does, what would go into the request.
 *
 * Office.js (the RichApi protocol) sends each batch as one JSON request: an `Actions` list (set a
 * property, call a method, query loaded properties, instantiate an object a method returns) and the
 * `ObjectPaths` those actions refer to (how to reach each object: a property of its parent, or a
 * method of its parent with its arguments, e.g. `getRange("A1:AX597")`). This records the same
 * structure with the same values (the 2-D formula and number-format arrays are nearly all of it)
 * and serialises it as JSON:
 *
 *   {"Actions":[{"Id":12,"ActionType":4,"Name":"formulas","ObjectPathId":7,
 *                "ArgumentInfo":{"Arguments":[[["=...",null]]]}}, ...],
 *    "ObjectPaths":{"7":{"Id":7,"ObjectPathType":3,"Name":"getRange","ParentObjectPathId":5,
 *                        "ArgumentInfo":{"Arguments":["A1:AX597"]}}, ...}}
 *
 * The byte count approximates the real request body: the property and method names here are the
 * JavaScript ones (Office.js sends its own, of about the same length), and Office.js adds a few
 * small fields per action and per request, which this leaves out; a batch's size is dominated by
 * its values, which are serialised as Office.js serialises them (JSON). Each batch carries the
 * paths of the objects its actions use, and their parents, as Office.js's requests do.
 */
import type { FakeRequestContext } from "./fake-excel";

/** Office.js's action types (RichApi): instantiate an object, query, call, set a property. */
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
/** Office.js's object path types: the global object, a property, a method's result, an item. */
const PATH = { global: 1, property: 2, method: 3, indexer: 4 } as const;

interface ObjectPath {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { readonly Arguments: readonly unknown[] };
}

interface Action {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: { readonly Arguments: readonly unknown[] };
}

/** One sync's request as recorded: its actions, the paths they use, and its size as JSON. */
export interface RequestPayload {
  readonly sync: number;
  readonly actions: number;
  readonly objectPaths: number;
  /** UTF-8 bytes of the request serialised as JSON. */
  readonly bytes: number;
  /**
   * UTF-8 bytes of what the sync's loads bring back (each loaded property's value as JSON): the
   * response, which Excel on the web limits as it limits the request.
   */
  readonly responseBytes: number;
  /**
   * Where the request's bytes go: JSON bytes of its actions and of its object paths, by name
   * ("formulas", "numberFormat", "getRange", ...), largest first.
   */
  readonly byName: readonly { readonly name: string; readonly bytes: number }[];
}

type Wrapped = object;

/**
 * Records what each sync of a context would send. `context` is the proxy to hand the code under
 * test; `requests` holds one entry per sync made through it, in order.
 */
export class PayloadRecorder {
  readonly requests: RequestPayload[] = [];
  readonly context: Excel.RequestContext;
  private readonly proxies = new WeakMap<object, Wrapped>();
  private readonly targets = new WeakMap<Wrapped, object>();
  private readonly paths = new Map<number, ObjectPath>();
  private readonly pathOf = new WeakMap<object, number>();
  private actions: Action[] = [];
  /** The loads of the batch being queued: the object and the properties asked for. */
  private queries: { target: object; props: readonly string[] }[] = [];
  private nextId = 1;

  constructor(private readonly fake: FakeRequestContext) {
    this.newPath(fake, { ObjectPathType: PATH.global, Name: "" });
    this.context = this.wrap(fake) as Excel.RequestContext;
  }

  private newPath(target: object, path: Omit<ObjectPath, "Id">): number {
    const Id = this.nextId++;
    this.paths.set(Id, { Id, ...path });
    this.pathOf.set(target, Id);
    return Id;
  }

  private act(action: Omit<Action, "Id">): void {
    this.actions.push({ Id: this.nextId++, ...action });
  }

  /** A value as the request carries it: an object the code got from the context is its path id. */
  private serialisable(value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    const target = this.targets.get(value);
    if (target) return this.pathOf.get(target);
    if (Array.isArray(value)) return value.map((v) => this.serialisable(v));
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, this.serialisable(v)] as const)
    );
  }

  private unwrap(value: unknown): unknown {
    return typeof value === "object" && value !== null ? (this.targets.get(value) ?? value) : value;
  }

  /** The one proxy of an object (whose path the caller has noted): it records, then forwards. */
  private wrap(target: object): Wrapped {
    const existing = this.proxies.get(target);
    if (existing) return existing;
    const proxy = new Proxy(target, {
      get: (t, prop) => this.get(t, prop),
      set: (t, prop, value) => {
        if (typeof prop === "string")
          this.act({
            ActionType: ACTION.setProperty,
            Name: prop,
            ObjectPathId: this.pathOf.get(t) as number,
            ArgumentInfo: { Arguments: [this.serialisable(value)] },
          });
        return Reflect.set(t, prop, this.unwrap(value), t);
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  /** A child object of `parent`: wrapped, with its path noted the first time it is reached. */
  private child(
    parent: object,
    child: object,
    path: Omit<ObjectPath, "Id" | "ParentObjectPathId">
  ) {
    if (!this.pathOf.has(child))
      this.newPath(child, { ...path, ParentObjectPathId: this.pathOf.get(parent) });
    return this.wrap(child);
  }

  private get(target: object, prop: string | symbol): unknown {
    const value: unknown = Reflect.get(target, prop, target);
    if (typeof prop === "symbol" || prop === "then") return value;
    if (typeof value === "function") return this.method(target, prop, value as Method);
    if (typeof value !== "object" || value === null) return value;
    if (!Array.isArray(value))
      return this.child(target, value, { ObjectPathType: PATH.property, Name: prop });
    // A loaded collection's items: each reached by its index.
    if (!value.some((v) => typeof v === "object" && v !== null && !Array.isArray(v))) return value;
    return value.map((item: unknown, i) =>
      typeof item === "object" && item !== null
        ? this.child(target, item, {
            ObjectPathType: PATH.indexer,
            Name: "",
            ArgumentInfo: { Arguments: [i] },
          })
        : item
    );
  }

  private method(target: object, name: string, fn: Method): (...args: unknown[]) => unknown {
    if (target === this.fake && name === "sync") return () => this.sync();
    return (...args: unknown[]) => {
      const result: unknown = fn.apply(
        target,
        args.map((a) => this.unwrap(a))
      );
      const Arguments = args.map((a) => this.serialisable(a));
      const ObjectPathId = this.pathOf.get(target) as number;
      if (name === "load") this.queries.push({ target, props: loadedProps(args[0]) });
      if (result === target) {
        this.act({
          ActionType: name === "load" ? ACTION.query : ACTION.method,
          Name: name,
          ObjectPathId,
          ArgumentInfo: { Arguments },
        });
        return this.wrap(target);
      }
      if (typeof result === "object" && result !== null && !(result instanceof Promise)) {
        const wrapped = this.child(target, result, {
          ObjectPathType: PATH.method,
          Name: name,
          ArgumentInfo: { Arguments },
        });
        this.act({
          ActionType: ACTION.instantiate,
          Name: "",
          ObjectPathId: this.pathOf.get(result) as number,
        });
        return wrapped;
      }
      const ActionType = name === "load" ? ACTION.query : ACTION.method;
      this.act({ ActionType, Name: name, ObjectPathId, ArgumentInfo: { Arguments } });
      return result;
    };
  }

  private async sync(): Promise<void> {
    const actions = this.actions;
    this.actions = [];
    // The paths the batch's actions use, and every parent up to the global object.
    const used = new Map<number, ObjectPath>();
    for (const action of actions) {
      for (let id: number | undefined = action.ObjectPathId; id !== undefined && !used.has(id);) {
        const path = this.paths.get(id) as ObjectPath;
        used.set(id, path);
        id = path.ParentObjectPathId;
      }
    }
    const queries = this.queries;
    this.queries = [];
    const body = JSON.stringify({ Actions: actions, ObjectPaths: Object.fromEntries(used) });
    try {
      await this.fake.sync();
    } finally {
      this.requests.push({
        sync: this.requests.length + 1,
        actions: actions.length,
        objectPaths: used.size,
        bytes: Buffer.byteLength(body, "utf8"),
        responseBytes: Buffer.byteLength(JSON.stringify(queries.map(loadedValues)), "utf8"),
        byName: bytesByName([...actions, ...used.values()]),
      });
    }
  }
}

/** The property names a `load` asks for ("address, formulas", or ["name", "id"]). */
function loadedProps(arg: unknown): string[] {
  if (typeof arg === "string") return arg.split(",").map((p) => p.trim());
  if (Array.isArray(arg)) return arg.map(String);
  return [];
}

/** What a load brought back, as far as the double's objects show it (a property read after the sync). */
function loadedValues({ target, props }: { target: object; props: readonly string[] }) {
  const values: Record<string, unknown> = {};
  for (const prop of props) {
    try {
      const value: unknown = Reflect.get(target, prop, target);
      if (isPlain(value)) values[prop] = value;
    } catch {
      // Not loaded (a null object, or a failed batch): nothing comes back for it.
    }
  }
  return values;
}

type Method = (...args: unknown[]) => unknown;

/** A value as a response carries it: a primitive, or arrays of them (a grid); not an object. */
function isPlain(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isPlain);
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

/** JSON bytes of actions and paths, summed by name, largest first. */
function bytesByName(parts: readonly (Action | ObjectPath)[]) {
  const sums = new Map<string, number>();
  for (const part of parts) {
    const name = part.Name || ("ActionType" in part ? "(instantiate)" : "(item)");
    sums.set(name, (sums.get(name) ?? 0) + Buffer.byteLength(JSON.stringify(part), "utf8"));
  }
  return [...sums].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

import { describeValue } from "./catalogue";
import { invalidValue, notAvailable } from "./errors";
import type { IIJModel } from "./model";
import { isOmitted, nameKey, nearestNames, quotedList, shown } from "./names";
import { ANCHORS } from "./statements";

/**
 * The revenue and cost segments `IIJ.REVENUE` and `IIJ.COST` take: every line the statements of
 * operations build total revenues (or total costs) from, in printed order, the total last, by the
 * short name statements.ts gives it (a line a release adds goes by its printed label).
 */
function segmentsOf(model: IIJModel, kind: SegmentKind): readonly [string, string][] {
  const total = kind === "revenue" ? ANCHORS.revenues : ANCHORS.costs;
  return model
    .structure("INCOME")
    .treeOf(total)
    .map((line) => [line.spec.segment ?? line.label, line.id] as [string, string]);
}

export type SegmentKind = "revenue" | "cost";

interface Segments {
  /** [short name, item id] of each segment, in printed order, the total last. */
  readonly list: readonly [string, string][];
  /** [name key, item id, name shown in suggestions] for every name of every segment. */
  readonly names: readonly (readonly [string, string, string])[];
}

/**
 * The segments of each kind and their names, built once per model (its structure supplies the
 * lines, its catalogue the labels): `IIJ.REVENUE` and `IIJ.COST` resolve a segment on every call.
 */
const segmentsByModel = new WeakMap<IIJModel, Map<SegmentKind, Segments>>();

function segments(model: IIJModel, kind: SegmentKind): Segments {
  let byKind = segmentsByModel.get(model);
  if (!byKind) segmentsByModel.set(model, (byKind = new Map()));
  const cached = byKind.get(kind);
  if (cached) return cached;
  const list = segmentsOf(model, kind);
  const names: [string, string, string][] = [];
  for (const [name, id] of list) {
    const item = model.catalogue("INCOME").get(id);
    names.push([nameKey(name), id, name], [nameKey(id), id, name]);
    for (const label of item?.printedLabels ?? []) names.push([nameKey(label), id, label]);
    const aliases = model.catalogue("INCOME").aliasesOf(id);
    // Only revenue segments also take their rows' INCOME aliases ("IDC", "Sales"); a cost segment
    // takes its short name, id and printed labels, not its row's aliases ("SI cost", "COGS").
    if (kind === "revenue") for (const alias of aliases) names.push([nameKey(alias), id, alias]);
  }
  const built = { list, names };
  byKind.set(kind, built);
  return built;
}

/** Resolves a segment argument to its INCOME item id; omitted means the total. */
export function resolveSegment(model: IIJModel, kind: SegmentKind, input: unknown): string {
  const { list, names } = segments(model, kind);
  const valid = () =>
    `${kind === "revenue" ? "Revenue" : "Cost"} segments: ${quotedList(list.map(([name]) => name))} (or their printed labels).`;
  if (isOmitted(input)) return list[list.length - 1][1];
  if (typeof input !== "string") {
    throw invalidValue(`The segment must be text; got ${describeValue(input)}. ${valid()}`);
  }
  const key = nameKey(input);
  const hit = names.find(([k]) => k === key);
  if (hit) return hit[1];
  const near = nearestNames(
    input,
    names.map(([k, , shown]) => [k, shown])
  );
  throw notAvailable(
    `"${shown(input)}" is not a ${kind} segment.${near.length ? ` Did you mean ${quotedList(near)}?` : ""} ${valid()}`
  );
}

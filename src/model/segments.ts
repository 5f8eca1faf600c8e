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

/** [name key, item id, name shown in suggestions] for every name of every segment of a kind. */
type SegmentNames = readonly (readonly [string, string, string])[];

/** The names of each kind of segment, built once per model (its catalogue supplies the labels). */
const namesByModel = new WeakMap<IIJModel, Map<SegmentKind, SegmentNames>>();

function segmentNames(model: IIJModel, kind: SegmentKind): SegmentNames {
  let byKind = namesByModel.get(model);
  if (!byKind) namesByModel.set(model, (byKind = new Map()));
  const cached = byKind.get(kind);
  if (cached) return cached;
  const names: [string, string, string][] = [];
  for (const [name, id] of segmentsOf(model, kind)) {
    const item = model.catalogue("INCOME").get(id);
    names.push([nameKey(name), id, name], [nameKey(id), id, name]);
    for (const label of item?.printedLabels ?? []) names.push([nameKey(label), id, label]);
    const aliases = model.catalogue("INCOME").aliasesOf(id);
    // Only revenue segments also take their rows' INCOME aliases ("IDC", "Sales"); a cost segment
    // takes its short name, id and printed labels, not its row's aliases ("SI cost", "COGS").
    if (kind === "revenue") for (const alias of aliases) names.push([nameKey(alias), id, alias]);
  }
  byKind.set(kind, names);
  return names;
}

/** Resolves a segment argument to its INCOME item id; omitted means the total. */
export function resolveSegment(model: IIJModel, kind: SegmentKind, input: unknown): string {
  const segments = segmentsOf(model, kind);
  const valid = () =>
    `${kind === "revenue" ? "Revenue" : "Cost"} segments: ${quotedList(segments.map(([name]) => name))} (or their printed labels).`;
  if (isOmitted(input)) return segments[segments.length - 1][1];
  if (typeof input !== "string") {
    throw invalidValue(`The segment must be text; got ${describeValue(input)}. ${valid()}`);
  }
  const names = segmentNames(model, kind);
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

/**
 * The releases stored in the workbook, through Office.js: one Custom XML part per release, in the
 * add-in's namespace (RELEASE_NAMESPACE, `urn:iij-model:release:v1`), found with `getByNamespace`
 * (ExcelApi 1.5). What a part holds, and reading it back, is the model's (releasePartXml,
 * releaseFromPartXml in src/model/registry.ts); this file only moves parts in and out.
 *
 * Why Custom XML parts: they are saved in the file, so a colleague who opens it with the add-in
 * sees the same figures, and they hold a release (some 50 KB of JSON) with room to spare, one part
 * per release, each added or deleted on its own. `Office.context.document.settings` is one small
 * property bag per add-in (about 2 MB for all of it, rewritten whole on every save), and custom
 * document properties hold 255 characters a value: neither fits a release.
 *
 * Syncs are fixed, never one per part: a read is two (the parts' ids, then every part's XML in one
 * batch; one when there are none, since Office.js offers no way to ask for the XML of parts not
 * yet listed); adding and removing read first, then write in one more sync that also asks Excel to
 * recalculate in full, so that cells already showing an =IIJ. answer (which Excel does not
 * recalculate by itself: the functions are not volatile) answer from the new set of releases.
 */
import { RELEASE_NAMESPACE, type Release, releaseFromPartXml, releasePartXml } from "../model";

/** A release read from the workbook, with the ids of the parts holding it (the first is read). */
export interface StoredRelease {
  readonly partIds: readonly string[];
  readonly release: Release;
}

export interface StoredReleases {
  readonly stored: readonly StoredRelease[];
  /** A part that could not be read as a release, in words: skipped, never a failure. */
  readonly problems: readonly string[];
}

/** Every release stored in the workbook, oldest first; malformed parts skipped and reported. */
export async function readStoredReleases(context: Excel.RequestContext): Promise<StoredReleases> {
  const parts = context.workbook.customXmlParts.getByNamespace(RELEASE_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  const xmls = parts.items.map((part) => ({ partId: part.id, xml: part.getXml() }));
  if (xmls.length === 0) return { stored: [], problems: [] };
  await context.sync();
  const byId = new Map<string, { partIds: string[]; release: Release }>();
  const problems: string[] = [];
  for (const { partId, xml } of xmls) {
    const read = releaseFromPartXml(xml.value);
    if ("problem" in read) {
      problems.push(`A stored release (part ${partId}) was skipped: ${read.problem}.`);
      continue;
    }
    const known = byId.get(read.release.id);
    if (!known) byId.set(read.release.id, { partIds: [partId], release: read.release });
    else {
      known.partIds.push(partId);
      problems.push(`The release of ${read.release.id} is stored twice: the first copy is read.`);
    }
  }
  const stored: StoredRelease[] = [...byId.values()];
  stored.sort((a, b) => a.release.date.localeCompare(b.release.date));
  return { stored, problems };
}

/** A full recalculation, so that =IIJ. cells answer from the releases now stored. */
function recalculate(context: Excel.RequestContext): void {
  context.workbook.application.calculate("Full");
}

/**
 * Called with the releases the workbook will hold, after the read and before the write's sync:
 * the caller registers them there, so that the recalculation the write asks for already answers
 * from them. If it throws, nothing is written.
 */
export type WillWrite = (releases: readonly Release[]) => void;

export type StoreOutcome =
  | { readonly kind: "added"; readonly replaced: boolean; readonly releases: StoredReleases }
  | { readonly kind: "already stored"; readonly releases: StoredReleases };

/**
 * Stores a release in the workbook. One already stored under its id is replaced only with
 * `replace`; otherwise nothing is written and the outcome says it is there. Three syncs.
 */
export async function storeRelease(
  context: Excel.RequestContext,
  release: Release,
  { replace = false, willWrite = (() => {}) as WillWrite } = {}
): Promise<StoreOutcome> {
  const before = await readStoredReleases(context);
  const same = before.stored.filter((s) => s.release.id === release.id);
  if (same.length > 0 && !replace) return { kind: "already stored", releases: before };
  const others = before.stored.filter((s) => s.release.id !== release.id);
  willWrite([...others.map((s) => s.release), release]);
  const parts = context.workbook.customXmlParts;
  for (const id of same.flatMap((s) => s.partIds)) parts.getItem(id).delete();
  const added = parts.add(releasePartXml(release));
  added.load("id");
  recalculate(context);
  await context.sync();
  const stored = [...others, { partIds: [added.id], release }].sort((a, b) =>
    a.release.date.localeCompare(b.release.date)
  );
  return {
    kind: "added",
    replaced: same.length > 0,
    releases: { stored, problems: before.problems },
  };
}

/** Removes the release of this id from the workbook (every part holding it). Three syncs. */
export async function removeStoredRelease(
  context: Excel.RequestContext,
  releaseId: string,
  willWrite: WillWrite = () => {}
): Promise<StoredReleases> {
  const before = await readStoredReleases(context);
  // Gone already (another pane removed it)? Still registered and recalculated as the workbook is.
  const gone = before.stored.filter((s) => s.release.id === releaseId);
  const kept = before.stored.filter((s) => s.release.id !== releaseId);
  willWrite(kept.map((s) => s.release));
  for (const id of gone.flatMap((s) => s.partIds))
    context.workbook.customXmlParts.getItem(id).delete();
  recalculate(context);
  await context.sync();
  return { ...before, stored: kept };
}

/**
 * The pane's start: reads the stored releases and hands them to `register`; when there are any,
 * asks for a full recalculation (one more sync), since the functions may have answered before the
 * pane had read them (the runtime starts with the workbook's first =IIJ. cell).
 */
export async function openStoredReleases(
  context: Excel.RequestContext,
  register: WillWrite
): Promise<StoredReleases> {
  const read = await readStoredReleases(context);
  register(read.stored.map((s) => s.release));
  if (read.stored.length > 0) {
    recalculate(context);
    await context.sync();
  }
  return read;
}

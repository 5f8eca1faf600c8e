/**
 * The workbook's releases as Custom XML parts (src/taskpane/release-store.ts), over the Excel
 * double (dev/excel-host/fake-custom-xml.ts): add, read back, replace, remove, a malformed part
 * skipped and reported, and a fixed number of syncs whatever the number of parts.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { createExcelHost } from "../../dev/excel-host/double";
import { FakeRequestContext, FakeWorkbookState } from "../../dev/excel-host/fake-excel";
import { RELEASE_NAMESPACE, type Release, releasePartXml } from "../../src/model";
import { ingestRelease } from "../../src/model/ingest";
import {
  openStoredReleases,
  readStoredReleases,
  removeStoredRelease,
  storeRelease,
} from "../../src/taskpane/release-store";

const SAMPLE = join(__dirname, "..", "ingest", "cases", "sample-next", "release.txt");
let next: Release;
/** Another release (its date moved a quarter on), so that a workbook can hold several. */
let later: Release;

beforeAll(() => {
  next = ingestRelease(readFileSync(SAMPLE, "utf8")).release!;
  later = { ...next, id: "2002-02-14", date: "2002-02-14" };
});

const asExcel = (c: FakeRequestContext) => c as unknown as Excel.RequestContext;

/** Runs `batch` in a fresh context of `book`, and says how many syncs it took and their commands. */
async function run<T>(book: FakeWorkbookState, batch: (c: Excel.RequestContext) => Promise<T>) {
  const context = new FakeRequestContext(book);
  const result = await batch(asExcel(context));
  return { result, syncs: context.queue.syncs, batches: context.queue.batches };
}

test("a release is stored as one part in the add-in's namespace, with a full recalculation", async () => {
  const book = new FakeWorkbookState();
  const { result, syncs, batches } = await run(book, (c) => storeRelease(c, next));
  expect(result.kind).toBe("added");
  expect(syncs).toBe(2); // the read (no parts: one sync), then the write
  expect(batches[1]).toEqual(["customXmlParts.add", "load", "application.calculate"]);
  expect(book.calculations).toEqual(["Full"]);
  expect(book.customXmlParts).toEqual([
    { id: expect.any(String), namespaceUri: RELEASE_NAMESPACE, xml: releasePartXml(next) },
  ]);
  expect(result.releases.stored).toEqual([{ partIds: [book.customXmlParts[0].id], release: next }]);
});

test("stored releases read back, oldest first, in two syncs whatever their number", async () => {
  const book = new FakeWorkbookState();
  await run(book, (c) => storeRelease(c, later));
  await run(book, (c) => storeRelease(c, next));
  book.customXmlParts.push({
    id: "{other}",
    namespaceUri: "urn:else",
    xml: '<a xmlns="urn:else"/>',
  });
  const { result, syncs, batches } = await run(book, readStoredReleases);
  expect(result.stored.map((s) => s.release)).toEqual([next, later]);
  expect(result.problems).toEqual([]);
  expect(syncs).toBe(2);
  expect(batches[1]).toEqual(["customXmlPart.getXml", "customXmlPart.getXml"]);

  const empty = await run(new FakeWorkbookState(), readStoredReleases);
  expect([empty.result, empty.syncs]).toEqual([{ stored: [], problems: [] }, 1]);
});

test("a malformed part is skipped and reported, never a failure", async () => {
  const book = new FakeWorkbookState();
  await run(book, (c) => storeRelease(c, next));
  const bad = (id: string, body: string) =>
    book.customXmlParts.push({
      id,
      namespaceUri: RELEASE_NAMESPACE,
      xml: `<release xmlns="${RELEASE_NAMESPACE}">${body}</release>`,
    });
  bad("{not-json}", "not json");
  bad("{not-a-release}", "{&quot;id&quot;:&quot;2001&quot;}");
  const { result } = await run(book, readStoredReleases);
  expect(result.stored.map((s) => s.release.id)).toEqual(["2001-11-13"]);
  expect(result.problems).toEqual([
    expect.stringMatching(
      /^A stored release \(part \{not-json\}\) was skipped: its release is not JSON/
    ),
    expect.stringMatching(/^A stored release \(part \{not-a-release\}\) was skipped: \d+ problem/),
  ]);
});

test("a release already stored is not written again unless replaced", async () => {
  const book = new FakeWorkbookState();
  await run(book, (c) => storeRelease(c, next));
  const first = book.customXmlParts[0].id;
  const again = await run(book, (c) => storeRelease(c, next));
  expect(again.result.kind).toBe("already stored");
  expect(again.syncs).toBe(2);
  expect(book.customXmlParts.map((p) => p.id)).toEqual([first]);

  const copy = { ...next, title: "a re-ingested copy" };
  const replaced = await run(book, (c) => storeRelease(c, copy, { replace: true }));
  expect(replaced.result).toMatchObject({ kind: "added", replaced: true });
  expect(replaced.syncs).toBe(3);
  expect(replaced.batches[2]).toEqual([
    "customXmlPart.delete",
    "customXmlParts.add",
    "load",
    "application.calculate",
  ]);
  expect(book.customXmlParts).toHaveLength(1);
  expect(book.customXmlParts[0].id).not.toBe(first);
  expect((await run(book, readStoredReleases)).result.stored[0].release.title).toBe(
    "a re-ingested copy"
  );
});

test("removing deletes every part holding the release, in three syncs, registering before the write", async () => {
  const book = new FakeWorkbookState();
  await run(book, (c) => storeRelease(c, next));
  await run(book, (c) => storeRelease(c, later));
  // A second copy of one release (two panes added it at once): the first is read, both removed.
  book.customXmlParts.push({ ...book.customXmlParts[0], id: "{copy}" });
  expect((await run(book, readStoredReleases)).result.problems).toEqual([
    "The release of 2001-11-13 is stored twice: the first copy is read.",
  ]);
  const registered: string[][] = [];
  const partsWhenRegistered: number[] = [];
  const { result, syncs } = await run(book, (c) =>
    removeStoredRelease(c, "2001-11-13", (releases) => {
      registered.push(releases.map((r) => r.id));
      partsWhenRegistered.push(book.customXmlParts.length);
    })
  );
  expect(syncs).toBe(3);
  expect(registered).toEqual([["2002-02-14"]]);
  expect(partsWhenRegistered).toEqual([3]); // before the write's sync
  expect(result.stored.map((s) => s.release.id)).toEqual(["2002-02-14"]);
  expect(book.customXmlParts.map((p) => p.namespaceUri)).toEqual([RELEASE_NAMESPACE]);
  expect(book.calculations.at(-1)).toBe("Full");
});

test("at the pane's start the stored releases are registered, and recalculated only if any", async () => {
  const book = new FakeWorkbookState();
  const registered: string[][] = [];
  const register = (releases: readonly Release[]) => registered.push(releases.map((r) => r.id));
  expect((await run(book, (c) => openStoredReleases(c, register))).syncs).toBe(1);
  expect(book.calculations).toEqual([]);
  await run(book, (c) => storeRelease(c, next));
  book.calculations.length = 0;
  expect((await run(book, (c) => openStoredReleases(c, register))).syncs).toBe(3);
  expect(registered).toEqual([[], ["2001-11-13"]]);
  expect(book.calculations).toEqual(["Full"]);
});

test("the double refuses text that is not XML, and its view shows the parts", async () => {
  const host = createExcelHost();
  await expect(
    host.run(async (c) => {
      c.workbook.customXmlParts.add("not xml");
    })
  ).rejects.toThrow(/not well formed/);
  await host.run((c) => storeRelease(asExcel(c), next));
  expect(host.view().customXmlParts).toEqual([
    { id: expect.any(String), namespaceUri: RELEASE_NAMESPACE, xml: releasePartXml(next) },
  ]);
});

/**
 * The registry of releases (src/model/registry.ts): a release stored in the workbook is answered
 * at once by the functions and the pane, the functions' answer cache starts afresh, removal
 * restores the bundled set, a later release restates what it reprints while `@first` reads the
 * figure as first reported, and a release's part XML reads back (or says what is wrong with it).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { answerCacheSize, invoke } from "../../src/functions/library";
import {
  type Release,
  RELEASE_NAMESPACE,
  defaultModel,
  isIIJError,
  modelVersion,
  registeredReleases,
  releaseFromPartXml,
  releasePartXml,
  restatementsOf,
  setWorkbookReleases,
  workbookReleases,
} from "../../src/model";
import { RELEASES } from "../../src/data";
import { ingestRelease } from "../../src/model/ingest";
import { LoadController } from "../../src/taskpane/load-controller";

/** The shared sample of IIJ's next release (2Q01, released 2001-11-13), as the e2e pastes it. */
const SAMPLE = join(__dirname, "..", "ingest", "cases", "sample-next", "release.txt");
let next: Release;

beforeAll(() => {
  const result = ingestRelease(readFileSync(SAMPLE, "utf8"), { sourceName: "release.txt" });
  if (!result.release) throw new Error(`sample-next: ${result.reason}`);
  next = result.release;
});

afterEach(() => setWorkbookReleases([]));

/** A copy of `release` that prints `printed` for an INCOME line in a quarter's amount column. */
function reprinting(release: Release, rowId: string, period: string, printed: string): Release {
  const copy = JSON.parse(JSON.stringify(release)) as Release;
  const table = copy.tables.find((t) => t.statement === "INCOME")!;
  const column = table.columns.findIndex((c) => c.period === period && c.measure === "amount");
  const row = table.rows.find((r) => r.id === rowId)!;
  (row.cells as string[])[column] = printed;
  return copy;
}

const income = (...args: unknown[]) => invoke("INCOME", args);
const message = (answer: unknown) => (isIIJError(answer) ? answer.message : String(answer));

test("a registered release is answered at once by the functions and offered by the pane", () => {
  const before = defaultModel();
  expect(message(income("2Q01", "Total revenues"))).toMatch(/No registered release prints INCOME/);
  expect(answerCacheSize(before).answers).toBeGreaterThan(0);
  const version = modelVersion();

  setWorkbookReleases([next]);
  expect(modelVersion()).toBe(version + 1);
  expect(defaultModel()).not.toBe(before);
  expect(defaultModel().releases.map((r) => r.id)).toEqual(["2001-08-14", "2001-11-13"]);
  // The previous answer (#N/A) is not served from the cache: the new model has its own.
  expect(answerCacheSize().answers).toBe(0);
  expect(income("2Q01", "Total revenues")).toBe(8643844);
  expect(invoke("REVENUE", ["FQ0", "Dedicated"])).toBe(3528688);
  const loads = new LoadController(defaultModel, async () => ({}) as never, {
    setBusy: () => {},
    setStatus: () => {},
  });
  expect(loads.quarters().slice(0, 2)).toEqual(["2Q01", "1Q01"]);
});

test("registering the same set again keeps the model and its remembered answers", () => {
  setWorkbookReleases([next]);
  const model = defaultModel();
  const version = modelVersion();
  expect(income("2Q01", "Total revenues")).toBe(8643844);
  setWorkbookReleases([next]);
  expect([defaultModel(), modelVersion()]).toEqual([model, version]);
  expect(answerCacheSize().answers).toBeGreaterThan(0);
});

test("removing the workbook's releases restores the bundled set", () => {
  setWorkbookReleases([next]);
  expect(income("2Q01", "Total revenues")).toBe(8643844);
  setWorkbookReleases([]);
  expect(workbookReleases()).toEqual([]);
  expect(defaultModel().releases).toEqual(RELEASES);
  expect(message(income("2Q01", "Total revenues"))).toMatch(/No registered release prints/);
  expect(Array.isArray(invoke("PERIODS", []))).toBe(true);
});

test("a later release restates the quarters it reprints; @first reads the first-reported figure", () => {
  // The sample reprints 1Q01 as first reported: a restatement that changes nothing.
  setWorkbookReleases([next]);
  const reprint = restatementsOf(defaultModel(), next);
  expect(reprint.map((r) => r.period)).toEqual(["1Q01"]);
  expect(reprint[0].figures).toBeGreaterThan(100);
  expect(reprint[0].changed).toEqual([]);
  expect(income("1Q01", "Total revenues")).toBe(8332898);

  // The same release restating 1Q01's revenues: the later figure wins, @first and
  // @<release date> read the first report.
  const restating = reprinting(next, "total_revenues", "1Q01", "8,400,000");
  setWorkbookReleases([restating]);
  expect(income("1Q01", "Total revenues")).toBe(8400000);
  expect(income("1Q01@first", "Total revenues")).toBe(8332898);
  expect(income("1Q01@2001-08-14", "Total revenues")).toBe(8332898);
  expect(income("1Q01@2001-11-13", "Total revenues")).toBe(8400000);
  expect(income("2Q01@first", "Total revenues")).toBe(8643844);
  const changed = restatementsOf(defaultModel(), restating)[0].changed;
  expect(changed).toEqual([
    {
      statement: "INCOME",
      rowId: "total_revenues",
      label: "Total revenues",
      was: "8,332,898",
      now: "8,400,000",
      previous: "2001-08-14",
    },
  ]);
  // Seen from the earlier release, nothing is restated: the later one prints after it.
  expect(restatementsOf(defaultModel(), RELEASES[0])).toEqual([]);
});

test("a workbook release with a bundled release's id replaces it; removing it brings it back", () => {
  const copy = reprinting(RELEASES[0], "total_revenues", "1Q01", "8,332,999");
  expect(registeredReleases([copy])).toEqual([copy]);
  setWorkbookReleases([copy]);
  expect(income("1Q01", "Total revenues")).toBe(8332999);
  expect(income("1Q01@first", "Total revenues")).toBe(8332999);
  setWorkbookReleases([]);
  expect(income("1Q01", "Total revenues")).toBe(8332898);
});

test("a set of releases the model cannot take is refused and changes nothing", () => {
  setWorkbookReleases([next]);
  const model = defaultModel();
  expect(() => setWorkbookReleases([next, next])).toThrow(/2001-11-13 is stored twice/);
  const broken = { ...next, latestQuarter: "FY2001" } as Release;
  expect(() => setWorkbookReleases([broken])).toThrow(/not a quarter/);
  expect(defaultModel()).toBe(model);
  expect(workbookReleases()).toEqual([next]);
});

describe("a release's Custom XML part", () => {
  test("holds the release's JSON, escaped, in the add-in's namespace, and reads back", () => {
    const xml = releasePartXml(next);
    expect(xml).toMatch(
      /^<release xmlns="urn:iij-model:release:v1" id="2001-11-13" latestQuarter="2Q01">\{&quot;/
    );
    expect(RELEASE_NAMESPACE).toBe("urn:iij-model:release:v1");
    expect(releaseFromPartXml(xml)).toEqual({ release: next });
  });

  test("reads the XML as Excel may hand it back: a declaration, a prefix, CDATA", () => {
    const json = JSON.stringify(next);
    const xml =
      `<?xml version="1.0" encoding="utf-8"?>\n<r:release xmlns:r="${RELEASE_NAMESPACE}">` +
      `<![CDATA[${json.slice(0, 100)}]]>${json.slice(100).replace(/&/g, "&amp;").replace(/</g, "&#60;")}</r:release>`;
    expect(releaseFromPartXml(xml)).toEqual({ release: next });
  });

  test("an entity named like an object's member (&constructor;) is no entity: kept as written", () => {
    const xml = releasePartXml({ ...next, title: "__T__" }).replace("__T__", "&constructor;");
    const read = releaseFromPartXml(xml);
    expect("release" in read && read.release.title).toBe("&constructor;");
  });

  test.each([
    ["<other/>", /no release element/],
    ['<release xmlns="urn:else">{}</release>', /not in the namespace urn:iij-model:release:v1/],
    [`<release xmlns="${RELEASE_NAMESPACE}">{"id": </release>`, /not JSON/],
    [
      `<release xmlns="${RELEASE_NAMESPACE}">{"id":"x"}</release>`,
      /problem\(s\) in its release: release\.id/,
    ],
  ])("says what is wrong with %s", (xml, problem) => {
    const read = releaseFromPartXml(xml);
    expect("problem" in read && read.problem).toMatch(problem);
  });
});

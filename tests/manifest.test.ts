// Structure of manifest.xml, checked offline (Microsoft's validator is a web service).

import { readFileSync } from "fs";
import { join } from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const root = join(__dirname, "..");
const manifestText = readFileSync(join(root, "manifest.xml"), "utf8");

/**
 * The audit of the Excel APIs the add-in calls above ExcelApi 1.4, by requirement set (the member's
 * "[Api set: ...]" in Office.js's reference), each with a file and a line of code that calls it. A
 * call of a higher set joins this list and raises the manifest's ExcelApi with it.
 */
const EXCEL_API_USES: readonly [api: string, version: string, where: string][] = [
  [
    "Range.getMergedAreasOrNullObject",
    "1.13",
    "src/sheet/excel-writer/obstacles.ts: area.getMergedAreasOrNullObject()",
  ],
  [
    "Range.hasSpill, Range.savedAsArray",
    "1.12",
    "src/sheet/excel-writer/obstacles.ts: hasSpill, savedAsArray",
  ],
  ["Range.getTables", "1.9", "src/sheet/excel-writer/obstacles.ts: area.getTables(false)"],
  ["Worksheet.pageLayout", "1.9", "src/sheet/excel-writer/write-print.ts: sheet.pageLayout"],
  ["Range.dataValidation", "1.8", "src/sheet/excel-writer/write-look.ts: .dataValidation"],
  ["ChartSeries.axisGroup", "1.8", "src/sheet/excel-writer/write-look.ts: .axisGroup ="],
  [
    "Workbook.properties.custom",
    "1.7",
    "src/sheet/excel-writer/guard.ts: context.workbook.properties.custom",
  ],
  [
    "Worksheet.freezePanes",
    "1.7",
    "src/sheet/excel-writer/write-look.ts: sheet.freezePanes.freezeAt",
  ],
  ["NamedItem.formula", "1.7", "src/sheet/excel-writer/read.ts: items/formula"],
  [
    "ChartLineFormat.lineStyle",
    "1.7",
    "src/sheet/excel-writer/write-look.ts: .format.line.lineStyle",
  ],
  [
    "Workbook.getActiveCell",
    "1.7",
    "src/taskpane/selection-trace.ts: context.workbook.getActiveCell()",
  ],
  [
    "Range.conditionalFormats",
    "1.6",
    "src/sheet/excel-writer/write-look.ts: .conditionalFormats.add(",
  ],
  [
    "Application.suspendApiCalculationUntilNextSync",
    "1.6",
    "src/sheet/excel-writer.ts: suspendApiCalculationUntilNextSync()",
  ],
  [
    "Workbook.customXmlParts",
    "1.5",
    "src/taskpane/release-store.ts: context.workbook.customXmlParts",
  ],
];

/** The dev server's origin: every URL in the manifest lives under it (production rewrites it). */
const DEV_ORIGIN = "https://localhost:3000/";

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

/** Parses XML into plain elements, in document order (text and comments dropped). */
function parseElements(xml: string): XmlElement[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    commentPropName: "#comment",
  });
  type Node = Record<string, unknown>;
  const convert = (nodes: Node[]): XmlElement[] =>
    nodes.flatMap((node) => {
      const name = Object.keys(node).find((key) => key !== ":@");
      if (name === undefined || name.startsWith("#") || name.startsWith("?")) return [];
      return [
        {
          name,
          attrs: (node[":@"] as Record<string, string> | undefined) ?? {},
          children: convert(node[name] as Node[]),
        },
      ];
    });
  return convert(parser.parse(xml) as Node[]);
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

const manifest = parseElements(manifestText).find((element) => element.name === "OfficeApp");
if (manifest === undefined) throw new Error("manifest.xml has no OfficeApp root element");
const all = descendants(manifest);

function named(name: string, within: XmlElement[] = all): XmlElement[] {
  return within.filter((element) => element.name === name);
}

function only(name: string, within: XmlElement[] = all): XmlElement {
  const found = named(name, within);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

/** Resources by id: bt:Image, bt:Url and bt:String elements, each with its DefaultValue. */
const resources = new Map<string, string>(
  named("Resources")
    .flatMap(descendants)
    .filter((element) => element.attrs.id !== undefined)
    .map((element) => [element.attrs.id, element.attrs.DefaultValue])
);

function resource(resid: string): string {
  const value = resources.get(resid);
  if (value === undefined) throw new Error(`resid "${resid}" is not defined in <Resources>`);
  return value;
}

/** Width and height of a PNG file, read from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  const signature = "89504e470d0a1a0a";
  if (bytes.subarray(0, 8).toString("hex") !== signature) throw new Error(`${path} is not a PNG`);
  if (bytes.subarray(12, 16).toString("ascii") !== "IHDR") throw new Error(`${path}: no IHDR`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Repository file served at a manifest URL: assets are copied to dist/assets as they are. */
function assetFile(url: string): string {
  expect(url.startsWith(DEV_ORIGIN)).toBe(true);
  return join(root, url.slice(DEV_ORIGIN.length));
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(manifestText)).toBe(true);
  });

  it("is a task pane add-in for workbooks with a GUID id", () => {
    expect(manifest.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(named("Host", only("Hosts", manifest.children).children)).toEqual([
      expect.objectContaining({ attrs: { Name: "Workbook" } }),
    ]);
    expect(only("Id", manifest.children).children).toEqual([]);
    expect(manifestText).toMatch(
      /<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/
    );
    expect(only("DisplayName", manifest.children).attrs.DefaultValue).toBe("IIJ Model");
    expect(only("ProviderName", manifest.children)).toBeDefined();
  });

  it("has VersionOverrides 1.0", () => {
    const overrides = only("VersionOverrides");
    expect(overrides.attrs.xmlns).toBe(
      "http://schemas.microsoft.com/office/taskpaneappversionoverrides"
    );
    expect(overrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  it.each([
    ["SharedRuntime", "1.1"],
    // CustomFunctions.Error, with its message, is CustomFunctionsRuntime 1.2.
    ["CustomFunctionsRuntime", "1.2"],
  ])("requires the %s %s requirement set", (name, version) => {
    const sets = named(
      "Set",
      only("Requirements").children.flatMap((s) => s.children)
    );
    expect(sets).toContainEqual(
      expect.objectContaining({ attrs: { Name: name, MinVersion: version } })
    );
  });

  it("requires ExcelApi 1.13, the highest set of any Excel API the add-in calls", () => {
    const sets = named(
      "Set",
      only("Requirements").children.flatMap((s) => s.children)
    ).filter((set) => set.attrs.Name === "ExcelApi");
    expect(sets.map((set) => set.attrs.MinVersion)).toEqual(["1.13"]);
    const minor = (version: string) => Number(version.split(".")[1]);
    const highest = Math.max(...EXCEL_API_USES.map(([, version]) => minor(version)));
    expect(`1.${highest}`).toBe("1.13");
  });

  it.each(EXCEL_API_USES)(
    "%s (ExcelApi %s) is called where the audit says: %s",
    (_api, _v, where) => {
      const [file, code] = where.split(": ");
      expect(readFileSync(join(root, file), "utf8")).toContain(code);
    }
  );

  it("runs the task pane and custom functions in one long-lived runtime", () => {
    const runtime = only("Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const page = only("SourceLocation", only("Page").children);
    expect(page.attrs.resid).toBe(runtime.attrs.resid);
    const showTaskpane = all.filter((element) => element.attrs["xsi:type"] === "ShowTaskpane");
    expect(showTaskpane.length).toBeGreaterThan(0);
    for (const action of showTaskpane) {
      expect(only("SourceLocation", action.children).attrs.resid).toBe(runtime.attrs.resid);
    }
    expect(only("FunctionFile").attrs.resid).toBe(runtime.attrs.resid);
    expect(resource(runtime.attrs.resid)).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  it("declares Runtimes first in the Workbook host, with one runtime", () => {
    const host = only("Host", only("Hosts", only("VersionOverrides").children).children);
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    expect(host.children[0]?.name).toBe("Runtimes");
    expect(named("Runtime", host.children[0].children)).toHaveLength(1);
    expect(named("Runtimes")).toHaveLength(1);
  });

  it("uses the runtime's resid for every page that hosts the pane or the functions", () => {
    const runtime = only("Runtime").attrs.resid;
    const pageUrl = resource(runtime);
    const usingPageUrl = all
      .map((element) => element.attrs.resid)
      .filter((resid) => resid !== undefined && resources.get(resid) === pageUrl);
    // LearnMoreUrl may point at the same page under its own resid; every runtime use shares one.
    expect(usingPageUrl.filter((resid) => resid !== runtime)).toEqual(
      named("LearnMoreUrl").map((element) => element.attrs.resid)
    );
    expect(only("DefaultSettings").children.map((element) => element.attrs.DefaultValue)).toEqual([
      pageUrl,
    ]);
  });

  it("never points at the development tools (the preview, the Excel host double)", () => {
    expect(manifestText).not.toMatch(/preview|excel-host/i);
  });

  it("has a SupportUrl on the add-in's origin", () => {
    const support = only("SupportUrl", manifest.children).attrs.DefaultValue;
    expect(support.startsWith(DEV_ORIGIN)).toBe(true);
  });

  it("declares the custom functions' metadata and the IIJ namespace", () => {
    const functions = all.find((element) => element.attrs["xsi:type"] === "CustomFunctions");
    expect(functions).toBeDefined();
    const metadata = only("SourceLocation", only("Metadata").children);
    expect(resource(metadata.attrs.resid)).toBe(`${DEV_ORIGIN}functions.json`);
    expect(resource(only("Namespace").attrs.resid)).toBe("IIJ");
  });

  it("defines every resid it references", () => {
    const referenced = all.map((element) => element.attrs.resid).filter(Boolean);
    expect(referenced.length).toBeGreaterThan(0);
    const undefinedResids = referenced.filter((resid) => !resources.has(resid));
    expect(undefinedResids).toEqual([]);
  });

  it("defines each resource id once and uses every one", () => {
    const ids = named("Resources")
      .flatMap(descendants)
      .map((element) => element.attrs.id)
      .filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    const referenced = new Set(all.map((element) => element.attrs.resid));
    expect(ids.filter((id) => !referenced.has(id))).toEqual([]);
  });

  it("keeps short strings within 125 characters and long strings within 250", () => {
    const tooLong = (container: string, limit: number) =>
      named(container)
        .flatMap((element) => element.children)
        .filter((element) => element.attrs.DefaultValue.length > limit)
        .map((element) => element.attrs.id);
    expect(tooLong("bt:ShortStrings", 125)).toEqual([]);
    expect(tooLong("bt:LongStrings", 250)).toEqual([]);
    expect(only("Description", manifest.children).attrs.DefaultValue.length).toBeLessThanOrEqual(
      250
    );
  });

  it("uses https for every URL, all under the dev server's origin", () => {
    const urls = [...manifestText.matchAll(/DefaultValue="([a-z]+:\/\/[^"]*)"/gi)].map(
      (match) => match[1]
    );
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith(DEV_ORIGIN))).toEqual([]);
  });

  it.each([
    ["IconUrl", 64],
    ["HighResolutionIconUrl", 128],
  ])("has a %s of %i pixels square in assets/", (name, size) => {
    const file = assetFile(only(name, manifest.children).attrs.DefaultValue);
    expect(pngSize(file)).toEqual({ width: size, height: size });
  });

  it("has ribbon icons of the sizes declared", () => {
    const images = named("bt:Image").filter((image) => image.attrs.resid !== undefined);
    expect(images.map((image) => image.attrs.size).sort()).toEqual(
      expect.arrayContaining(["16", "32", "80"])
    );
    for (const image of images) {
      const size = Number(image.attrs.size);
      expect(pngSize(assetFile(resource(image.attrs.resid)))).toEqual({
        width: size,
        height: size,
      });
    }
  });
});

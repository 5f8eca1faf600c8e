/**
 * Releases as JSON data files: written and read back unchanged; read with every problem of every
 * file reported at once, by its place.
 */
import { RELEASE_2001_08_14 as bundled } from "../../src/data/releases/2001-08-14-1q01";
import { releaseFileName, releaseToJson, releasesFromJson } from "../../src/model/ingest";

const json = releaseToJson(bundled);

test("a release written as JSON reads back as itself", () => {
  expect(releasesFromJson([json])).toEqual([bundled]);
  expect(releaseFileName(bundled)).toBe("2001-08-14-1q01.json");
  expect(json.endsWith("}\n")).toBe(true);
});

const edited = (edit: (r: Record<string, unknown>) => void) => {
  const value = JSON.parse(json);
  edit(value);
  return JSON.stringify(value);
};

test.each([
  ["not JSON", "{", ["a.json: not JSON"]],
  ["no id", edited((r) => delete r.id), ["a.json: release.id: must be text, got nothing"]],
  [
    "a date not ISO",
    edited((r) => (r.date = "Aug 14, 2001")),
    ['a.json: release.date: "Aug 14, 2001" is not of the form'],
  ],
  [
    "a row one cell short",
    edited((r) => (r.tables as { rows: { cells: string[] }[] }[])[0].rows[2].cells.pop()),
    ["a.json: release.tables[0].rows[2].cells: 8 cells for 9 columns"],
  ],
  [
    "a cell that is not a printed figure",
    edited(
      (r) => ((r.tables as { rows: { cells: string[] }[] }[])[1].rows[0].cells[1] = "12.574.744")
    ),
    ['a.json: release.tables[1].rows[0].cells[1]: "12.574.744" is not a printed figure'],
  ],
  [
    "an unknown measure and an unknown unit",
    edited((r) => {
      const t = (r.tables as { unit: string; columns: { measure: string }[] }[])[2];
      t.columns[0].measure = "eur";
      t.unit = "JPY billions";
    }),
    [
      'a.json: release.tables[2].unit: "JPY billions" is not one of',
      'a.json: release.tables[2].columns[0].measure: "eur" is not one of',
    ],
  ],
])("%s", (_what, text, problems) => {
  let message = "";
  try {
    releasesFromJson([text], ["a.json"]);
  } catch (error) {
    message = (error as Error).message;
  }
  for (const p of problems) expect(message).toContain(p);
});

test("every problem of every file is reported at once, and a release in two files is one", () => {
  let message = "";
  try {
    releasesFromJson([json, json, "[]"], ["a.json", "b.json", "c.json"]);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message.split("\n")).toEqual([
    "2 problems in the release data:",
    "c.json: release: must be an object, got a list",
    "release 2001-08-14 is in more than one file",
  ]);
});

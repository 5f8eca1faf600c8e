/**
 * Figures stated only in the prose: ingest reads each with its sentence, subject, quarter and
 * measure. Every expected value below is typed from the release's text, sentence by sentence.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RELEASE_2001_08_14 as bundled } from "../../src/data/releases/2001-08-14-1q01";
import type { StatedFigure } from "../../src/data/types";
import {
  ingestRelease,
  releaseProblems,
  releasesFromJson,
  releaseToJson,
} from "../../src/model/ingest";
import { statedFigures } from "../../src/model/ingest/stated";
import { sourceLines } from "../../src/model/ingest/text";

const SOURCE = join(__dirname, "../../src/data/releases/2001-08-14-1q01.source.txt");
const text = readFileSync(SOURCE, "utf8");
const seed = statedFigures(sourceLines(text), "1Q01");

type Expected = [
  label: string,
  period: string | undefined,
  measure: string,
  printed: string,
  value: string,
  unit: string,
];

/** What one sentence states, in printed order: typed from the text. */
const SENTENCES: readonly (readonly [string, readonly Expected[]])[] = [
  [
    "Sales personnel expense increased 24.6% to JPY341 million in 1Q01 from 1Q00 and by 8.7% from 4Q00.",
    [
      ["Sales personnel expense", "1Q01", "yoyPct", "24.6%", "24.6", "percent"],
      ["Sales personnel expense", "1Q01", "amount", "JPY341 million", "341", "JPY millions"],
      ["Sales personnel expense", "1Q01", "qoqPct", "8.7%", "8.7", "percent"],
    ],
  ],
  [
    "International backbone costs decreased 39.5% from 1Q00 to JPY867 million in 1Q01, and by 38.4% from 4Q00.",
    [
      ["International backbone costs", "1Q01", "yoyPct", "39.5%", "-39.5", "percent"],
      ["International backbone costs", "1Q01", "amount", "JPY867 million", "867", "JPY millions"],
      ["International backbone costs", "1Q01", "qoqPct", "38.4%", "-38.4", "percent"],
    ],
  ],
  [
    "Due to the depreciation of the Japanese yen against the US dollar, IIJ recorded a foreign exchange gain of JPY412 million in 4Q00 and more modest gain in 1Q01 of JPY23 million.",
    [
      ["foreign exchange gain", "4Q00", "amount", "JPY412 million", "412", "JPY millions"],
      ["foreign exchange gain", "1Q01", "amount", "JPY23 million", "23", "JPY millions"],
    ],
  ],
  [
    "During 1Q01, IIJ upgraded its Japan-US backbone lines to approximately 1.7Gbps from 1.4Gbps.",
    [
      ["Japan-US backbone lines", "1Q01", "amount", "approximately 1.7Gbps", "1.7", "Gbps"],
      ["Japan-US backbone lines", "1Q01", "from", "1.4Gbps", "1.4", "Gbps"],
    ],
  ],
  [
    'Also, IIJ announced that it will open its ninth data center in Kyoto this fall, in cooperation with its 37.9% affiliate, Crosswave Communications ("Crosswave", NASDAQ: CWCI).',
    [["Crosswave Communications affiliate", undefined, "amount", "37.9%", "37.9", "percent"]],
  ],
  [
    "Internet Multifeed Co., a 26.0% affiliate, began full commercial operation of JPNAP, which is a distributed IX (Internet eXchange point) service.",
    [["Internet Multifeed Co. affiliate", undefined, "amount", "26.0%", "26.0", "percent"]],
  ],
  [
    'As announced on August 14, Net Care, Inc. ("Net Care"), IIJ\'s subsidiary specializing in the customer support business, will issue an additional 11,000 shares of their common stock in the amount of JPY825 million, of which IIJ will purchase 6,000 shares.',
    [
      [
        "Net Care will issue additional shares",
        undefined,
        "amount",
        "11,000 shares",
        "11000",
        "shares",
      ],
      [
        "Net Care will issue additional shares, amount",
        undefined,
        "amount",
        "JPY825 million",
        "825",
        "JPY millions",
      ],
      ["IIJ will purchase shares", undefined, "amount", "6,000 shares", "6000", "shares"],
    ],
  ],
  [
    "Upon completion of the transaction, which is subject to approval at the shareholders' meeting scheduled on August 28, IIJ's equity interests in Net Care will increase to 52.5% from the 50.0%.",
    [
      ["IIJ's equity interests in Net Care", undefined, "amount", "52.5%", "52.5", "percent"],
      ["IIJ's equity interests in Net Care", undefined, "from", "50.0%", "50.0", "percent"],
    ],
  ],
  [
    "According to Japan's Ministry of Public Management, Home Affairs, Posts and Telecommunications, the contract number of DSL lines in Japan totaled to 400,760 by the end of July 2001, which is an increase of 250 times in a year period.",
    [
      ["contract number of DSL lines in Japan", undefined, "amount", "400,760", "400760", "count"],
      ["contract number of DSL lines in Japan", undefined, "change", "250 times", "250", "times"],
    ],
  ],
  [
    "The operating loss ratio was (-)3.6%, an improvement of 8.3 percentage points from 1Q00 and 0.7 percentage points from 4Q00.",
    [
      ["operating loss ratio", undefined, "amount", "(-)3.6%", "-3.6", "percent"],
      [
        "operating loss ratio",
        undefined,
        "yoyPct",
        "8.3 percentage points",
        "8.3",
        "percentage points",
      ],
      [
        "operating loss ratio",
        undefined,
        "qoqPct",
        "0.7 percentage points",
        "0.7",
        "percentage points",
      ],
    ],
  ],
  [
    "Gross margin for 1Q01 increased to 12.5% from 6.3% in 1Q00 and from 8.7% in 4Q00, largely reflecting the rapid decline of international backbone costs and the Company's continuous focus on cost reduction initiatives to achieve profitability.",
    [
      ["Gross margin", "1Q01", "amount", "12.5%", "12.5", "percent"],
      ["Gross margin", "1Q00", "amount", "6.3%", "6.3", "percent"],
      ["Gross margin", "4Q00", "amount", "8.7%", "8.7", "percent"],
    ],
  ],
  [
    "Other expenses for 1Q01 was JPY61 million, compared to other expenses of JPY162 million in 1Q00 and to other income of JPY127 million in 4Q00.",
    [
      ["Other expenses", "1Q01", "amount", "JPY61 million", "61", "JPY millions"],
      ["Other expenses", "1Q00", "amount", "JPY162 million", "162", "JPY millions"],
      ["other income", "4Q00", "amount", "JPY127 million", "127", "JPY millions"],
    ],
  ],
  [
    "Basic net loss per ADS equivalent was JPY(-)37.03 in 1Q01, compared to JPY(-)45.18 in 1Q00 and JPY(-)30.09 in 4Q00.",
    [
      ["Basic net loss per ADS equivalent", "1Q01", "amount", "JPY(-)37.03", "-37.03", "JPY"],
      ["Basic net loss per ADS equivalent", "1Q00", "amount", "JPY(-)45.18", "-45.18", "JPY"],
      ["Basic net loss per ADS equivalent", "4Q00", "amount", "JPY(-)30.09", "-30.09", "JPY"],
    ],
  ],
  [
    "Monthly unit backbone cost declined by approximately 65% in the year-over-year comparison and by approximately 39% in the quarter-over-quarter comparison.",
    [
      ["Monthly unit backbone cost", undefined, "yoyPct", "approximately 65%", "-65", "percent"],
      ["Monthly unit backbone cost", undefined, "qoqPct", "approximately 39%", "-39", "percent"],
    ],
  ],
  [
    "For 2Q01, IIJ expects total revenues to be between JPY9.0 billion and JPY9.5 billion, operating (loss) income to be between (-)JPY100 million and (+)JPY50 million, and EBITDA to be between JPY580 million to JPY730 million.",
    [
      ["total revenues", "2Q01", "low", "JPY9.0 billion", "9.0", "JPY billions"],
      ["total revenues", "2Q01", "high", "JPY9.5 billion", "9.5", "JPY billions"],
      ["operating (loss) income", "2Q01", "low", "(-)JPY100 million", "-100", "JPY millions"],
      ["operating (loss) income", "2Q01", "high", "(+)JPY50 million", "50", "JPY millions"],
      ["EBITDA", "2Q01", "low", "JPY580 million", "580", "JPY millions"],
      ["EBITDA", "2Q01", "high", "JPY730 million", "730", "JPY millions"],
    ],
  ],
];

const shape = (f: StatedFigure): Expected => [
  f.label,
  f.period,
  f.measure,
  f.printed,
  f.value,
  f.unit,
];

test.each(SENTENCES)("%s", (sentence, expected) => {
  expect(seed.filter((f) => f.sentence === sentence).map(shape)).toEqual(expected);
});

test("a sentence the page break cuts is read whole, at the page it starts on", () => {
  const issue = seed.find((f) => f.printed === "JPY825 million");
  expect(issue?.page).toBe("page 2");
  expect(issue?.sentence).toMatch(/common stock in the amount of JPY825 million/);
});

test("each figure cites its page, heading and place", () => {
  const f = seed.find((s) => s.label === "Sales personnel expense" && s.measure === "amount");
  expect([f?.page, f?.place.startsWith("paragraph")]).toEqual(["page 6", true]);
  const footnote = seed.find((s) => s.label === "IIJ's equity interests in AIH");
  expect(footnote?.place).toBe("the footnote (*2)");
  expect(seed.find((s) => s.label === "Total revenues")?.place).toBe("bullet 1");
});

test("a table's row label printed apart from its table is no heading: the prose stays under its own", () => {
  // Page 6 prints Table 3's "Dedicated Access Services" (its values detached below) under the
  // heading "Cost and expenses"; the sentence about sales personnel sits under the latter.
  const f = bundled.stated?.find((s) => s.label === "Sales personnel expense");
  expect(f?.heading).toBe("Cost and expenses");
  expect(bundled.stated?.some((s) => s.heading === "Dedicated Access Services")).toBe(false);
});

test("dates, years, times, phone numbers, page and table numbers and names are no figures", () => {
  const printed = seed.map((f) => f.printed);
  for (const notAFigure of ["14", "2001", "9", "1992", "6", "20", "1999"])
    expect(seed.filter((f) => f.printed === notAFigure)).toEqual([]);
  expect(printed.some((p) => /Page|Table|IPv6|-F|-K/.test(p))).toBe(false);
});

test("different figures for one subject, quarter and measure get their own ids", () => {
  const loss = seed.filter((f) => f.label === "operating loss" && f.period === "1Q01");
  expect(loss.map((f) => [f.id, f.printed])).toEqual([
    ["operating_loss", "(-)JPY300 million"],
    ["operating_loss_2", "JPY300 million"],
  ]);
});

test("the bundled release carries exactly what ingest states (ingest of the seed)", () => {
  const ingested = ingestRelease(text, { sourceName: "000_162bc6a5a97dbabe.txt" }).release;
  expect(ingested?.stated).toEqual(bundled.stated);
  expect(bundled.stated?.length).toBe(seed.length);
});

test("stated figures go to the JSON data file and back; a bad one is reported by its place", () => {
  const [back] = releasesFromJson([releaseToJson(bundled)]);
  expect(back.stated).toEqual(bundled.stated);
  const bad = JSON.parse(releaseToJson(bundled));
  bad.stated[0].unit = "furlongs";
  bad.stated[1].value = "1,234";
  expect(releaseProblems(bad)).toEqual([
    'release.stated[0].unit: "furlongs" is not one of JPY thousands, JPY millions, JPY, USD thousands, shares, ADS equivalents, contracts, Gbps, JPY billions, JPY trillions, Mbps, percent, percentage points, times, count',
    'release.stated[1].value: "1,234" is not of the form ^-?\\d+(\\.\\d+)?$',
  ]);
});

/** Another release's wording: not IIJ's subjects, the same kinds of sentence. */
const SYNTHETIC = [
  "Page 3",
  "",
  "Operating Review",
  "",
  "Hosting revenues rose 12.5% to JPY1,020 million in 3Q02 compared with 3Q01, and declined by 2.0% from 2Q02.",
  "",
  "The Company recorded a loss on sale of investments of JPY45 million in 3Q02. Customer",
  "",
  "November 12, 2002 Page 4",
  "",
  "accounts totaled to 12,345 by the end of December 2002. Tokyo Exchange Co., a 15.0% affiliate, opened its second site. IPv6 service began on October 1, 2002 at 9:00am.",
];

test("a paragraph in another wording: changes, levels, an affiliate, a count across a page break", () => {
  const found = statedFigures(sourceLines(SYNTHETIC.join("\n")), "3Q02").map(shape);
  expect(found).toEqual([
    ["Hosting revenues", "3Q02", "yoyPct", "12.5%", "12.5", "percent"],
    ["Hosting revenues", "3Q02", "amount", "JPY1,020 million", "1020", "JPY millions"],
    ["Hosting revenues", "3Q02", "qoqPct", "2.0%", "-2.0", "percent"],
    ["loss on sale of investments", "3Q02", "amount", "JPY45 million", "45", "JPY millions"],
    ["Customer accounts", undefined, "amount", "12,345", "12345", "count"],
    ["Tokyo Exchange Co. affiliate", undefined, "amount", "15.0%", "15.0", "percent"],
  ]);
});

describe("the next quarter's release (sample-next): its own wording", () => {
  const next = statedFigures(
    sourceLines(readFileSync(join(__dirname, "../ingest/cases/sample-next/release.txt"), "utf8")),
    "2Q01"
  );
  test.each([
    [
      "Revenues from Internet data center services increased 131.5% from 2Q00 to JPY508 million in 2Q01.",
      [
        [
          "Revenues from Internet data center services",
          "2Q01",
          "yoyPct",
          "131.5%",
          "131.5",
          "percent",
        ],
        [
          "Revenues from Internet data center services",
          "2Q01",
          "amount",
          "JPY508 million",
          "508",
          "JPY millions",
        ],
      ],
    ],
    [
      "IIJ recorded a foreign exchange loss of JPY3 million in 2Q01.",
      [["foreign exchange loss", "2Q01", "amount", "JPY3 million", "3", "JPY millions"]],
    ],
    [
      '"International backbone costs decreased by 14.8% from 1Q01 as the renegotiated contracts with international cable carriers took full effect," said Yasuhiro Nishi, CFO of IIJ.',
      [["International backbone costs", undefined, "qoqPct", "14.8%", "-14.8", "percent"]],
    ],
  ] as const)("%s", (sentence, expected) => {
    expect(next.filter((f) => f.sentence === sentence).map(shape)).toEqual(expected);
  });

  test("a count in a relative clause is its antecedent's", () => {
    const counts = next
      .filter((f) => f.unit === "count" && /now/.test(f.label))
      .map((f) => f.label);
    expect(counts).toEqual([
      "IIJ's broadband network platform now delivers broadband content applications",
      "JPNAP now has network operators",
      "A-Bone VPN Service now covers countries",
    ]);
  });
});

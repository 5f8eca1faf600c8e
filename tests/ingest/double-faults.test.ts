/**
 * Generated double and triple faults: the seed's text with two (or three) OCR faults of the kinds
 * damage.ts makes (a thousands separator read as a decimal point or as a space, a misread digit,
 * two neighbouring digits swapped, a digit lost, a negative's parentheses lost, a dropped cell, a
 * figure moved onto the row above or into the row below), put in a seeded,
 * deterministic selection of cells: pairs in one footing (one section of a statement, one column),
 * pairs of a cell and its total, pairs in one row (an amount and its USD or % cell) and pairs
 * anywhere in the statements. Whatever the damage, no settled figure may differ from the bundled
 * data: unresolved is allowed, wrong never.
 *
 * Faults go only where the page still holds the evidence to tell them. A misread digit (or any
 * slip of a figure's text) is put only where the release's arithmetic can see it: some rule on
 * the cell that holds no other damaged cell, and no cell the seed itself prints damaged, must
 * fail with it. And no fault goes
 * on or beside a cell the seed itself prints damaged (see besideSeedDamage). Elsewhere the damaged
 * text is a consistent release of other figures (Inventories' 245,520 read 245,580 where
 * Short-term investments is lost beside it: the footing then says (60)), which no reader of the
 * page can tell from the printed one; these tests prove repairs, not readings of another release.
 * IIJ_FAULT_PAIRS, IIJ_FAULT_TRIPLES and IIJ_FAULT_NUMBERED set a longer sweep.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RELEASE_2001_08_14 as bundled } from "../../src/data/releases/2001-08-14-1q01";
import { Dec } from "../../src/model/decimal";
import { readCell, readingsOf } from "../../src/model/ingest/cells";
import { type Known, constraintsOf } from "../../src/model/ingest/constraints";
import { cellKey } from "../../src/model/ingest/draft";
import { Grid, knownOf } from "../../src/model/ingest/grid";
import { readRelease } from "../../src/model/ingest/read";
import { settleCells } from "../../src/model/ingest/settle";
import { sourceLines } from "../../src/model/ingest/text";
import { editCell, moveDown, moveUp } from "./damage";

const SEED = readFileSync(
  join(__dirname, "../../src/data/releases/2001-08-14-1q01.source.txt"),
  "utf8"
);
const LINES = SEED.split("\n");

/** Pairs (and triples) per kind of placement: enough to be meaningful, few enough for ~20 s. */
const PER_PLACEMENT = Number(process.env.IIJ_FAULT_PAIRS ?? 25);
const TRIPLES = Number(process.env.IIJ_FAULT_TRIPLES ?? 10);
/** Faults in the numbered tables (Tables 1-5), one and two at a time. */
const NUMBERED = Number(process.env.IIJ_FAULT_NUMBERED ?? 25);

/** A figure cell of a statement, where the seed prints it clean. */
interface Site {
  readonly key: string;
  /** 0-based line of the row in the text. */
  readonly line: number;
  /** Figure cell (0 = the first after the label). */
  readonly cell: number;
  readonly text: string;
  readonly table: number;
  readonly row: number;
  readonly section: string;
  readonly label: string;
  readonly where: string;
}

const draft = readRelease(sourceLines(SEED));
const grid = new Grid(draft.tables);
const constraints = constraintsOf({
  tables: draft.tables,
  rate: new Dec(bundled.rate.jpyPerUsd),
  labels: grid.labels(),
});

const keyOfColumn = (table: (typeof bundled.tables)[number], rowId: string, column: number) =>
  cellKey(table.statement, rowId, table.columns[column].period, table.columns[column].measure);

/** The printed truth by cell key. */
const truth = new Map<string, Known>(
  bundled.tables.flatMap((t) =>
    t.rows.flatMap((r) =>
      r.cells.flatMap((text, i) => {
        const [reading] = readingsOf(readCell(text));
        return reading ? [[keyOfColumn(t, r.id, i), knownOf(reading)] as const] : [];
      })
    )
  )
);

/**
 * Whether a settled figure is the printed one. A lost nil is told by the arithmetic, not its print:
 * "-" and "0.0" are one figure, and which the release printed in a lost cell no rule can say.
 */
function sameFigure(a: Known, b: Known | undefined): boolean {
  if (!b || a.value === null || b.value === null) return a.value === b?.value;
  return a.value.eq(b.value);
}

/** The printed truth's text by cell key. */
const truthText = new Map<string, string>(
  bundled.tables.flatMap((t) =>
    t.rows.flatMap((r) =>
      r.cells.flatMap((text, i) => (text ? [[keyOfColumn(t, r.id, i), text] as const] : []))
    )
  )
);

/** Cells the seed itself prints damaged (the bundled data repairs them): no rule through them sees. */
const seedDamaged = new Set(
  bundled.repairs.flatMap((r) => {
    const table = bundled.tables.find((t) => t.statement === r.statement);
    return table && typeof r.column === "number" ? [keyOfColumn(table, r.rowId, r.column)] : [];
  })
);

/**
 * Whether a cell is one the seed prints damaged, or beside one in its column. The seed's own
 * repairs there rest on where the neighbours' figures sit (Accounts receivable's 10.7% on its own
 * row is what says the 5,417,456 printed above it is its figure): a fault beside them takes that
 * evidence away, and the text then reads, consistently, as other figures.
 */
function besideSeedDamage(table: number, row: number, cell: number): boolean {
  const t = draft.tables[table];
  const column = t.columns[cell];
  return [row - 1, row, row + 1].some((r) => {
    const id = t.rows[r]?.id;
    return (
      id !== undefined && seedDamaged.has(cellKey(t.statement, id, column.period, column.measure))
    );
  });
}

const cellsOfLine = (line: number) => LINES[line]?.split("|") ?? [];
const isFigureRow = (line: number) =>
  /^\s*\|/.test(LINES[line] ?? "") && !/^\s*\|[\s:|-]*$/.test(LINES[line]);

/** The figure cells the seed prints clean in the statements, or in the numbered tables. */
const sitesIn = (numbered: boolean): Site[] =>
  draft.tables.flatMap((table, t) =>
    (table.statement === "KPI") !== numbered
      ? []
      : table.rows.flatMap((row, r) =>
          row.cells.flatMap((c, i) => {
            const column = table.columns[i];
            const key = cellKey(table.statement, row.id, column.period, column.measure);
            // Only where the text prints the cell as its truth's own text, on the row's line.
            if (!c.expected || c.raw === "" || !truth.has(key) || besideSeedDamage(t, r, i))
              return [];
            if (cellsOfLine(row.line)[i + 2]?.trim() !== c.raw) return [];
            const where = `${table.statement} ${row.id} [${i}]`;
            return [
              {
                key,
                line: row.line,
                cell: i,
                text: c.raw,
                table: t,
                row: r,
                section: row.section,
                label: row.label,
                where,
              },
            ];
          })
        )
  );

const SITES: readonly Site[] = sitesIn(false);
const NUMBERED_SITES: readonly Site[] = sitesIn(true);

type Kind = "point" | "space" | "digit" | "swap" | "lose" | "parens" | "drop" | "up" | "down";

interface Fault {
  readonly kind: Kind;
  readonly site: Site;
  /** The misread text, for a misread digit. */
  readonly misread?: string;
}

/** The cell key on a line in the site's column, if a row of the same table is printed there. */
function keyOnLine(site: Site, line: number): string | undefined {
  const table = draft.tables[site.table];
  const row = table.rows.find((r) => r.line === line);
  const column = table.columns[site.cell];
  return row ? cellKey(table.statement, row.id, column.period, column.measure) : undefined;
}

/** The cells a fault damages: its own, and the neighbour a moved figure lands in. */
function touched(f: Fault): string[] {
  const offset = f.kind === "up" ? -1 : f.kind === "down" ? 1 : 0;
  const other = offset === 0 ? undefined : keyOnLine(f.site, f.site.line + offset);
  return other ? [f.site.key, other] : [f.site.key];
}

function applies(kind: Kind, site: Site): boolean {
  if (kind === "point" || kind === "space") return site.text.includes(",");
  if (kind === "parens") return site.text.startsWith("(");
  if (kind === "up" || kind === "down") {
    const line = site.line + (kind === "up" ? -1 : 1);
    return isFigureRow(line) && cellsOfLine(line).length > site.cell + 3;
  }
  return true;
}

/** Whether a rule holding none of `blind` fails with `key` read as `text`, the rest as printed. */
function visible(key: string, text: string, blind: ReadonlySet<string>): boolean {
  const [reading] = readingsOf(readCell(text));
  if (!reading || reading.fault) return false;
  const values = (k: string) => (k === key ? knownOf(reading) : truth.get(k));
  return constraints.some(
    (c) =>
      c.cells.includes(key) && !c.cells.some((k) => blind.has(k)) && c.check(values) === "fails"
  );
}

/** The texts a slip of `kind` makes of a figure's text: each digit misread, swapped or lost. */
function slipsOf(kind: Kind, text: string): string[] {
  const options: string[] = [];
  [...text].forEach((ch, i) => {
    if (!/\d/.test(ch)) return;
    const leading = !/\d/.test(text.slice(0, i));
    const [before, after] = [text.slice(0, i), text.slice(i + 1)];
    if (kind === "digit")
      for (const d of "0123456789") {
        if (d !== ch && !(leading && d === "0")) options.push(`${before}${d}${after}`);
      }
    if (kind === "lose" && !(leading && after[0] === "0")) options.push(`${before}${after}`);
    if (kind === "swap" && /\d/.test(after[0] ?? "") && after[0] !== ch && !(leading && ch === "0"))
      options.push(`${before}${after[0]}${ch}${after.slice(1)}`);
  });
  if (kind === "parens" && /^\(.*\)$/.test(text)) options.push(text.slice(1, -1));
  return options;
}

/** A slip of the site's text, of the fault's kind, that the arithmetic can see, chosen by `random`. */
function misreadOf(
  site: Site,
  kind: Kind,
  blind: ReadonlySet<string>,
  random: () => number
): string | undefined {
  const options = slipsOf(kind, site.text).filter((text) => visible(site.key, text, blind));
  return options.length > 0 ? options[Math.floor(random() * options.length)] : undefined;
}

function applyFault(text: string, f: Fault): string {
  const { line, cell } = f.site;
  switch (f.kind) {
    case "point":
      return editCell(text, line, cell, (v) => v.replace(",", "."));
    case "space":
      return editCell(text, line, cell, (v) => v.replace(/,/g, " "));
    case "digit":
    case "swap":
    case "lose":
    case "parens":
      return editCell(text, line, cell, () => f.misread as string);
    case "drop":
      return editCell(text, line, cell, () => "");
    case "up":
      return moveUp(text, line, cell, true);
    case "down":
      return moveDown(text, line, cell);
  }
}

const describeFault = (f: Fault) =>
  `${f.kind}${f.misread ? ` "${f.site.text}" -> "${f.misread}"` : ""} at ${f.site.where}`;

/** mulberry32: a small seeded generator, so that every run damages the same cells. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: readonly Kind[] = [
  "point",
  "space",
  "digit",
  "swap",
  "lose",
  "parens",
  "drop",
  "up",
  "down",
];
const SLIPS: ReadonlySet<Kind> = new Set(["digit", "swap", "lose", "parens"]);

/** Faults for the sites, each of a kind that applies; a misread only where it shows. */
function faultsFor(sites: readonly Site[], random: () => number): Fault[] | undefined {
  const faults: Fault[] = [];
  for (const site of sites) {
    const kinds = KINDS.filter((k) => applies(k, site));
    const kind = kinds[Math.floor(random() * kinds.length)];
    faults.push({ kind, site });
  }
  // Two faults on one cell, or moves into each other's cells, are one fault of another kind; a
  // figure moved onto a cell beside the seed's own damage is a fault there (besideSeedDamage).
  const cells = faults.flatMap(touched);
  if (new Set(cells).size !== cells.length) return undefined;
  const landing = (k: string) => {
    const c = grid.get(k);
    return c !== undefined && besideSeedDamage(c.tableIndex, c.rowIndex, c.column);
  };
  if (cells.some(landing)) return undefined;
  return faults.map((f, i) => {
    if (!SLIPS.has(f.kind)) return f;
    const blind = new Set([...seedDamaged, ...faults.filter((_, j) => j !== i).flatMap(touched)]);
    const misread = misreadOf(f.site, f.kind, blind, random);
    return misread ? { ...f, misread } : { ...f, kind: "drop" as const };
  });
}

type Placement = (random: () => number) => Site[];

const pick = <T>(xs: readonly T[], random: () => number): T => xs[Math.floor(random() * xs.length)];

const sameColumn = (a: Site, b: Site) => a.table === b.table && a.cell === b.cell && a !== b;
const TOTAL = /^(Total|Net cash|Net loss|Net increase|Cash, End)/i;

const PLACEMENTS: Record<string, Placement> = {
  "two cells of one footing (a section, a column)": (random) => {
    const a = pick(SITES, random);
    const mates = SITES.filter((b) => sameColumn(a, b) && b.section === a.section);
    return mates.length > 0 ? [a, pick(mates, random)] : [];
  },
  "a cell and its total": (random) => {
    const a = pick(SITES, random);
    const total = SITES.find((b) => sameColumn(a, b) && b.row > a.row && TOTAL.test(b.label));
    return total ? [a, total] : [];
  },
  "two cells of one row (an amount and its USD, % or change)": (random) => {
    const a = pick(SITES, random);
    const mates = SITES.filter((b) => b.line === a.line && b !== a);
    return mates.length > 0 ? [a, pick(mates, random)] : [];
  },
  "two cells anywhere in the statements": (random) => {
    const a = pick(SITES, random);
    const b = pick(SITES, random);
    return a === b ? [] : [a, b];
  },
};

/** `count` damaged texts, each with the faults `placement` puts, from a fixed seed. */
function generate(placement: Placement, count: number, seed: number): Fault[][] {
  const random = seeded(seed);
  const out: Fault[][] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const sites = placement(random);
    if (sites.length === 0) continue;
    const faults = faultsFor(sites, random);
    const id = faults?.map(describeFault).join("; ");
    if (!faults || !id || seen.has(id)) continue;
    seen.add(id);
    out.push(faults);
  }
  return out;
}

/**
 * The wrong figures the ingest engine settles from each damaged text, with the damage that made
 * them. The engine is run as ingestRelease runs it (read, grid, rules, settle), without the prose,
 * guidance and explanations that only describe its figures: a case costs half as much, and the
 * figures are the ones the data file would record (ingestRelease prints each settled text as is).
 */
function wrongSettled(cases: readonly Fault[][]): string[] {
  return cases.flatMap((faults) => {
    const tables = readRelease(sourceLines(faults.reduce(applyFault, SEED))).tables;
    const cells = new Grid(tables);
    const rules = constraintsOf({
      tables,
      rate: new Dec(bundled.rate.jpyPerUsd),
      labels: cells.labels(),
    });
    const decisions = settleCells(cells, rules);
    const wrong = [...truthText].flatMap(([key, printed]) => {
      const d = decisions.get(key);
      if (!d) return grid.get(key) ? [`${key}: not read`] : [];
      return d.kind === "settled" && !sameFigure(d.known, truth.get(key))
        ? [`${key}: ${d.text}, printed ${printed}`]
        : [];
    });
    return wrong.length === 0
      ? []
      : [`${faults.map(describeFault).join(" + ")}: ${wrong.join("; ")}`];
  });
}

test("the generator finds its sites: every statement's figure cells the seed prints clean", () => {
  expect(SITES.length).toBeGreaterThan(300);
  expect(new Set(SITES.map((s) => draft.tables[s.table].statement))).toEqual(
    new Set(["INCOME", "BALANCE", "CASHFLOW"])
  );
});

test("a misread digit is put only where the arithmetic can see it", () => {
  const key = cellKey("BALANCE", "inventories", "4Q00", "amount");
  const shortTerm = [...seedDamaged].filter((k) => k.includes("short_term_investments"));
  // Short-term investments is lost beside it in the seed: only the % of total looks at Mar 31's
  // inventories, which cannot tell 245,520 from 245,580 (the footing would say (60)).
  expect(visible(key, "245,580", new Set(shortTerm))).toBe(false);
  expect(visible(key, "845,520", new Set(shortTerm))).toBe(true);
});

test("the generator finds the numbered tables' figure cells the seed prints clean", () => {
  expect(NUMBERED_SITES.length).toBeGreaterThan(50);
  expect(new Set(NUMBERED_SITES.map((s) => draft.tables[s.table].title.slice(0, 8)))).toEqual(
    new Set(["Table 1.", "Table 2.", "Table 4.", "Table 5."])
  );
});

const site = (where: string) => SITES.find((s) => s.where === where) as Site;

/**
 * Damage the engine settled wrong, each time through two doubtful cells in one rule: a reading that
 * satisfied the rule was taken for proof. The first two the engine before the proof rule settled
 * wrong; the last a form of the proof rule that trusted any clean print outside the search. Each
 * must leave the cells it cannot prove unresolved.
 */
const ONCE_WRONG: readonly (readonly [string, () => Fault[]])[] = [
  [
    // Other current assets' 493,692 misread 493,492 beside the lost Short-term investments: its
    // USD 3,958 was "repaired" to 3,956 to fit, and Short-term investments solved as 200.
    "a misread amount whose USD cell vouches against it, beside a lost cell of its footing",
    () => [
      { kind: "up", site: site("BALANCE other_current_assets [2]") },
      {
        kind: "digit",
        site: site("BALANCE other_current_assets [1]"),
        misread: "493,492",
      },
    ],
  ],
  [
    // Total current assets and what it foots into lost: nothing says whether 5,417,456 is
    // Short-term investments' figure or Accounts receivable's (its 10.7% moved with it).
    "a footing and its total lost where the seed's figures sit a row off",
    () =>
      ["property_and_equipment", "total_assets", "total_current_assets"].map((row) => ({
        kind: "drop" as const,
        site: site(`BALANCE ${row} [5]`),
      })),
  ],
  [
    // Guarantee deposits' USD and % lost: the % column then lets Accounts receivable's 10.7% move
    // up to Short-term investments, whose row prints the 5,417,456, and Accounts receivable solve
    // to 0: a reading that foots everywhere, resting on a print beside a lost cell.
    "a lost % in the column where the seed's figures sit a row off",
    () => [
      { kind: "drop", site: site("BALANCE guarantee_deposits [0]") },
      { kind: "drop", site: site("BALANCE guarantee_deposits [6]") },
    ],
  ],
  [
    // Inventories' 263,553 misread 263,153 beside the seed's lost Short-term investments: the
    // 0.5% of total printed on its row holds for either figure, and was taken for proof of the
    // misread; its USD 2,113 was then "repaired" to 2,110 and Short-term investments solved as 400.
    "a misread amount whose % of total cannot see the misread digit, beside a lost cell",
    () => [
      {
        kind: "digit",
        site: site("BALANCE inventories [1]"),
        misread: "263,153",
      },
    ],
  ],
];

test("a lost cell that would solve against its row's sign is unresolved, not a guess", () => {
  // Before the sign rule: Short-term investments settled as (60).
  // The misread the arithmetic cannot see (above): Inventories' 245,520 read 245,580 leaves the
  // lost Short-term investments to foot at (60), against the positive balances its row prints.
  // Nothing proves the 245,580 wrong, but a balance that changed sign proves nothing either.
  // Mar 31's inventories sits beside the seed's own damage, so it is no generator site: the same
  // row's line, its sixth figure cell ("| Inventories | 2,113 | 263,553 | 0.5 | 414,310 | 0.9 |
  // 245,520 | 0.5 |").
  const inventories = site("BALANCE inventories [1]");
  expect(cellsOfLine(inventories.line)[7]?.trim()).toBe("245,520");
  const faults: Fault[] = [
    {
      kind: "digit",
      site: { ...inventories, cell: 5, text: "245,520", where: "BALANCE inventories [5]" },
      misread: "245,580",
    },
  ];
  // The misread itself stays as the page prints it (nothing can see it); what it would have made
  // of the lost cell does not become a settled figure.
  expect(wrongSettled([faults])).toEqual([
    'digit "245,520" -> "245,580" at BALANCE inventories [5]: BALANCE|inventories|4Q00|amount: 245,580, printed 245,520',
  ]);
});

test.each(ONCE_WRONG.map(([name, faults]) => [name, faults] as const))(
  "once settled wrong: %s",
  (_name, faults) => {
    expect(wrongSettled([faults()])).toEqual([]);
  }
);

describe.each(Object.entries(PLACEMENTS).map(([name, p], i) => [name, p, i] as const))(
  "two faults: %s",
  (_name, placement, i) => {
    test("no settled figure differs from the bundled data", () => {
      const cases = generate(placement, PER_PLACEMENT, 1_000 + i);
      expect(cases.length).toBe(PER_PLACEMENT);
      expect(wrongSettled(cases)).toEqual([]);
    });
  }
);

test("three faults in one statement: no settled figure differs from the bundled data", () => {
  const threeInOneColumn: Placement = (random) => {
    const a = pick(SITES, random);
    const mates = SITES.filter((b) => sameColumn(a, b));
    const b = pick(mates, random);
    const c = pick(mates, random);
    return b && c && b !== c ? [a, b, c] : [];
  };
  const cases = generate(threeInOneColumn, TRIPLES, 2_000);
  expect(cases.length).toBe(TRIPLES);
  expect(wrongSettled(cases)).toEqual([]);
});

describe("faults in the numbered tables", () => {
  test("one fault: no settled figure differs from the bundled data", () => {
    const cases = generate((random) => [pick(NUMBERED_SITES, random)], NUMBERED, 3_000);
    expect(cases.length).toBe(NUMBERED);
    expect(wrongSettled(cases)).toEqual([]);
  });

  test("two faults in one footing: no settled figure differs from the bundled data", () => {
    const inOneFooting: Placement = (random) => {
      const a = pick(NUMBERED_SITES, random);
      const mates = NUMBERED_SITES.filter((b) => sameColumn(a, b) && b.section === a.section);
      return mates.length > 0 ? [a, pick(mates, random)] : [];
    };
    const cases = generate(inOneFooting, NUMBERED, 3_001);
    expect(cases.length).toBe(NUMBERED);
    expect(wrongSettled(cases)).toEqual([]);
  });

  test("a lost NA that foots to nil is not settled as 0 (nil and NA foot alike)", () => {
    // "| IIJ DSL/F (*3) Maximum 1.5Mbps | 45 | NA | NA |": the service began in May 2001.
    const dslf = NUMBERED_SITES.find((s) => s.where === "KPI iij_dslf_contracts [0]") as Site;
    const na = { ...dslf, cell: 1, text: "NA", where: "KPI iij_dslf_contracts [1]" };
    expect(cellsOfLine(na.line)[3]?.trim()).toBe("NA");
    expect(wrongSettled([[{ kind: "drop", site: na }]])).toEqual([]);
  });
});

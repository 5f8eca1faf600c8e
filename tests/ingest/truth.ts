/**
 * The expected figures of a golden case (tests/ingest/cases/<name>/truth.json, the format of the
 * shared ingest samples: statements' rows in printed order with values by quarter, USD, % and
 * change cells; the numbered tables' rows; the guidance) held against an ingested release: each
 * figure is equal, unresolved (its cell left blank) or wrong.
 */
import type { PrintedTable, Release } from "../../src/data/types";
import { readPrinted } from "../../src/model/printed";

interface TruthRow {
  readonly label: string;
  readonly values: Record<string, string | null>;
  readonly usd?: string;
  readonly pct?: Record<string, string>;
  readonly change?: { readonly YOY: string; readonly QOQ: string };
}

interface TruthKpi extends TruthRow {
  readonly table: string;
  readonly group: string;
}

export interface TruthDamage {
  readonly id: string;
  readonly kind: string;
  readonly ambiguous: boolean;
  readonly cleanText?: string;
  readonly cells?: readonly {
    statement: string;
    label: string;
    section: string;
    column: string;
    row: number;
  }[];
}

export interface Truth {
  readonly releaseDate: string;
  readonly latestQuarter: string;
  readonly fxRate: string;
  readonly statements: Record<"INCOME" | "BALANCE" | "CASHFLOW", readonly TruthRow[]>;
  readonly kpis: readonly TruthKpi[];
  readonly guidance: {
    readonly period: string;
    readonly revenues: { low: string; high: string };
    readonly operatingIncome: { low: string; high: string };
    readonly ebitda: { low: string; high: string };
  };
  readonly damage: readonly TruthDamage[];
  /** The release's own non-ties, as printed: rounding plugs, EBITDA against its footnote. */
  readonly inconsistencies?: readonly TruthInconsistency[];
}

export interface TruthInconsistency {
  readonly id: string;
  readonly kind: string;
  readonly statement?: string;
  /** The row's place in its statement's rows, in printed order. */
  readonly row?: number;
  readonly label?: string;
  readonly period?: string;
}

/** One expected figure: where it is, and the truth ("null" for NA). */
export interface Expected {
  readonly where: string;
  readonly statement: string;
  readonly rowIndex: number;
  readonly table: string;
  readonly period: string;
  readonly measure: string;
  readonly truth: string;
}

function rowFigures(
  statement: string,
  table: string,
  rowIndex: number,
  row: TruthRow,
  latest: string
): Expected[] {
  const at = (period: string, measure: string, truth: string | null) => ({
    where: `${statement} "${row.label}" ${period} ${measure}`,
    statement,
    rowIndex,
    table,
    period,
    measure,
    truth: truth ?? "null",
  });
  return [
    ...Object.entries(row.values).map(([p, v]) => at(p, "amount", v)),
    ...(row.usd !== undefined ? [at(latest, "usd", row.usd)] : []),
    ...Object.entries(row.pct ?? {}).map(([p, v]) => at(p, "pctOfTotal", v)),
    ...(row.change
      ? [at(latest, "yoyPct", row.change.YOY), at(latest, "qoqPct", row.change.QOQ)]
      : []),
  ];
}

export function expectedFigures(truth: Truth): Expected[] {
  const statements = (["INCOME", "BALANCE", "CASHFLOW"] as const).flatMap((s) =>
    truth.statements[s].flatMap((row, i) => rowFigures(s, "", i, row, truth.latestQuarter))
  );
  const seen = new Map<string, number>();
  const kpis = truth.kpis.flatMap((k) => {
    const i = seen.get(k.table) ?? 0;
    seen.set(k.table, i + 1);
    return rowFigures("KPI", k.table, i, k, truth.latestQuarter);
  });
  return [...statements, ...kpis];
}

export type Outcome = "equal" | "unresolved" | "wrong";

function tableOf(release: Release, e: Expected): PrintedTable | undefined {
  return release.tables.find(
    (t) => t.statement === e.statement && (e.table === "" || t.title === e.table)
  );
}

/** The release's figure for an expected one, as printed text, "" when blank or not there. */
export function printedFor(release: Release, e: Expected): string {
  const table = tableOf(release, e);
  const column =
    table?.columns.findIndex((c) => c.period === e.period && c.measure === e.measure) ?? -1;
  return column < 0 ? "" : (table?.rows[e.rowIndex]?.cells[column] ?? "");
}

/** Whether a printed cell holds the truth's figure ("-" is 0, "NA" is null). */
export function outcome(printed: string, truth: string): Outcome {
  if (printed === "") return "unresolved";
  const v = readPrinted(printed);
  if (truth === "null") return v.kind === "na" ? "equal" : "wrong";
  const value = v.kind === "number" ? v.value : v.kind === "nil" ? 0 : null;
  return value !== null && Number(value.toString()) === Number(truth) ? "equal" : "wrong";
}

export function guidanceFigures(truth: Truth): { id: string; bound: 0 | 1; truth: string }[] {
  const g = truth.guidance;
  return (
    [
      ["revenues", g.revenues],
      ["operating_income", g.operatingIncome],
      ["ebitda", g.ebitda],
    ] as const
  ).flatMap(([id, r]) => [
    { id, bound: 0 as const, truth: r.low },
    { id, bound: 1 as const, truth: r.high },
  ]);
}

/**
 * The settled figures of `release` that differ from `printed` (the bundled data), as
 * "table row [column]: got, printed ...". A blank cell is unresolved, which is allowed; a table
 * or a row the release lacks is a failure, not a match.
 */
export function settledMismatches(release: Release, printed: Release): string[] {
  return printed.tables.flatMap((table) => {
    const got = release.tables.find((t) => t.title === table.title);
    if (!got) return [`${table.title}: no such table`];
    return table.rows.flatMap((row) => {
      const cells = got.rows.find((r) => r.id === row.id)?.cells;
      if (!cells) return [`${table.title} ${row.id}: no such row`];
      return row.cells.flatMap((expected, column) => {
        const cell = cells[column];
        return cell === "" || cell === expected
          ? []
          : [`${table.title} ${row.id} [${column}]: ${cell ?? "(no cell)"}, printed ${expected}`];
      });
    });
  });
}

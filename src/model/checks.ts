import type { Measure, PrintedInconsistency, Release, StatementId } from "../data/types";
import { type Quarter, periodKey, quarterIndex, shiftQuarter } from "./calendar";
import { Dec, formatPrinted, roundAsPrinted } from "./decimal";
import type { Figure, IIJModel } from "./model";
import { readPrinted } from "./printed";
import {
  type Identity,
  type LineStatement,
  PERCENT_BASE,
  PER_SHARE_NUMERATOR,
  type Term,
  isDescribed,
} from "./statements";
import { StatementStructure, identitiesOf, releasePlaces } from "./structure";

export type CheckStatus = "pass" | "fail" | "noted";

/** The outcome of one named check for one release and quarter, with what it compared. */
export interface CheckResult {
  readonly checkId: string;
  readonly name: string;
  readonly release: string;
  readonly period: string;
  readonly status: CheckStatus;
  readonly detail: string;
  /** Where the compared figures are printed. */
  readonly source: string;
}

interface Reading {
  readonly value: Dec;
  readonly places: number;
  readonly figure: Figure;
}

/** A release's own printing of a figure: "-" and "NA" count as 0 in arithmetic; blank is absent. */
function read(
  model: IIJModel,
  release: Release,
  statement: StatementId,
  row: string,
  period: string,
  measure: Measure
): Reading | null {
  const figure = model
    .figureHistory(statement, row, period, measure)
    .find((f) => f.release === release);
  if (!figure) return null;
  const v = readPrinted(figure.printed);
  if (v.kind === "blank") return null;
  return {
    value: v.kind === "number" ? v.value : new Dec(0),
    places: v.kind === "number" ? v.places : 0,
    figure,
  };
}

function quartersOf(release: Release, model: IIJModel): Quarter[] {
  const keys = new Set<string>();
  for (const table of release.tables) for (const c of table.columns) keys.add(c.period);
  return [...keys]
    .map(
      (k) =>
        model.resolveQuarter(
          k,
          release.tables.find((t) => t.columns.some((c) => c.period === k))!.statement
        ).period
    )
    .sort((a, b) => quarterIndex(a) - quarterIndex(b));
}

class Checker {
  readonly results: CheckResult[] = [];

  constructor(
    private readonly model: IIJModel,
    private readonly release: Release
  ) {}

  private declared(
    checkId: string,
    period: string,
    rows: readonly string[]
  ): PrintedInconsistency | undefined {
    return this.release.inconsistencies.find(
      (i) =>
        i.checkId === checkId && i.period === period && (i.rowId === "" || rows.includes(i.rowId))
    );
  }

  /** Records a comparison: a mismatch the release declares as its own is "noted", any other fails. */
  private record(
    checkId: string,
    name: string,
    period: string,
    source: string,
    mismatches: readonly { row: string; text: string }[],
    okText: string
  ): void {
    let status: CheckStatus = "pass";
    let detail = okText;
    if (mismatches.length > 0) {
      const undeclared = mismatches.filter((m) => !this.declared(checkId, period, [m.row]));
      status = undeclared.length > 0 ? "fail" : "noted";
      const notes = mismatches.map((m) => {
        const d = this.declared(checkId, period, [m.row]);
        return d ? `${m.text} [source inconsistency: ${d.explanation}]` : m.text;
      });
      detail = notes.join("; ");
    } else if (this.declared(checkId, period, [""])) {
      status = "fail";
      detail = `${okText}, but the release data declares an inconsistency here: remove the stale declaration`;
    }
    this.results.push({ checkId, name, release: this.release.id, period, status, detail, source });
  }

  identity(rule: Identity, q: Quarter, measure: "amount" | "usd"): void {
    const period = periodKey(q);
    const termReading = (term: Term) =>
      read(
        this.model,
        this.release,
        term.statement,
        term.row,
        periodKey(shiftQuarter(q, -(term.lag ?? 0))),
        measure
      );
    const left = rule.left.map(termReading);
    const right = rule.right.map(termReading);
    if ([...left, ...right].some((r) => r === null)) return; // not all printed in this release: nothing to check
    const signed = (terms: readonly Term[], readings: (Reading | null)[]) =>
      readings.reduce(
        (acc, r, i) => acc.plus((r as Reading).value.times(terms[i].sign ?? 1)),
        new Dec(0)
      );
    const scale = new Dec(rule.scale ?? 1);
    const l = signed(rule.left, left);
    const r = signed(rule.right, right).times(scale);
    // Rounded figures may miss by half a unit each: the USD column, and tables printed in millions.
    const rounded = measure === "usd" ? [...left, ...right] : rule.scale ? left : [];
    const tolerance = rounded.reduce(
      (acc, x) => acc.plus(new Dec(0.5).times(new Dec(10).pow(-(x as Reading).places))),
      new Dec(0)
    );
    const diff = l.minus(r);
    const places = Math.max(0, ...left.map((x) => (x as Reading).places));
    const unitText = measure === "usd" ? " (USD thousands)" : "";
    const describe = `printed ${formatPrinted(l, places)} vs computed ${formatPrinted(r, rule.scale ? Math.max(places, 3) : places)}${unitText}`;
    const tables = [
      ...new Set(
        [...left, ...right].map(
          (x) => `${(x as Reading).figure.table.title} (${(x as Reading).figure.table.page})`
        )
      ),
    ].join("; ");
    const ok = diff.abs().lte(tolerance);
    const name = measure === "usd" ? `${rule.name} (USD column)` : rule.name;
    const checkId = measure === "usd" ? `${rule.checkId}:usd` : rule.checkId;
    const mismatch = ok
      ? []
      : [
          {
            row: rule.left[0].row,
            text: `${describe}: printed - computed = ${diff.toString()}${rule.scale ? ` (beyond the rounding of the printed figure, +/-${tolerance.toString()})` : ""}`,
          },
        ];
    this.record(
      checkId,
      name,
      period,
      tables,
      mismatch,
      diff.isZero() ? describe : `${describe}, within rounding (+/-${tolerance.toString()})`
    );
  }

  /** Each printed USD cell = JPY / rate, rounded to the printed places. */
  usdTranslation(statement: StatementId, q: Quarter): void {
    const period = periodKey(q);
    const rate = new Dec(this.release.rate.jpyPerUsd);
    const mismatches: { row: string; text: string }[] = [];
    let count = 0;
    let title = "";
    for (const item of this.model.items(statement)) {
      const usd = read(this.model, this.release, statement, item.id, period, "usd");
      const jpy = read(this.model, this.release, statement, item.id, period, "amount");
      if (!usd || !jpy) continue;
      count++;
      title = `${usd.figure.table.title} (${usd.figure.table.page})`;
      const exact = jpy.value.dividedBy(rate);
      const expected = roundAsPrinted(exact, usd.places);
      if (!expected.eq(usd.value)) {
        mismatches.push({
          row: item.id,
          text: `"${item.label}" USD printed ${usd.figure.printed}, ${jpy.figure.printed} / ${rate.toString()} = ${exact.toDecimalPlaces(4).toString()} rounds to ${formatPrinted(expected, usd.places)} (printed - computed = ${usd.value.minus(exact).toDecimalPlaces(4).toString()})`,
        });
      }
    }
    if (count === 0) return;
    this.record(
      `usd:${statement}`,
      `USD column = JPY / ${rate.toString()}, rounded as printed`,
      period,
      title,
      mismatches,
      `${count} of ${count} USD figures tie`
    );
  }

  /** Each printed % cell = figure / base x 100, rounded to the printed places. */
  percentOfTotal(statement: StatementId, q: Quarter): void {
    const baseRow = PERCENT_BASE.get(statement as LineStatement);
    if (!baseRow) return;
    const period = periodKey(q);
    const base = read(this.model, this.release, statement, baseRow, period, "amount");
    if (!base || base.value.isZero()) return;
    const mismatches: { row: string; text: string }[] = [];
    let count = 0;
    for (const item of this.model.items(statement)) {
      const pct = read(this.model, this.release, statement, item.id, period, "pctOfTotal");
      const amount = read(this.model, this.release, statement, item.id, period, "amount");
      if (!pct || !amount) continue;
      count++;
      const exact = amount.value.dividedBy(base.value).times(100);
      const expected = roundAsPrinted(exact, pct.places === 0 ? 1 : pct.places);
      const printedNil = readPrinted(pct.figure.printed).kind === "nil";
      const ties = printedNil ? expected.isZero() : expected.eq(pct.value);
      if (!ties)
        mismatches.push({
          row: item.id,
          text: `"${item.label}" printed ${pct.figure.printed}, computed ${exact.toDecimalPlaces(3).toString()}%`,
        });
    }
    if (count === 0) return;
    const baseLabel = this.model.catalogue(statement).get(baseRow)?.label ?? baseRow;
    this.record(
      `percent:${statement}`,
      `% column = figure / ${baseLabel} x 100, rounded as printed`,
      period,
      `${base.figure.table.title} (${base.figure.table.page})`,
      mismatches,
      `${count} of ${count} percentages tie`
    );
  }

  /** Printed YOY / QOQ Chg % = (this quarter / comparison quarter - 1) x 100, rounded as printed. */
  change(statement: StatementId, q: Quarter, measure: "yoyPct" | "qoqPct"): void {
    const period = periodKey(q);
    const lag = measure === "yoyPct" ? 4 : 1;
    const prior = periodKey(shiftQuarter(q, -lag));
    const mismatches: { row: string; text: string }[] = [];
    let count = 0;
    let title = "";
    for (const item of this.model.items(statement)) {
      const pct = read(this.model, this.release, statement, item.id, period, measure);
      const now = read(this.model, this.release, statement, item.id, period, "amount");
      const then = read(this.model, this.release, statement, item.id, prior, "amount");
      if (!pct || !now || !then || then.value.isZero()) continue;
      count++;
      title = `${pct.figure.table.title} (${pct.figure.table.page})`;
      const exact = now.value.dividedBy(then.value).minus(1).times(100);
      const expected = roundAsPrinted(exact, pct.places);
      if (!expected.eq(pct.value))
        mismatches.push({
          row: item.id,
          text: `"${item.label}" printed ${pct.figure.printed}, computed ${exact.toDecimalPlaces(3).toString()}%`,
        });
    }
    if (count === 0) return;
    const basis = measure === "yoyPct" ? "YOY" : "QOQ";
    this.record(
      `${measure}:${statement}`,
      `${basis} Chg % = (${period} / ${prior} - 1) x 100, rounded as printed`,
      period,
      title,
      mismatches,
      `${count} of ${count} changes tie`
    );
  }

  /** Per-share lines as the release prints them: each line's count is in its description. */
  perShare(q: Quarter, structure: StatementStructure): void {
    const period = periodKey(q);
    const numerator = structure.get(PER_SHARE_NUMERATOR);
    if (!numerator) return;
    for (const line of structure.lines) {
      const countLine = line.spec.perShareOf && structure.get(line.spec.perShareOf);
      if (!countLine) continue;
      const printed = read(this.model, this.release, "INCOME", line.id, period, "amount");
      const net = read(this.model, this.release, "INCOME", numerator.id, period, "amount");
      const count = read(this.model, this.release, "INCOME", countLine.id, period, "amount");
      if (!printed || !net || !count || count.value.isZero()) continue;
      const exact = net.value.times(1000).dividedBy(count.value);
      const expected = roundAsPrinted(exact, printed.places);
      const text = `printed ${printed.figure.printed}; ${net.figure.printed} x 1,000 / ${count.figure.printed} = ${exact.toDecimalPlaces(4).toString()}`;
      this.record(
        `per-share:${line.id}`,
        `${line.label} = ${numerator.label} / ${countLine.label}`,
        period,
        `${printed.figure.table.title} (${printed.figure.table.page})`,
        expected.eq(printed.value) ? [] : [{ row: line.id, text }],
        text
      );
    }
  }

  guidanceRanges(): void {
    for (const range of this.release.guidance.ranges) {
      const [low, high] = range.range.split(" - ").map((p) => readPrinted(p));
      const ok = low.kind === "number" && high.kind === "number" && low.value.lte(high.value);
      this.record(
        `guidance:${range.id}`,
        `Guidance ${range.label}: low <= high`,
        range.period,
        `${this.release.guidance.title} (${this.release.guidance.page})`,
        ok ? [] : [{ row: range.id, text: `printed "${range.range}"` }],
        `"${range.range}" ${range.unit}`
      );
    }
  }
}

/**
 * A release that prints a statement only in part (a summary table) cannot foot a total whose
 * described parts it leaves out, so that footing is skipped there, as a tie is when one of its
 * figures is not printed. A line only the release itself names never makes a footing skip.
 */
function printsDescribedParts(
  model: IIJModel,
  printed: (s: LineStatement) => StatementStructure,
  rule: Identity
): boolean {
  if (!rule.checkId.startsWith("footing:")) return true;
  const { statement, row } = rule.left[0];
  const parts = model.structure(statement).get(row)?.parts ?? [];
  return parts.every(
    (part) => !isDescribed(statement, part.id) || printed(statement).get(part.id) !== undefined
  );
}

/** Runs every check on every registered release; all are run and all reported, none stops the rest. */
export function runChecks(model: IIJModel): CheckResult[] {
  const results: CheckResult[] = [];
  for (const release of model.releases) {
    const checker = new Checker(model, release);
    // Each release is checked against its own printing: a line it adds joins its own totals only.
    const structures = new Map<LineStatement, StatementStructure>();
    const structureOf = (s: LineStatement) => {
      if (!structures.has(s))
        structures.set(s, new StatementStructure(s, releasePlaces(release, s)));
      return structures.get(s) as StatementStructure;
    };
    const identities = identitiesOf(structureOf).filter((rule) =>
      printsDescribedParts(model, structureOf, rule)
    );
    for (const q of quartersOf(release, model)) {
      for (const rule of identities) {
        checker.identity(rule, q, "amount");
        if (rule.usd) checker.identity(rule, q, "usd");
      }
      for (const statement of ["INCOME", "BALANCE", "CASHFLOW"] as const) {
        checker.usdTranslation(statement, q);
        checker.percentOfTotal(statement, q);
        checker.change(statement, q, "yoyPct");
        checker.change(statement, q, "qoqPct");
      }
      checker.perShare(q, structureOf("INCOME"));
    }
    checker.guidanceRanges();
    results.push(...checker.results);
  }
  return results;
}

export function summarize(results: readonly CheckResult[]): {
  passed: number;
  failed: number;
  noted: number;
} {
  return {
    passed: results.filter((r) => r.status === "pass").length,
    failed: results.filter((r) => r.status === "fail").length,
    noted: results.filter((r) => r.status === "noted").length,
  };
}

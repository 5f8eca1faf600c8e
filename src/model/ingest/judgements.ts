/**
 * The reviewed judgement calls kept beside the bundled releases' sources, by release: ingest applies
 * a release's own when it is given no others, so the seed's text alone reproduces the bundled data.
 */
import { JUDGEMENTS_2001_08_14 } from "../../data/releases/2001-08-14-1q01.judgements";
import type { IngestJudgements, PrintedOutlook } from "../../data/types";
import { nameKey } from "../names";
import { readCell, readingsOf } from "./cells";
import { type DraftTable, cellKey } from "./draft";
import { knownOf } from "./grid";
import type { Decision } from "./settle";

const REVIEWED: readonly IngestJudgements[] = [JUDGEMENTS_2001_08_14];

/** The reviewed calls for the release of `date` (ISO), if any were made. */
export function reviewedJudgements(date: string): IngestJudgements | undefined {
  return REVIEWED.find((j) => j.release === date);
}

/** Table 3's values printed away from it: the judgement says which quarter each is. */
export function applyDetached(
  tables: readonly DraftTable[],
  decisions: Map<string, Decision>,
  judgements: IngestJudgements | undefined
): void {
  for (const table of tables) {
    if (!table.detached) continue;
    const detached = table.detached;
    const call = judgements?.detached?.find(
      (j) =>
        nameKey(j.table) === nameKey(`Table ${table.number}`) &&
        table.rows.some((r) => r.id === detached.rowId && nameKey(r.label) === nameKey(j.label)) &&
        j.periods.length === detached.values.length
    );
    table.columns.forEach((column) => {
      const key = cellKey("KPI", detached.rowId, column.period, column.measure);
      const at = call ? call.periods.indexOf(column.period) : -1;
      if (decisions.get(key)?.kind !== "unresolved") return;
      if (!call || at < 0) {
        const texts = detached.values.map((v) => v.text);
        const why = `printed away from the table (${detached.values.map((v) => `line ${v.line + 1}`).join(", ")}); which quarter each value is, the arithmetic does not say`;
        decisions.set(key, { kind: "unresolved", candidates: texts, why });
        return;
      }
      const value = detached.values[at];
      const [reading] = readingsOf(readCell(value.text));
      if (!reading) return;
      const known = knownOf(reading);
      const ocr = `${value.text} (detached, between paragraphs on ${value.page})`;
      decisions.set(key, {
        kind: "settled",
        text: value.text,
        known,
        origin: "own",
        judged: { ocr, reason: call.reason },
      });
    });
  }
}

/** The outlook sentences ingest finds, each replaced by a judgement on the same metric and period. */
export function outlooks(
  found: readonly PrintedOutlook[],
  judgements?: IngestJudgements
): PrintedOutlook[] {
  const calls = judgements?.outlooks ?? [];
  const same = (a: PrintedOutlook, b: PrintedOutlook) => a.id === b.id && a.period === b.period;
  const replaced = found.map((o) => calls.find((c) => same(c, o)) ?? o);
  return [...replaced, ...calls.filter((c) => !replaced.some((o) => same(o, c)))];
}

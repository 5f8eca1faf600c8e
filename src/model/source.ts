import type { Release } from "../data/types";
import { periodKey } from "./calendar";
import type { Item } from "./catalogue";
import { resolveAnyItem } from "./derived";
import { notAvailable } from "./errors";
import type { Figure, GuidanceEntry, IIJModel } from "./model";

export function releaseName(r: Release): string {
  const d = new Date(`${r.date}T00:00:00Z`).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  return `IIJ earnings release of ${d} (${r.id})`;
}

/**
 * Where a guidance entry is printed: a range in the release's guidance table, an outlook where its
 * words are (a summary bullet, an officer's quote), which is not that table: the table of 2Q01
 * ranges has no fiscal-year column.
 */
export function guidancePlace(entry: GuidanceEntry): string {
  const { outlook, release } = entry;
  return outlook
    ? `"${outlook.heading}", ${outlook.place} (${outlook.page})`
    : `${release.guidance.title} (${release.guidance.page})`;
}

/** The citation of one printed figure: release, table and page, row, column, printed text and unit, repair. */
function citeFigure(f: Figure, item: Item): string {
  const unit =
    f.measure === "usd" ? "USD thousands" : f.measure === "amount" ? item.unit : "percent";
  const parts = [
    `${releaseName(f.release)}, ${f.table.title} (${f.table.page}), row "${f.row.label}"${f.row.section ? ` under ${f.row.section}` : ""}, column "${f.column.header}" (${f.period}): printed ${f.printed} ${unit}.`,
  ];
  if (f.repair)
    parts.push(
      `OCR repair: the OCR text shows ${f.repair.ocr}; recorded ${f.repair.settled} because ${f.repair.reason}`
    );
  if (item.footnote) parts.push(`Footnote: ${item.footnote}`);
  return parts.join(" ");
}

/**
 * Where a value comes from, as text: `IIJ.SOURCE` and `iij-model source`. Restatements are cited
 * too: the figure used (latest) and the first report.
 */
export function source(
  model: IIJModel,
  periodInput: unknown,
  itemInput: unknown,
  statementInput?: unknown
): string {
  const item = resolveAnyItem(model, itemInput, statementInput);
  if (item.statement === "GUIDANCE") {
    const request = model.resolveGuidancePeriod(periodInput);
    const key = periodKey(request.period);
    const vintage = request.vintage;
    const e = model.guidanceEntry(item.id, request);
    if (!e)
      throw notAvailable(
        `No guidance for ${item.label} in ${key}${vintage.kind === "release" ? ` in release ${vintage.id}` : ""}.`
      );
    const what = e.range
      ? `row "${item.label}", ${key}: printed "${e.range.range}" ${e.range.unit}`
      : `"${item.label}", ${key}: the outlook: "${e.outlook?.text}"`;
    return `${releaseName(e.release)}, ${guidancePlace(e)}, ${what}.`;
  }
  const request = model.resolveQuarter(periodInput, item.statement);
  const key = periodKey(request.period);
  const history = model.figureHistory(item.statement, item.id, key, "amount");
  const used = model.figure(item.statement, item.id, key, "amount", request.vintage);
  if (!used) throw notAvailable(`"${item.label}" is not printed for ${key}.`);
  const text = [citeFigure(used, item)];
  if (history.length > 1) {
    const others = history.filter((f) => f !== used).map((f) => `${f.printed} in ${f.release.id}`);
    text.push(
      `Also printed: ${others.join(", ")} (the latest release wins; add @first to the period for the first report).`
    );
  }
  return text.join(" ");
}

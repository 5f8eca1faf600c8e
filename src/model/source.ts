import type { Release } from "../data/types";
import { periodKey } from "./calendar";
import type { Item } from "./catalogue";
import {
  type DerivedLine,
  derivedArithmetic,
  derivedValue,
  isDerived,
  resolveAnyLine,
} from "./derived";
import { formatPrinted } from "./decimal";
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
  const { line, note } = resolveAnyLine(model, itemInput, statementInput);
  const text = isDerived(line)
    ? derivedSource(model, line, periodInput)
    : printedSource(model, line, periodInput);
  return note ? `${note} ${text}` : text;
}

/**
 * A derived line's arithmetic over the printed figures, then each figure's citation; and where a
 * release prints a figure for the same thing (Table 5's EBITDA), that figure and the difference.
 */
function derivedSource(model: IIJModel, line: DerivedLine, periodInput: unknown): string {
  const answer = derivedValue(model, line, periodInput);
  const text = [
    `${line.label}, ${answer.period}: computed from printed figures (no release prints it). ${line.definition}: ${derivedArithmetic(answer)}.`,
  ];
  const printedAs =
    line.printedAs && model.catalogue(line.printedAs.statement).get(line.printedAs.row);
  if (printedAs) {
    const reading = model.reading(printedAs, answer.period, "JPY thousands");
    if (reading.kind === "value")
      text.push(
        `${printedAs.table} prints ${printedAs.label} ${reading.figure.printed} ${printedAs.unit} for ${answer.period} (=IIJ.${printedAs.statement}("${answer.period}","${printedAs.label}")), ${formatPrinted(reading.value.minus(answer.value))} JPY thousands from this: a gap in the release, noted by its checks.`
      );
  }
  text.push(`Figures used: ${answer.parts.map((p) => citeFigure(p.figure, p.item)).join(" ")}`);
  return text.join(" ");
}

function printedSource(model: IIJModel, item: Item, periodInput: unknown): string {
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
    const unit = e.range ? ` ${defaultUnit("GUIDANCE", e.range.unit)}` : "";
    return `${releaseName(e.release)}, ${guidancePlace(e)}, ${what}.${unit}`;
  }
  const request = model.resolveQuarter(periodInput, item.statement);
  const key = periodKey(request.period);
  const history = model.figureHistory(item.statement, item.id, key, "amount");
  const used = model.figure(item.statement, item.id, key, "amount", request.vintage);
  if (!used) throw notAvailable(`"${item.label}" is not printed for ${key}.`);
  const text = [citeFigure(used, item)];
  if (item.statement === "KPI" && item.unit === "JPY millions")
    text.push(defaultUnit("KPI", item.unit));
  if (history.length > 1) {
    const others = history.filter((f) => f !== used).map((f) => `${f.printed} in ${f.release.id}`);
    text.push(
      `Also printed: ${others.join(", ")} (the latest release wins; add @first to the period for the first report).`
    );
  }
  return text.join(" ");
}

/**
 * The unit a table's or guidance's amount is returned in, said where it differs from the
 * statements' JPY thousands: a formula mixing them without a unit argument is off by 1,000.
 */
function defaultUnit(fn: "KPI" | "GUIDANCE", printed: string): string {
  return `IIJ.${fn} returns it in ${printed} as printed unless its unit argument names another; the statements print JPY thousands, so give the same unit to both when combining them.`;
}

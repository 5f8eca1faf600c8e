/**
 * The pane's Find / Insert, Trace, Checks and Repair sections: DOM wiring only (text via
 * textContent, never innerHTML). The logic is in find-insert.ts, trace.ts, selection-trace.ts,
 * repair.ts; this file connects it to the elements of taskpane.html and to Excel.
 */
import { type IIJModel, runChecks } from "../model";
import { type FoundRow, find, insertIntoSelection } from "./find-insert";
import { element } from "./dom";
import { recalculateIijFormulas } from "./repair";
import { debounce, traceActiveCell } from "./selection-trace";
import type { Provenance } from "./trace";

function renderFound(list: HTMLUListElement, rows: readonly FoundRow[], active: number): void {
  list.replaceChildren(
    ...rows.map((row, i) => {
      const li = document.createElement("li");
      li.id = `found-${i}`;
      li.className = "found";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === active));
      const label = document.createElement("span");
      label.className = "found__label";
      label.textContent = row.label;
      const meta = document.createElement("span");
      meta.className = "found__meta";
      meta.textContent = `${row.statement} · ${row.value}`;
      const formula = document.createElement("code");
      formula.className = "found__formula";
      formula.textContent = row.formula;
      li.append(label, meta, formula);
      return li;
    })
  );
}

function renderProvenance(target: HTMLElement, provenance: Provenance | null): void {
  if (!provenance) {
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent =
      "Select a cell with an =IIJ. formula, or a value on the IIJ Model sheet, to see where it comes from.";
    target.replaceChildren(p);
    return;
  }
  const title = document.createElement("p");
  title.className = "trace__title";
  title.textContent = provenance.title;
  const list = document.createElement("dl");
  list.className = "trace__list";
  for (const [label, text] of provenance.lines) {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = text;
    list.append(dt, dd);
  }
  target.replaceChildren(title, list);
}

export function setUpDiscover(model: IIJModel, unitOf: () => string): void {
  const input = element("find-input", HTMLInputElement);
  const list = element("find-results", HTMLUListElement);
  const insert = element("insert-formula", HTMLButtonElement);
  const status = element("find-status", HTMLParagraphElement);
  let rows: FoundRow[] = [];
  let active = 0;
  // Formulas name a unit only when it is not the one the release prints.
  const formulaUnit = () => (unitOf() === "JPY thousands" ? undefined : unitOf());
  const refresh = () => {
    rows = find(model, input.value, { unit: formulaUnit() });
    active = 0;
    renderFound(list, rows, active);
    input.setAttribute("aria-activedescendant", rows.length ? "found-0" : "");
    insert.disabled = rows.length === 0;
    status.textContent =
      input.value.trim() === "" ? "" : `${rows.length} match${rows.length === 1 ? "" : "es"}.`;
  };
  const move = (by: number) => {
    if (rows.length === 0) return;
    active = (active + by + rows.length) % rows.length;
    renderFound(list, rows, active);
    input.setAttribute("aria-activedescendant", `found-${active}`);
  };
  const doInsert = async () => {
    if (rows.length === 0) return;
    insert.disabled = true;
    try {
      status.textContent = await Excel.run((context) =>
        insertIntoSelection(context, model, rows, active, formulaUnit())
      );
    } catch (error) {
      status.textContent = `Could not insert: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      insert.disabled = rows.length === 0;
    }
  };
  input.addEventListener("input", refresh);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") move(1);
    else if (event.key === "ArrowUp") move(-1);
    else if (event.key === "Enter") void doInsert();
    else return;
    event.preventDefault();
  });
  list.addEventListener("click", (event) => {
    const li = (event.target as HTMLElement).closest("li");
    if (!li) return;
    active = Number(li.id.replace("found-", ""));
    renderFound(list, rows, active);
  });
  insert.addEventListener("click", () => void doInsert());

  const trace = element("trace", HTMLDivElement);
  renderProvenance(trace, null);
  const update = debounce(() => {
    Excel.run((context) => traceActiveCell(context, model)).then(
      (p) => renderProvenance(trace, p),
      () => renderProvenance(trace, null)
    );
  }, 250);
  void Excel.run(async (context) => {
    context.workbook.onSelectionChanged.add(async () => update());
    await context.sync();
  });

  const checks = element("checks-list", HTMLUListElement);
  const results = runChecks(model);
  const failed = results.filter((r) => r.status === "fail").length;
  element("checks-summary", HTMLElement).textContent =
    `Checks: ${results.length - failed} passed or noted, ${failed} failed`;
  checks.replaceChildren(
    ...results
      .filter((r) => r.status !== "pass")
      .concat(results.filter((r) => r.status === "pass"))
      .map((r) => {
        const li = document.createElement("li");
        li.className = `check check--${r.status}`;
        li.textContent = `${r.status.toUpperCase()} ${r.period} ${r.name}: ${r.detail} [${r.source}]`;
        return li;
      })
  );

  const repair = element("repair-formulas", HTMLButtonElement);
  const repairStatus = element("repair-status", HTMLParagraphElement);
  repair.addEventListener("click", () => {
    repair.disabled = true;
    Excel.run((context) => recalculateIijFormulas(context))
      .then((outcome) => (repairStatus.textContent = outcome.message))
      .catch(
        (error: unknown) =>
          (repairStatus.textContent = `Could not recalculate: ${error instanceof Error ? error.message : String(error)}`)
      )
      .finally(() => (repair.disabled = false));
  });
}

/**
 * The pane's Find / Insert, Trace, Checks and Repair sections: DOM wiring only (text via
 * textContent, never innerHTML). The logic is in ../functions/formula-text.ts (find with values),
 * find-insert.ts, trace.ts, selection-trace.ts and repair.ts; this file connects it to the
 * elements of taskpane.html and to Excel.
 */
import { type Found, findAllWithValues, isStatedFound } from "../functions/formula-text";
import { type IIJModel, runChecks } from "../model";
import { FIND_LIMIT, LOADING_MESSAGE, insertIntoSelection } from "./find-insert";
import { element } from "./dom";
import { recalculateIijFormulas } from "./repair";
import { debounce, traceActiveCell } from "./selection-trace";
import type { Provenance } from "./trace";

function renderFound(list: HTMLUListElement, rows: readonly Found[], active: number): void {
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
      meta.textContent = isStatedFound(row)
        ? `stated in the text · ${row.value} ${row.unit}, ${row.period}`
        : `${row.statement} · ${row.value}`;
      // A stated figure's sentence is its source: shown on hover and read by screen readers.
      if (isStatedFound(row)) li.title = row.source;
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

/** The search box, its list of matches and the Insert button, with the matches shown. */
interface FindView {
  readonly input: HTMLInputElement;
  readonly list: HTMLUListElement;
  readonly insert: HTMLButtonElement;
  readonly status: HTMLParagraphElement;
  rows: Found[];
  /** The index of the chosen match in `rows`. */
  active: number;
}

function findView(): FindView {
  return {
    input: element("find-input", HTMLInputElement),
    list: element("find-results", HTMLUListElement),
    insert: element("insert-formula", HTMLButtonElement),
    status: element("find-status", HTMLParagraphElement),
    rows: [],
    active: 0,
  };
}

/** Searches for what the box holds and lists the matches, the first one chosen. */
function showMatches(view: FindView, model: IIJModel, unit: string | undefined): void {
  view.rows = findAllWithValues(model, view.input.value, { unit, limit: FIND_LIMIT });
  choose(view, 0);
  view.insert.disabled = view.rows.length === 0;
  const count = view.rows.length;
  view.status.textContent =
    view.input.value.trim() === "" ? "" : `${count} match${count === 1 ? "" : "es"}.`;
}

function choose(view: FindView, index: number): void {
  view.active = index;
  renderFound(view.list, view.rows, index);
  view.input.setAttribute("aria-activedescendant", view.rows.length ? `found-${index}` : "");
}

/** Moves the choice down (1) or up (-1) the list, round from the last to the first. */
function move(view: FindView, by: number): void {
  const count = view.rows.length;
  if (count > 0) choose(view, (view.active + by + count) % count);
}

/**
 * Writes the chosen match's formula (or a block of them) into the selection, and says how it went.
 * Not while this pane loads a quarter (`loading`); a load in another pane is found by Insert's read.
 */
async function insertChosen(
  view: FindView,
  model: IIJModel,
  unit: string | undefined,
  loading: () => boolean
) {
  if (view.rows.length === 0) return;
  if (loading()) {
    view.status.textContent = LOADING_MESSAGE;
    return;
  }
  view.insert.disabled = true;
  try {
    view.status.textContent = await Excel.run((context) =>
      insertIntoSelection(context, model, view.rows, view.active, unit)
    );
  } catch (error) {
    view.status.textContent = `Could not insert: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    view.insert.disabled = view.rows.length === 0;
  }
}

/** Find and insert: typing searches, arrows move through the matches, Enter or the button inserts. */
function setUpFindAndInsert(
  modelOf: () => IIJModel,
  unitOf: () => string,
  loading: () => boolean
): void {
  const view = findView();
  // The pane's unit for every amount offered: formulaFor names it only where it is not the
  // item's default (statements: JPY thousands; the tables' and guidance's amounts: JPY millions),
  // so figures inserted side by side are in one unit.
  const formulaUnit = () => unitOf();
  view.input.addEventListener("input", () => showMatches(view, modelOf(), formulaUnit()));
  view.input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") move(view, 1);
    else if (event.key === "ArrowUp") move(view, -1);
    else if (event.key === "Enter") void insertChosen(view, modelOf(), formulaUnit(), loading);
    else return;
    event.preventDefault();
  });
  view.list.addEventListener("click", (event) => {
    const li = (event.target as HTMLElement).closest("li");
    if (li) choose(view, Number(li.id.replace("found-", "")));
  });
  view.insert.addEventListener(
    "click",
    () => void insertChosen(view, modelOf(), formulaUnit(), loading)
  );
}

/** Where this number comes from: the active cell traced once the selection settles. */
function setUpTrace(modelOf: () => IIJModel): void {
  const trace = element("trace", HTMLDivElement);
  renderProvenance(trace, null);
  const update = debounce(() => {
    Excel.run((context) => traceActiveCell(context, modelOf())).then(
      (p) => renderProvenance(trace, p),
      () => renderProvenance(trace, null)
    );
  }, 250);
  void Excel.run(async (context) => {
    context.workbook.onSelectionChanged.add(async () => update());
    await context.sync();
  });
}

/**
 * Data checks: a summary, then every check, failed and noted ones first. Called again when the
 * workbook's releases change (Add a release), since the checks run over the model's releases.
 */
export function showChecks(model: IIJModel): void {
  const results = runChecks(model);
  const failed = results.filter((r) => r.status === "fail").length;
  element("checks-summary", HTMLElement).textContent =
    `Checks: ${results.length - failed} passed or noted, ${failed} failed`;
  element("checks-list", HTMLUListElement).replaceChildren(
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
}

/** Recalculate IIJ formulas: the button, disabled while it runs, and what came of it. */
function setUpRepair(): void {
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

/**
 * Wires the pane's Find / Insert, Trace, Checks and Repair sections.
 * @param modelOf the current model, asked for at each use: a release added to or removed from the
 *   workbook replaces it (src/model/registry.ts), and Find and Trace must answer from the new one
 * @param loading whether this pane is loading a quarter (Insert waits for it)
 */
export function setUpDiscover(
  modelOf: () => IIJModel,
  unitOf: () => string,
  loading: () => boolean = () => false
): void {
  setUpFindAndInsert(modelOf, unitOf, loading);
  setUpTrace(modelOf);
  showChecks(modelOf());
  setUpRepair();
}

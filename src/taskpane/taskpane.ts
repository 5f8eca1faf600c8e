// The task pane page. It also hosts the custom functions (shared runtime: see manifest.xml). The
// Load quarter logic lives in LoadController, Add a release in release-view.ts; this file only
// wires them to the DOM and to Excel. The model is asked for at each use (defaultModel()): a
// release added to the workbook replaces it (src/model/registry.ts).
import { defaultModel } from "../model";
import { type PlanFor, loadPlan } from "../sheet/excel-writer";
import { planFromHeader } from "../sheet/plan";
import { setUpDiscover, showChecks } from "./discover-view";
import { element } from "./dom";
import { LoadController, type Tone } from "./load-controller";
import { openWorkbookReleases, setUpAddRelease } from "./release-view";

function showStatus(message: string, tone: Tone | "warning"): void {
  const status = element("status", HTMLParagraphElement);
  status.textContent = message;
  status.className = `status status--${tone}`;
}

/** Fills a select with `options`, keeping its choice when it is still one of them. */
function fillSelect(select: HTMLSelectElement, options: readonly string[]): void {
  const chosen = select.value;
  select.replaceChildren(
    ...options.map((value) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      return option;
    })
  );
  if (options.includes(chosen)) select.value = chosen;
}

function setUpLoadQuarter(): LoadController {
  const quarter = element("quarter", HTMLSelectElement);
  const unit = element("unit", HTMLSelectElement);
  const button = element("load-quarter", HTMLButtonElement);
  // Lets a failed reload redraw the previous model from the quarter and unit its header records.
  const planFor: PlanFor = (header) => planFromHeader(defaultModel(), header);
  const controller = new LoadController(
    defaultModel,
    (plan) => Excel.run((context) => loadPlan(context, plan, planFor)),
    {
      setBusy: (busy) => {
        button.disabled = busy;
        button.setAttribute("aria-busy", String(busy));
      },
      setStatus: showStatus,
    }
  );
  fillSelect(quarter, controller.quarters());
  fillSelect(unit, controller.units());
  button.disabled = false;
  button.addEventListener("click", () => {
    void controller.load(quarter.value, unit.value);
  });
  return controller;
}

Office.onReady(async (info) => {
  if (info.host === Office.HostType.Excel) {
    // The workbook's own releases are registered before the quarter picker is filled.
    const host = {
      setStatus: showStatus,
      run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => Excel.run(batch),
    };
    const problems = await openWorkbookReleases(host);
    const loads = setUpLoadQuarter();
    setUpAddRelease({
      ...host,
      changed: () => {
        fillSelect(element("quarter", HTMLSelectElement), loads.quarters());
        showChecks(defaultModel());
      },
    });
    // Insert waits while this pane loads a quarter: one "busy" state for both.
    setUpDiscover(
      defaultModel,
      () => element("unit", HTMLSelectElement).value,
      () => loads.loading
    );
    if (problems.length > 0) showStatus(problems.join(" "), "warning");
    else showStatus("Ready. Pick a quarter and load it, or type =IIJ. in a cell.", "info");
  } else {
    showStatus("Open this pane from Excel to load quarters and use the IIJ functions.", "warning");
  }
});

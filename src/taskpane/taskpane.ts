// The task pane page. It also hosts the custom functions (shared runtime: see manifest.xml). The
// Load quarter logic lives in LoadController; this file only wires it to the DOM and to Excel.
import { defaultModel } from "../model";
import { type PlanFor, loadPlan } from "../sheet/excel-writer";
import { planFromHeader } from "../sheet/plan";
import { setUpDiscover } from "./discover-view";
import { element } from "./dom";
import { LoadController, type Tone } from "./load-controller";

function showStatus(message: string, tone: Tone | "warning"): void {
  const status = element("status", HTMLParagraphElement);
  status.textContent = message;
  status.className = `status status--${tone}`;
}

function fillSelect(select: HTMLSelectElement, options: readonly string[]): void {
  select.replaceChildren(
    ...options.map((value) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      return option;
    })
  );
}

function setUpLoadQuarter(): LoadController {
  const quarter = element("quarter", HTMLSelectElement);
  const unit = element("unit", HTMLSelectElement);
  const button = element("load-quarter", HTMLButtonElement);
  const model = defaultModel();
  // Lets a failed reload redraw the previous model from the quarter and unit its header records.
  const planFor: PlanFor = (header) => planFromHeader(model, header);
  const controller = new LoadController(
    model,
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

Office.onReady((info) => {
  if (info.host === Office.HostType.Excel) {
    const loads = setUpLoadQuarter();
    // Insert waits while this pane loads a quarter: one "busy" state for both.
    setUpDiscover(
      defaultModel(),
      () => element("unit", HTMLSelectElement).value,
      () => loads.loading
    );
    showStatus("Ready. Pick a quarter and load it, or type =IIJ. in a cell.", "info");
  } else {
    showStatus("Open this pane from Excel to load quarters and use the IIJ functions.", "warning");
  }
});

/**
 * Add a release, in the pane: paste a release's text or pick a file, run the same ingest as
 * `iij-model ingest` (pure TypeScript, in the pane: nothing is sent anywhere), show what it found
 * (figures read, repairs with their arithmetic, the release's own inconsistencies, unresolved
 * cells, the quarters it restates), and on confirmation store it in the workbook
 * (release-store.ts) and register it (src/model/registry.ts): the functions, the quarter picker and
 * Load quarter use it at once. The stored releases are listed, each with Remove. User text only
 * ever reaches the page as text nodes.
 */
import {
  type IIJModel,
  type Release,
  defaultModel,
  isBundled,
  restatementsOf,
  setWorkbookReleases,
  workbookReleases,
} from "../model";
import { type IngestResult, findingText, ingestRelease } from "../model/ingest";
import { element } from "./dom";
import type { Tone } from "./load-controller";
import { openStoredReleases, removeStoredRelease, storeRelease } from "./release-store";

export interface ReleaseViewHost {
  setStatus(message: string, tone: Tone | "warning"): void;
  /** The registered releases changed: the quarter picker and the other views redraw. */
  changed(): void;
  /** Excel.run, or the double's. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

interface Elements {
  readonly text: HTMLTextAreaElement;
  readonly file: HTMLInputElement;
  readonly ingest: HTMLButtonElement;
  readonly summary: HTMLDivElement;
  readonly add: HTMLButtonElement;
  readonly list: HTMLUListElement;
}

interface State {
  readonly host: ReleaseViewHost;
  readonly view: Elements;
  /** The release read from the text, until it is added or the text changes. */
  read: Release | null;
  /** Set once the workbook was found to hold the release already: Add then replaces it. */
  replace: boolean;
  busy: boolean;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function textElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A collapsed list of lines under a heading with its count; nothing when there are none. */
function detailsOf(title: string, lines: readonly string[]): HTMLElement[] {
  if (lines.length === 0) return [];
  const details = document.createElement("details");
  details.className = "release-summary__details";
  details.append(textElement("summary", `${title} (${lines.length})`));
  const list = textElement("ul", "", "release-summary__list");
  list.append(...lines.map((line) => textElement("li", line)));
  details.append(list);
  return [details];
}

/** What a restatement changes, in words: per quarter, the figures reprinted and those changed. */
function restatementLines(model: IIJModel, release: Release): string[] {
  return restatementsOf(model, release).map((r) => {
    const changed = r.changed.map((c) => `${c.label} ${c.was} → ${c.now} (was ${c.previous})`);
    return (
      `Restates ${r.period}: ${plural(r.figures, "figure")} reprinted, ` +
      (changed.length === 0 ? "none changed." : `${changed.length} changed: ${changed.join("; ")}.`)
    );
  });
}

/** The ingest's summary as the pane shows it: the outcome, then each kind of finding. */
function renderSummary(view: Elements, result: IngestResult, release: Release): void {
  const s = result.summary;
  const head = [
    textElement(
      "p",
      `${release.title} (release of ${release.id}, latest quarter ${release.latestQuarter}): ${s.status}.`,
      "release-summary__title"
    ),
    textElement(
      "p",
      `${plural(s.figures, "figure")} read; ${plural(s.repairs.length, "repair")}; ${plural(s.inconsistencies.length, "inconsistency", "inconsistencies")} of the release's own; ${s.unresolved.length} unresolved.`
    ),
    ...restatementLines(defaultModel(), release).map((line) => textElement("p", line)),
    ...(isBundled(release.id)
      ? [
          textElement(
            "p",
            "The add-in bundles a release of this date: the stored copy replaces it in this workbook."
          ),
        ]
      : []),
  ];
  view.summary.replaceChildren(
    ...head,
    ...detailsOf(
      "Unresolved cells (the functions answer #N/A for them)",
      s.unresolved.map(findingText.unresolved)
    ),
    ...detailsOf("Repairs", s.repairs.map(findingText.repair)),
    ...detailsOf(
      "The release's own inconsistencies",
      s.inconsistencies.map(findingText.inconsistency)
    ),
    ...detailsOf("Lines renamed or new", [
      ...s.renamed.map((c) => `renamed ${findingText.renamed(c)}`),
      ...s.added.map((c) => `new ${findingText.added(c)}`),
    ]),
    ...detailsOf("Not read", s.problems)
  );
  view.summary.hidden = false;
}

function forget(state: State): void {
  state.read = null;
  state.replace = false;
  state.view.add.hidden = true;
  state.view.add.textContent = "Add to workbook";
  state.view.summary.hidden = true;
  state.view.summary.replaceChildren();
}

/** Ingest: reads the pasted text, and shows what it found or why it is not a release. */
function ingestText(state: State, sourceName?: string): void {
  forget(state);
  const text = state.view.text.value;
  if (text.trim() === "")
    return state.host.setStatus("Paste a release's text, or pick a text file, first.", "error");
  let result: IngestResult;
  try {
    result = ingestRelease(text, sourceName ? { sourceName } : {});
  } catch (error) {
    return state.host.setStatus(`Could not read the release: ${reasonOf(error)}`, "error");
  }
  if (result.status === "not a release" || !result.release)
    return state.host.setStatus(
      `This text is not a release the add-in can read: ${result.reason ?? "unreadable"}.`,
      "error"
    );
  state.read = result.release;
  renderSummary(state.view, result, result.release);
  state.view.add.hidden = false;
  const unresolved = result.summary.unresolved.length;
  state.host.setStatus(
    `Read the release of ${result.release.id}${unresolved ? `, ${unresolved} cell(s) unresolved` : ""}. Check the summary, then Add to workbook.`,
    unresolved ? "warning" : "info"
  );
}

function setBusy(state: State, busy: boolean): void {
  state.busy = busy;
  const buttons = [
    state.view.ingest,
    state.view.add,
    ...state.view.list.querySelectorAll("button"),
  ];
  for (const button of buttons) {
    button.disabled = busy;
    button.setAttribute("aria-busy", String(busy));
  }
  syncIngest(state);
}

/** Ingest runs when nothing is being stored and there is text to read. */
function syncIngest(state: State): void {
  state.view.ingest.disabled = state.busy || state.view.text.value.trim() === "";
}

/** The stored releases, each with its Remove button. */
function renderList(state: State, stored: readonly Release[]): void {
  const items = stored.map((release) => {
    const li = textElement("li", "", "release-list__item");
    const label = `${release.id} · ${release.latestQuarter}${isBundled(release.id) ? " (replaces the bundled copy)" : ""}`;
    const remove = textElement("button", "Remove", "button button--small");
    remove.type = "button";
    remove.setAttribute("aria-label", `Remove the release of ${release.id}`);
    remove.addEventListener("click", () => void removeRelease(state, release.id));
    li.append(textElement("span", label, "release-list__label"), remove);
    return li;
  });
  state.view.list.replaceChildren(
    ...(items.length > 0
      ? items
      : [
          textElement(
            "li",
            "None: only the releases bundled with the add-in.",
            "release-list__none"
          ),
        ])
  );
}

/**
 * After a write: the set it stored was registered before its sync (`willWrite`, so that Excel's
 * recalculation answers from it); redraws the list and what depends on the releases.
 */
function written(state: State): void {
  renderList(state, workbookReleases());
  state.host.changed();
}

/** Runs a store operation with the buttons disabled, registering the new set before its write. */
async function whileBusy(state: State, work: () => Promise<void>): Promise<void> {
  if (state.busy) return;
  setBusy(state, true);
  const previous = workbookReleases();
  try {
    await work();
  } catch (error) {
    // The write failed after the new set was registered: the workbook holds the previous one.
    if (workbookReleases() !== previous) setWorkbookReleases(previous);
    state.host.changed();
    state.host.setStatus(`The workbook was not changed: ${reasonOf(error)}`, "error");
  } finally {
    setBusy(state, false);
  }
}

/** Add to workbook (or Replace in workbook, once the workbook was found to hold the release). */
function addRelease(state: State): Promise<void> {
  const release = state.read;
  if (!release) return Promise.resolve();
  return whileBusy(state, async () => {
    const outcome = await state.host.run((context) =>
      storeRelease(context, release, { replace: state.replace, willWrite: setWorkbookReleases })
    );
    if (outcome.kind === "already stored") {
      state.replace = true;
      state.view.add.textContent = "Replace in workbook";
      state.host.setStatus(
        `This workbook already holds the release of ${release.id}. Click Replace in workbook to store this copy instead.`,
        "warning"
      );
      return;
    }
    forget(state);
    state.view.text.value = "";
    state.view.file.value = "";
    written(state);
    state.host.setStatus(
      `${outcome.replaced ? "Replaced" : "Added"} the release of ${release.id} in this workbook: the functions, the quarter picker and Load quarter use ${release.latestQuarter} now.`,
      "success"
    );
  });
}

function removeRelease(state: State, releaseId: string): Promise<void> {
  return whileBusy(state, async () => {
    await state.host.run((context) => removeStoredRelease(context, releaseId, setWorkbookReleases));
    written(state);
    const back = isBundled(releaseId) ? " The bundled release of that date is used again." : "";
    state.host.setStatus(
      `Removed the release of ${releaseId} from this workbook.${back}`,
      "success"
    );
  });
}

/** A picked file's text (FileReader, as text), put in the text box and ingested. */
function readFile(state: State): void {
  const file = state.view.file.files?.[0];
  if (!file) return;
  const reader = new FileReader();
  reader.addEventListener("load", () => {
    state.view.text.value = String(reader.result ?? "");
    syncIngest(state);
    // A file picked while a release is stored waits in the box: reading it now would drop the
    // reading being stored.
    if (!state.busy) ingestText(state, file.name);
  });
  reader.addEventListener("error", () =>
    state.host.setStatus(`Could not read ${file.name}: ${reasonOf(reader.error)}`, "error")
  );
  reader.readAsText(file);
}

/**
 * The pane's start: reads the workbook's stored releases (one read) and registers them, before the
 * quarter picker is filled. A part that cannot be read is skipped and reported; a workbook that
 * cannot be read at all leaves the bundled releases.
 */
export async function openWorkbookReleases(host: Pick<ReleaseViewHost, "run">): Promise<string[]> {
  try {
    const read = await host.run((context) => openStoredReleases(context, setWorkbookReleases));
    return [...read.problems];
  } catch (error) {
    return [`The releases stored in this workbook could not be read: ${reasonOf(error)}`];
  }
}

/** Wires the Add a release section; call after `openWorkbookReleases`. */
export function setUpAddRelease(host: ReleaseViewHost): void {
  const view: Elements = {
    text: element("release-text", HTMLTextAreaElement),
    file: element("release-file", HTMLInputElement),
    ingest: element("release-ingest", HTMLButtonElement),
    summary: element("release-summary", HTMLDivElement),
    add: element("release-add", HTMLButtonElement),
    list: element("release-list", HTMLUListElement),
  };
  const state: State = { host, view, read: null, replace: false, busy: false };
  view.text.addEventListener("input", () => {
    syncIngest(state);
    if (state.read && !state.busy) forget(state);
  });
  view.ingest.addEventListener("click", () => ingestText(state));
  view.add.addEventListener("click", () => void addRelease(state));
  view.file.addEventListener("change", () => readFile(state));
  renderList(state, workbookReleases());
}

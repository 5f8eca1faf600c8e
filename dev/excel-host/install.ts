/**
 * Installs the Excel host double (double.ts) in a page: `Excel.run` over its workbook, and
 * `Office.onReady` reporting Excel. Built on its own (dev/webpack.config.js) as a script that runs
 * before office.js and the pane's bundles: the end-to-end tests inject it with Playwright's
 * addInitScript; the preview's pane page loads it right before office.js. Development only.
 */
import { type ExcelHostDouble, createExcelHost } from "./double";

/**
 * Makes `Office.onReady` report Excel (outside Office, office.js reports no host), keeping
 * office.js's own readiness: the callback runs when office.js says the page is ready.
 */
function reportExcelHost(office: typeof Office): void {
  const ready = office.onReady.bind(office);
  const info = { host: office.HostType.Excel, platform: office.PlatformType.OfficeOnline };
  office.onReady = ((callback?: (value: typeof info) => void) =>
    ready().then(() => {
      callback?.(info);
      return info;
    })) as typeof office.onReady;
}

/** The preview's copy of the pane page (webpack.config.js), which the preview page frames. */
const PREVIEW_PANE_PAGE = /\/preview-pane\.html$/;

/**
 * The double this page works on: its own if one is installed already; the preview's, when this is
 * the preview's pane; a new one otherwise (the tests' pages, or a frame office.js opens inside one
 * of them, which shares its same-origin parent's). The preview creates its double before it sets
 * its pane frame's address, so the pane always finds it there: a pane that made its own instead
 * would load the model into a workbook no grid shows. So the pane never does: without the
 * preview's double it stops, loudly.
 */
function discoverHost(): ExcelHostDouble {
  if (window.__iijExcelHost) return window.__iijExcelHost;
  let parent: Window | undefined;
  try {
    parent = window.parent !== window ? window.parent : undefined;
    void parent?.document; // throws for a parent from another origin
  } catch {
    parent = undefined;
  }
  if (parent?.__iijExcelHost) return parent.__iijExcelHost;
  if (parent && PREVIEW_PANE_PAGE.test(window.location.pathname))
    throw new Error(
      "The preview's pane found no Excel host double on the preview page: the preview must " +
        "create it (window.__iijExcelHost) before it sets the pane frame's src."
    );
  return createExcelHost();
}

function install(): void {
  const host = discoverHost();
  window.__iijExcelHost = host;
  (window as unknown as { Excel: unknown }).Excel = { run: host.run.bind(host) };
  // Outside Office, office.js sends a framed page (the preview's pane) to about:blank unless the
  // global OsfOptOut is defined when its strings script has loaded: set it before office.js runs.
  if (window.top !== window) (window as unknown as { OsfOptOut: boolean }).OsfOptOut = true;
  // Office is already defined only in a page that loads this after office.js: none here does, but
  // such a page gets its Office patched at once. The preview's pane page and the tests load this
  // before office.js, so wait for it: the document turns "interactive" after parser-blocking
  // scripts such as office.js ran and before deferred ones (the pane's bundles) run.
  // A page without office.js (a frame office.js itself opens) is left as it is.
  if (typeof Office !== "undefined") reportExcelHost(Office);
  else {
    const onState = () => {
      if (document.readyState === "loading") return;
      document.removeEventListener("readystatechange", onState);
      if (typeof Office !== "undefined") reportExcelHost(Office);
    };
    document.addEventListener("readystatechange", onState);
  }
}

if (typeof window !== "undefined" && typeof document !== "undefined") install();

/**
 * Installs the Excel host double (double.ts) in a page: `Excel.run` over its workbook, and
 * `Office.onReady` reporting Excel. Built on its own (dev/webpack.config.js) as a script that runs
 * before office.js and the pane's bundles: the end-to-end tests inject it with Playwright's
 * addInitScript; the preview's pane page loads it right before office.js. Development only.
 */
import { createExcelHost } from "./double";

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

function install(): void {
  const sameOriginParent = (() => {
    try {
      return window.parent !== window ? window.parent.__iijExcelHost : undefined;
    } catch {
      return undefined; // a parent from another origin
    }
  })();
  const host = window.__iijExcelHost ?? sameOriginParent ?? createExcelHost();
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

// The task pane page. It also hosts the custom functions (shared runtime: see manifest.xml), so
// it must stay light: for now it only reports whether it is running inside Excel.

/** Shows a message in the pane's status line; `tone` picks its colour. */
function showStatus(message: string, tone: "ready" | "warning"): void {
  const status = document.getElementById("status");
  if (!(status instanceof HTMLElement)) return;
  status.textContent = message;
  status.classList.remove("status--ready", "status--warning");
  status.classList.add(`status--${tone}`);
}

Office.onReady((info) => {
  if (info.host === Office.HostType.Excel) {
    showStatus("Ready. Type =IIJ. in a cell to use the functions.", "ready");
  } else {
    showStatus("Open this pane from Excel to use the IIJ functions.", "warning");
  }
});

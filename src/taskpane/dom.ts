/** The pane's element with this id, checked to be of the expected kind (the page and code agree). */
export function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`The pane is missing #${id}`);
  return found;
}

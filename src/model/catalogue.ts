import type { PrintedUnit, StatementId } from "../data/types";
import { GUIDANCE_ALIASES, lineSpec } from "./statements";
import { invalidValue, notAvailable } from "./errors";
import { LOOKUP_CACHE_BYTES, LruCache, textBytes } from "./memo";
import { isOmitted, nameKey, nearestNames, shown } from "./names";

/** A line item of a statement or table, as the latest release that prints it labels it. */
export interface Item {
  readonly statement: StatementId;
  readonly id: string;
  readonly label: string;
  readonly section: string;
  readonly unit: PrintedUnit;
  /** Title of the printed table ("Table 5. Other Financial Statistics") and where it is. */
  readonly table: string;
  readonly page: string;
  readonly footnote?: string;
  /** Every label this item was printed under, latest first (labels change between releases). */
  readonly printedLabels: readonly string[];
}

/** The last heading of a section path: "Investing Activities" for ".../Investing Activities". */
export function innermostSection(section: string): string {
  const parts = section.split(" / ");
  return parts[parts.length - 1];
}

/** Finds items of one statement by id, printed label (any release's) or alias. */
export class ItemCatalogue {
  private readonly byId = new Map<string, Item>();
  private readonly byName = new Map<string, Set<string>>();
  /**
   * What each text typed so far resolved to: a workbook repeats a few hundred names in many cells.
   * An entry is estimated at its key and 100 bytes of bookkeeping (the item is shared).
   */
  private readonly found = new LruCache<string, Item>(
    LOOKUP_CACHE_BYTES,
    (input) => textBytes(input) + 100
  );

  constructor(
    readonly statement: StatementId,
    readonly items: readonly Item[]
  ) {
    for (const item of items) {
      this.byId.set(item.id, item);
      const names = [item.id, ...item.printedLabels, ...this.aliasesOf(item.id)];
      if (item.section) {
        // Section-qualified names make repeated labels ("Other" in two cash-flow sections) reachable.
        const section = innermostSection(item.section);
        for (const label of item.printedLabels)
          names.push(`${section} ${label}`, `${label} (${section})`);
      }
      for (const name of names) this.addName(name, item.id);
    }
  }

  private addName(name: string, id: string): void {
    const key = nameKey(name);
    if (!key) return;
    const ids = this.byName.get(key) ?? new Set<string>();
    ids.add(id);
    this.byName.set(key, ids);
  }

  /** The short names statements.ts gives an item (not its labels or id). */
  aliasesOf(id: string): readonly string[] {
    if (this.statement === "GUIDANCE") return GUIDANCE_ALIASES.get(id) ?? [];
    return lineSpec(this.statement, id).aliases ?? [];
  }

  get(id: string): Item | undefined {
    return this.byId.get(id);
  }

  /** The ids of the items a name (not an id typed exactly) names: none, one, or several. */
  idsNamed(input: string): readonly string[] {
    const item = this.byId.get(input.trim());
    return item ? [item.id] : [...(this.byName.get(nameKey(input)) ?? [])];
  }

  /** Resolves what the user typed; unknown names are `#N/A`, ambiguous ones `#VALUE!`, both naming choices. */
  resolve(input: unknown, argument = "item"): Item {
    if (isOmitted(input)) {
      throw invalidValue(`An ${argument} is required. ${this.validChoices()}`);
    }
    if (typeof input !== "string") {
      throw invalidValue(
        `The ${argument} must be text (a printed label or an id); got ${describeValue(input)}. ${this.validChoices()}`
      );
    }
    const found = this.find(input);
    if (found) return found;
    const ids = this.byName.get(nameKey(input));
    if (ids && ids.size > 1) {
      const choices = [...ids].map((id) => {
        const item = this.byId.get(id) as Item;
        return `${id} ("${item.label}" under ${innermostSection(item.section) || this.statement})`;
      });
      throw invalidValue(
        `"${shown(input)}" is ambiguous in ${this.statement}: it could be ${choices.join(" or ")}. Use the id or qualify it with its section.`
      );
    }
    // Suggest printed labels, whichever of an item's names (label, alias, id) came close.
    const candidates: [string, string][] = [];
    for (const [key, idSet] of this.byName) {
      for (const id of idSet) candidates.push([key, (this.byId.get(id) as Item).label]);
    }
    const near = nearestNames(input, candidates);
    const hint = near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : "";
    throw notAvailable(
      `${this.statement} has no ${argument} "${shown(input)}".${hint} ${this.validChoices()}`
    );
  }

  /**
   * The item `input` names without ambiguity (its id, or a name of one item only), or undefined:
   * `resolve` without the error, so callers that search several statements need not throw.
   */
  find(input: string): Item | undefined {
    const cached = this.found.get(input);
    if (cached) return cached;
    let item = this.byId.get(input.trim());
    if (!item) {
      const ids = this.byName.get(nameKey(input));
      if (ids && ids.size === 1) item = this.byId.get([...ids][0]);
    }
    return item ? this.found.set(input, item) : undefined;
  }

  validChoices(): string {
    return `Valid ${this.statement} items (ids; printed labels also work, see IIJ.ITEMS("${this.statement}")): ${this.items.map((i) => i.id).join(", ")}.`;
  }
}

export function describeValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return `the number ${value}`;
  return typeof value;
}

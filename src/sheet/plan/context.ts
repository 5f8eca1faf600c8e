/** What the model sheet is drawn from, resolved once before any row is laid out. */
import {
  type Dec,
  type IIJModel,
  type Item,
  type Quarter,
  type Release,
  invalidValue,
  periodKey,
  readRange,
} from "../../model";
import { type Identity } from "../../model";
import {
  type LineRule,
  type Seeding,
  type Targets,
  forecastLines,
  issuedBy,
  knownBounds,
  knownEntry,
  seedDrivers,
} from "../forecast";
import type { SheetUnit } from "../plan-types";
import { type PlanColumns, planColumns } from "./columns";

export interface PlanOptions {
  /** The quarter to load, e.g. "1Q01"; its columns run from the oldest printed quarter to it. */
  readonly quarter: string;
  readonly unit: SheetUnit;
}

/** A guided metric for a period: its printed range (JPY millions), its worded outlook, or both. */
export interface GuidanceLine {
  readonly period: string;
  readonly item: Item;
  readonly range?: { readonly low: Dec; readonly high: Dec };
  readonly outlook?: string;
  /** The release that issued it, and whether it had been issued when the loaded quarter was reported. */
  readonly release: Release;
  readonly known: boolean;
}

export interface PlanContext {
  readonly model: IIJModel;
  readonly release: Release;
  /** Unit of the statements' amounts (per-share data, counts and tables keep their own). */
  readonly unit: SheetUnit;
  readonly target: Quarter;
  readonly columns: PlanColumns;
  /** The first estimated quarter: the one the drivers are calibrated to and checked against. */
  readonly guided: Quarter;
  /** The guided quarter's guidance known at the loaded quarter, per scenario. */
  readonly targets: Targets;
  readonly seeding: Seeding;
  /** How each estimated line of the statements of operations is computed, by line id. */
  readonly forecast: ReadonlyMap<string, LineRule>;
  /** Every guided metric of every guided period, periods in order, metrics in catalogue order. */
  readonly guidance: readonly GuidanceLine[];
  /** Identities checked (difference 0), and those a release declares it breaks (noted apart). */
  readonly checked: readonly Identity[];
  readonly noted: readonly Identity[];
}

export function planContext(model: IIJModel, options: PlanOptions): PlanContext {
  const request = model.resolveQuarter(options.quarter, "INCOME");
  if (request.vintage.kind !== "latest") {
    throw invalidValue(
      `The model sheet shows each figure as last reported; load "${periodKey(request.period)}" without "@".`
    );
  }
  const target = request.period;
  const columns = planColumns(model, target);
  const guided = columns.estimates[0].quarter;
  const declared = new Set(model.releases.flatMap((r) => r.inconsistencies.map((i) => i.checkId)));
  const guidedKey = periodKey(guided);
  const targets: Targets = {
    revenues: knownBounds(model, "revenues", guidedKey, target),
    operating: knownBounds(model, "operating_income", guidedKey, target),
    ebitda: knownBounds(model, "ebitda", guidedKey, target),
    // An outlook for the year's operating income is read as "positive" (IIJ's only one is).
    outlookPositive:
      knownEntry(model, "operating_income", `FY${guided.fy}`, "outlook", target) !== undefined,
  };
  const estimated = columns.estimates.map((c) => c.quarter);
  const seeding = seedDrivers(model, target, estimated, targets);
  return {
    model,
    release: model.latestRelease,
    unit: options.unit,
    target,
    columns,
    guided,
    targets,
    seeding,
    forecast: forecastLines(model, seeding.basis.all),
    guidance: guidanceLines(model, target),
    checked: model.identities().filter((rule) => !declared.has(rule.checkId)),
    noted: model.identities().filter((rule) => declared.has(rule.checkId)),
  };
}

function guidanceLines(model: IIJModel, target: Quarter): GuidanceLine[] {
  return model.guidancePeriodList().flatMap((p) => {
    const period = periodKey(p);
    return model.items("GUIDANCE").flatMap((item) => {
      const range = model.guidance(item.id, period, "range").at(-1);
      const outlook = model.guidance(item.id, period, "outlook").at(-1);
      const release = (range ?? outlook)?.release;
      if (!release) return [];
      return [
        {
          period,
          item,
          range: range?.range ? readRange(range.range) : undefined,
          outlook: outlook?.outlook?.text,
          release,
          known: issuedBy(model, release, target),
        },
      ];
    });
  });
}

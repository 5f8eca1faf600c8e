/**
 * Which lines of the statements of operations are estimated, and how: every line, from the
 * revenue segments to net loss per ADS, by its role in the structure (`model.structure`) and the
 * forecast description (`statements.ts`, `forecast-spec.ts`). A line a release adds joins by its
 * role, so it is estimated and summed with no code change.
 */
import {
  ANCHORS,
  type IIJModel,
  type Line,
  type Part,
  PER_SHARE_NUMERATOR,
  type StatementStructure,
} from "../../model";
import {
  BELOW_OPERATING,
  COST_COMPONENTS,
  SEASONAL_SEGMENTS,
  SHARE_COUNTS,
} from "../../model/forecast-spec";

/** How an estimated line is computed in each estimated quarter. */
export type LineRule =
  /** The previous quarter x (1 + growth), x (1 + the seasonal factor) for a seasonal segment. */
  | { readonly kind: "growth"; readonly driver: string; readonly seasonal?: string }
  /** A share of another line of the quarter, plus the parts printed in a table (JPY millions). */
  | {
      readonly kind: "ratio";
      readonly driver: string;
      readonly of: string;
      readonly components?: readonly string[];
    }
  /** The weighted sum of its parts (a total). */
  | { readonly kind: "sum"; readonly parts: readonly Part[] }
  /** An amount per quarter, JPY millions (lines below operating income). */
  | { readonly kind: "amount"; readonly driver: string }
  /** A count per quarter (shares). */
  | { readonly kind: "count"; readonly driver: string }
  /** A count per unit of another count (ADS equivalents per share, times the shares). */
  | { readonly kind: "countRatio"; readonly driver: string; readonly of: string }
  /** Net loss (in JPY) over a count. */
  | { readonly kind: "perShare"; readonly of: string; readonly count: string };

/** Where an estimated line sits, which decides its rule when nothing describes it. */
export type Role = "revenue" | "cost" | "expense" | "total" | "below" | "count" | "perShare";

/** An estimated line: its rule, and for a line with drivers, the label its drivers take. */
export interface EstimatedLine {
  readonly id: string;
  readonly label: string;
  readonly role: Role;
  readonly rule: LineRule;
  readonly driverLabel: string;
}

function roleOf(structure: StatementStructure, line: Line): Role {
  if (line.spec.perShareOf) return "perShare";
  if (Object.values<string>(SHARE_COUNTS).includes(line.id)) return "count";
  if (line.parts.length > 0) return "total";
  if (structure.isWithin(line.id, ANCHORS.revenues)) return "revenue";
  if (structure.isWithin(line.id, ANCHORS.costs)) return "cost";
  return structure.isWithin(line.id, ANCHORS.operatingIncome) ? "expense" : "below";
}

/** A cost of revenues: a share of the revenue it serves (as described, else total revenues). */
function costRule(line: Line): LineRule {
  const own = line.spec.forecast;
  const components = COST_COMPONENTS.find((c) => c.line === line.id)?.parts;
  return {
    kind: "ratio",
    driver: own && "ratio" in own ? own.ratio : `cost_${line.id}`,
    of: own && "ratio" in own ? own.of : ANCHORS.revenues,
    ...(components ? { components } : {}),
  };
}

function growthRule(line: Line): LineRule {
  const own = line.spec.forecast;
  const driver = own && "growth" in own ? own.growth : `growth_${line.id}`;
  const seasonal = (SEASONAL_SEGMENTS as readonly string[]).includes(line.id);
  return {
    kind: "growth",
    driver,
    ...(seasonal ? { seasonal: driver.replace(/^growth_/, "season_") } : {}),
  };
}

function ruleOf(role: Role, line: Line): LineRule {
  switch (role) {
    case "total":
      return { kind: "sum", parts: line.parts };
    case "revenue":
    case "expense":
      return growthRule(line);
    case "cost":
      return costRule(line);
    case "perShare":
      return { kind: "perShare", of: PER_SHARE_NUMERATOR, count: line.spec.perShareOf as string };
    case "count":
      return line.id === SHARE_COUNTS.ads
        ? { kind: "countRatio", driver: "ads_per_share", of: SHARE_COUNTS.shares }
        : { kind: "count", driver: "shares" };
    case "below": {
      const described = BELOW_OPERATING[line.id as keyof typeof BELOW_OPERATING];
      return { kind: "amount", driver: described?.driver ?? line.id };
    }
  }
}

function estimatedLine(structure: StatementStructure, line: Line): EstimatedLine {
  const role = roleOf(structure, line);
  const own = line.spec.forecast;
  const described = BELOW_OPERATING[line.id as keyof typeof BELOW_OPERATING];
  return {
    id: line.id,
    label: line.label,
    role,
    rule: ruleOf(role, line),
    driverLabel: own?.driverLabel ?? described?.label ?? line.label,
  };
}

/** Every line of the statements of operations, in printed order (parts before their totals). */
export function estimatedLines(model: IIJModel): readonly EstimatedLine[] {
  const structure = model.structure("INCOME");
  return structure.lines.map((line) => estimatedLine(structure, line));
}

/** The estimated lines' rules, keyed by INCOME item id, in printed order. */
export function forecastLines(
  model: IIJModel,
  lines = estimatedLines(model)
): ReadonlyMap<string, LineRule> {
  return new Map(lines.map((line) => [line.id, line.rule]));
}

/** Of the estimated lines, those operating income is built from, in the order they must be computed. */
export function operatingLines(
  model: IIJModel,
  lines: readonly EstimatedLine[]
): readonly EstimatedLine[] {
  const structure = model.structure("INCOME");
  const within = new Set(structure.treeOf(ANCHORS.operatingIncome).map((line) => line.id));
  return lines.filter((line) => within.has(line.id));
}

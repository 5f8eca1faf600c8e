/** The drivers the sheet shows, in order: id, label and unit (the seeds come from `seeds.ts`). */
import type { IIJModel } from "../../model";
import { COST_COMPONENTS } from "../../model/forecast-spec";
import { balanceDrivers } from "./balance";
import { type Basis, componentDriver } from "./basis";
import type { Driver } from "./drivers";
import type { EstimatedLine } from "./rules";

export type DriverMeta = Omit<Driver, "seeds">;

const percentQoQ = "% per quarter" as const;

function growthDrivers(line: EstimatedLine): DriverMeta[] {
  if (line.rule.kind !== "growth") return [];
  const trend: DriverMeta = {
    id: line.rule.driver,
    label: `${line.driverLabel}, growth QoQ${line.rule.seasonal ? " (trend)" : ""}`,
    unit: percentQoQ,
  };
  if (!line.rule.seasonal) return [trend];
  const seasonal: DriverMeta = {
    id: line.rule.seasonal,
    label: `${line.driverLabel}, seasonal factor QoQ (x the trend)`,
    unit: percentQoQ,
  };
  return [trend, seasonal];
}

function costDrivers(model: IIJModel, line: EstimatedLine): DriverMeta[] {
  if (line.rule.kind !== "ratio") return [];
  const of = model.catalogue("INCOME").get(line.rule.of)?.label ?? line.rule.of;
  const spec = COST_COMPONENTS.find((c) => c.line === line.id);
  const parts: DriverMeta[] = (line.rule.components ?? []).map((kpi) => ({
    id: componentDriver(kpi),
    label: `${model.catalogue("KPI").get(kpi)?.label ?? kpi} (Table 4), growth QoQ`,
    unit: percentQoQ,
  }));
  const label = `${spec ? spec.restLabel : line.driverLabel}, % of ${of}`;
  return [...parts, { id: line.rule.driver, label, unit: "% of revenue" }];
}

function belowDrivers(line: EstimatedLine): DriverMeta[] {
  switch (line.rule.kind) {
    case "amount":
      return [{ id: line.rule.driver, label: line.driverLabel, unit: "JPY millions per quarter" }];
    case "count":
      return [{ id: line.rule.driver, label: line.label, unit: "shares" }];
    case "countRatio":
      return [{ id: line.rule.driver, label: "ADS equivalents per share", unit: "ADS per share" }];
    default:
      return [];
  }
}

/**
 * Revenue segments, costs of revenues, operating expenses, D&A and EBITDA, the lines below
 * operating income, then the balance sheet's and cash flow's.
 */
export function driverList(model: IIJModel, basis: Basis): DriverMeta[] {
  const byRole = (role: EstimatedLine["role"]) => basis.all.filter((line) => line.role === role);
  return [
    ...byRole("revenue").flatMap(growthDrivers),
    ...byRole("cost").flatMap((line) => costDrivers(model, line)),
    ...byRole("expense").flatMap(growthDrivers),
    {
      id: "da",
      label: "Depreciation and amortization (as in the cash flows)",
      unit: "JPY millions per quarter",
    },
    {
      id: "ebitda_gap",
      label: "Operating income + D&A - EBITDA (the Table 5 gap)",
      unit: "JPY millions per quarter",
    },
    ...byRole("below").flatMap(belowDrivers),
    ...byRole("count").flatMap(belowDrivers),
    ...balanceDrivers(),
  ];
}

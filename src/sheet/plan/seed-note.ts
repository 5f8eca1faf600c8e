/** The note under the drivers: how the seeds were worked out, in a sentence per step. */
import { type Dec, periodKey } from "../../model";
import {
  OUTLOOK_MARGIN,
  SCENARIOS,
  type Scenario,
  reportedBy,
  yearOperatingIncome,
} from "../forecast";
import type { PlanContext } from "./context";

const shown = (v: Dec) => v.toDecimalPlaces(3).toString();
const perScenario = (values: Readonly<Record<Scenario, Dec>>) =>
  SCENARIOS.map((s) => `${s} ${shown(values[s])}`).join(", ");

function guidanceSentence(ctx: PlanContext): string {
  const { model, targets, target } = ctx;
  const guided = periodKey(ctx.guided);
  const loaded = periodKey(target);
  const issuer = ctx.guidance.find((g) => g.period === guided && g.range);
  if (!targets.revenues && !targets.operating && !targets.ebitda) {
    const after = ctx.guidance.find((g) => !g.known)?.release;
    const later = after
      ? ` (guidance the data holds was issued ${after.date} with the ${periodKey(reportedBy(model, after))} results, after ${loaded})`
      : "";
    return `No guidance for ${guided} had been issued when ${loaded} was reported${later}: the seeds are the history's alone.`;
  }
  const parts = [
    targets.revenues &&
      `the seasonal factors scaled together so total revenues are on guidance (${perScenario(targets.revenues)})`,
    targets.operating &&
      `the cost ratios scaled together so operating income is (${perScenario(targets.operating)})`,
    targets.ebitda && `D&A so EBITDA is (${perScenario(targets.ebitda)})`,
  ].filter(Boolean);
  const when = issuer ? `, issued ${issuer.release.date} with the ${loaded} results` : "";
  return `${guided}E is calibrated to the guidance${when}: ${parts.join("; ")}; the ratios and D&A then carry on.`;
}

function outlookSentence(ctx: PlanContext): string {
  const { columns, model, seeding } = ctx;
  const estimated = columns.estimates.map((c) => c.quarter);
  const year = yearOperatingIncome(model, seeding, estimated, columns.fiscalYear);
  if (!year) return "";
  const lowered = !seeding.runs.Mid.later.eq(1)
    ? ` In Mid the cost ratios after ${periodKey(ctx.guided)}E are scaled by ${shown(seeding.runs.Mid.later)} so the year's operating income is ${OUTLOOK_MARGIN.times(100).toString()}% of its revenues, as the outlook (positive operating income) says.`
    : "";
  return ` FY${columns.fiscalYear}E operating income at the seeds: ${perScenario(year)} JPY millions.${lowered}`;
}

/** How the seeds were chosen, for the note below the drivers (README "Forecast" has the rules). */
export function seedNote(ctx: PlanContext): string {
  const loaded = periodKey(ctx.target);
  return [
    `Seeds (README "Forecast"): each line's trend from its own printed history up to ${loaded}: the average of a quarter of its YoY change and its last QoQ change; a growing line adds that amount each quarter, a declining one loses the same share each quarter.`,
    "Systems integration and equipment sales: the YoY trend, times a seasonal factor per quarter (the first quarter's drop beyond the trend, given back in the second half).",
    "Cost of connectivity: Table 4's backbone costs on their own trends plus the rest as a share of connectivity revenue; other costs of revenues a share of their revenue.",
    `${guidanceSentence(ctx)} Lines below operating income, shares and ADS per share stay at ${loaded}'s.${outlookSentence(ctx)}`,
  ].join(" ");
}

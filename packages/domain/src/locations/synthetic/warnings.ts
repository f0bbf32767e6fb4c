import type { SalesPanel } from './panel';

/** GeoLift's guidance for a synthetic-control test (facebookincubator/GeoLift docs, "GeoLift Walkthrough"). */
export const SYNTHETIC_GUIDANCE = { locations: 20, preWeeks: 25 } as const;

/** `method: "auto"` picks the synthetic control below this many treated locations (issue 11), DiD from it on. */
export const SYNTHETIC_BELOW_TREATED = 5;
export const prefersSynthetic = (treatedLocations: number) => treatedLocations < SYNTHETIC_BELOW_TREATED;

const listed = (ids: string[]) =>
  ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`;

/** The warnings a synthetic-control analysis carries whatever its outcome. */
export function syntheticWarnings(panel: SalesPanel, treated: number, holdouts: number, alpha: number): string[] {
  const warnings: string[] = [];
  const byReason = new Map<string, string[]>();
  for (const { location, reason } of panel.excluded) byReason.set(reason, [...(byReason.get(reason) ?? []), location]);
  for (const [reason, ids] of byReason) warnings.push(`${reason} for ${listed(ids)}; excluded`);
  if (panel.strays) warnings.push(`${panel.strays} rows belong to locations in neither group; they were ignored`);
  const candidates = treated + holdouts;
  if (candidates < SYNTHETIC_GUIDANCE.locations) {
    warnings.push(
      `only ${candidates} locations: a synthetic control needs at least ${SYNTHETIC_GUIDANCE.locations} candidate locations (GeoLift's guidance) to fit well and to have enough placebos; treat the result with caution`,
    );
  }
  if (panel.preWeeks < SYNTHETIC_GUIDANCE.preWeeks) {
    warnings.push(
      `only ${panel.preWeeks} weeks before the start: a synthetic control needs at least ${SYNTHETIC_GUIDANCE.preWeeks} pre-period weeks (GeoLift's guidance) to fit its weights; treat the result with caution`,
    );
  }
  if (holdouts > 0 && 1 / (holdouts + 1) > alpha) {
    warnings.push(
      `with ${holdouts} holdout locations the placebo p-value cannot go below 1/${holdouts + 1} = ${(1 / (holdouts + 1)).toFixed(3)} > α = ${alpha}, so the test cannot reach significance; its power is 0`,
    );
  }
  return warnings;
}

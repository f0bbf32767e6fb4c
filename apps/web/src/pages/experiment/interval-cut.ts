import type { TreatmentCuped, TreatmentResult } from '@uplift/domain';

/**
 * How much CUPED narrowed one treatment's interval: 1 − adjusted width / raw width, as the result gives it, else
 * from the intervals when both are there, else from the variance reduction (the width goes with √variance).
 */
export function intervalCut(t: TreatmentResult, cuped: TreatmentCuped): number | null {
  if (cuped.intervalReduction != null) return cuped.intervalReduction;
  const [adjusted, raw] = [t.ci, cuped.raw?.ci ?? null];
  if (adjusted && raw && raw[1] > raw[0]) return 1 - (adjusted[1] - adjusted[0]) / (raw[1] - raw[0]);
  if (cuped.varianceReduction === null) return null;
  return 1 - Math.sqrt(Math.max(0, 1 - cuped.varianceReduction));
}

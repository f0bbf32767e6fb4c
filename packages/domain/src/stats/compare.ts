import { ANALYZE_DEFAULTS } from './analyze-defaults';
import { bayesianTest } from './bayesian';
import { differenceEstimate, differenceSe } from './difference';
import type { AnalyzeRequest } from './request';
import { sequentialHalfWidth } from './sequential';
import type { Comparison, Moments } from './types';
import { welchDf, welchHalfWidth, welchPValue } from './welch';

/**
 * The request's test settings, read where used rather than copied into an options object per call (the
 * request itself qualifies). `sequential` (N*) is ignored by the Bayesian engine.
 */
export type CompareSettings = Pick<AnalyzeRequest, 'engine' | 'difference' | 'alpha' | 'sequential'>;

export const isRelative = (s: CompareSettings) => (s.difference ?? ANALYZE_DEFAULTS.difference) === 'relative';
export const isBayesian = (s: CompareSettings) => (s.engine ?? ANALYZE_DEFAULTS.engine) === 'bayesian';
export const alphaOf = (s: CompareSettings) => s.alpha ?? ANALYZE_DEFAULTS.alpha;

/**
 * One treatment (b) against the control (a). Both must have ≥ 2 users, and a non-zero control mean
 * for a relative difference (the caller words those warnings); returns null when the difference has
 * zero variance or the arithmetic overflowed, so no NaN or Infinity ever leaves the engine.
 */
export function compare(a: Moments, b: Moments, settings: CompareSettings): Comparison | null {
  const relative = isRelative(settings);
  const alpha = alphaOf(settings);
  const estimate = differenceEstimate(a, b, relative);
  const se = differenceSe(a, b, relative);
  if (!(se > 0 && se < Number.POSITIVE_INFINITY && Number.isFinite(estimate))) return null;
  let comparison: Comparison;
  if (isBayesian(settings)) {
    const { chanceToWin, ci, risk } = bayesianTest(estimate, se, alpha);
    comparison = { estimate, se, ci, pValue: null, chanceToWin, risk };
  } else if (settings.sequential != null) {
    const half = sequentialHalfWidth(se, a.users + b.users, alpha, settings.sequential);
    comparison = { estimate, se, ci: [estimate - half, estimate + half], pValue: null, chanceToWin: null, risk: null };
  } else {
    const df = welchDf(a, b);
    const half = welchHalfWidth(se, df, alpha);
    const pValue = welchPValue(estimate / se, df);
    comparison = { estimate, se, ci: [estimate - half, estimate + half], pValue, chanceToWin: null, risk: null };
  }
  return Number.isFinite(comparison.ci[0]) && Number.isFinite(comparison.ci[1]) ? comparison : null;
}

import type { Moments } from './types';

// Two functions returning plain numbers rather than one returning a pair: this runs per comparison on the hot path.

/** Treatment b against control a: relative mB/mA − 1, absolute mB − mA (GrowthBook stats engine docs). */
export function differenceEstimate(a: Moments, b: Moments, relative: boolean): number {
  return relative ? b.mean / a.mean - 1 : b.mean - a.mean;
}

/**
 * Its standard error (GrowthBook stats engine docs): relative (delta method)
 * var = vB/(mA²·nB) + vA·mB²/(mA⁴·nA); absolute var = vA/nA + vB/nB. The caller rules out mA = 0 for relative.
 */
export function differenceSe(a: Moments, b: Moments, relative: boolean): number {
  if (!relative) return Math.sqrt(a.variance / a.users + b.variance / b.users);
  const mA2 = a.mean * a.mean;
  return Math.sqrt(b.variance / (mA2 * b.users) + (a.variance * b.mean * b.mean) / (mA2 * mA2 * a.users));
}

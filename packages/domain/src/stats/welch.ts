import { tLowerTail } from './student-t';
import { tQuantileAbove } from './t-quantile';
import type { Moments } from './types';

/**
 * Welch–Satterthwaite df = (vA/nA + vB/nB)² / ((vA/nA)²/(nA−1) + (vB/nB)²/(nB−1)) (GrowthBook stats
 * engine docs); the same df serves relative and absolute differences. Needs nA, nB ≥ 2 and a non-zero sum.
 */
export function welchDf(a: Moments, b: Moments): number {
  const qa = a.variance / a.users;
  const qb = b.variance / b.users;
  return ((qa + qb) * (qa + qb)) / ((qa * qa) / (a.users - 1) + (qb * qb) / (b.users - 1));
}

/**
 * Two-sided p = 2·(1 − T_df(|t|)) of t = est/se (GrowthBook stats engine docs), computed as 2·T_df(−|t|):
 * the same number without the cancellation of 1 − T when T is near 1.
 */
export function welchPValue(t: number, df: number): number {
  return Math.min(2 * tLowerTail(t, df), 1);
}

/** Half-width t_{df,1−α/2}·se of the fixed-horizon interval est ± t_{df,1−α/2}·se (GrowthBook stats engine docs). */
export function welchHalfWidth(se: number, df: number, alpha: number): number {
  return tQuantileAbove(alpha / 2, df) * se;
}

import type { VariantStats } from './request';

export type Metric = 'binomial' | 'mean' | 'ratio';

/** m = sum/users (GrowthBook stats engine docs); null for a variant without users. Ratio metrics: ratioMean. */
export function variantMean(v: VariantStats): number | null {
  return v.users > 0 ? (v.sum ?? 0) / v.users : null;
}

/**
 * Binomial v = m(1−m); mean v = (Σx² − (Σx)²/n)/(n−1) (GrowthBook stats engine docs).
 * 0 below 2 users (callers report those as degenerate first). When every value is equal, Σx² − (Σx)²/n
 * is rounding noise of either sign rather than 0; anything within ~100 ulps of Σx² is read as exactly 0 so
 * such data is reported as zero-variance instead of yielding a meaningless standard error.
 */
export function variantVariance(metric: Exclude<Metric, 'ratio'>, v: VariantStats): number {
  const n = v.users;
  if (n < 2) return 0;
  const sum = v.sum ?? 0;
  if (metric === 'binomial') {
    const m = sum / n;
    return m * (1 - m);
  }
  const sumSquares = v.sumSquares ?? 0;
  const centred = sumSquares - (sum * sum) / n;
  return centred > 1e-14 * sumSquares ? centred / (n - 1) : 0;
}

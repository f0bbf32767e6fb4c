import type { VariantStats } from './request';
import type { Moments } from './types';

export interface CupedFit {
  theta: number;
  /** Pooled mean of x_pre, subtracted so the adjustment leaves the overall mean where it was. */
  preMean: number;
}

/**
 * θ = cov(x_pre, x)/var(x_pre) over all units of all variants pooled (Deng et al. 2013 CUPED, as in
 * GrowthBook), from the summed aggregates. null when the pre-period values do not vary (θ undefined).
 */
export function cupedFit(variants: readonly VariantStats[]): CupedFit | null {
  let n = 0;
  let sum = 0;
  let preSum = 0;
  let preSumSquares = 0;
  let sumProduct = 0;
  for (const v of variants) {
    n += v.users;
    sum += v.sum ?? 0;
    preSum += v.preSum ?? 0;
    preSumSquares += v.preSumSquares ?? 0;
    sumProduct += v.sumProduct ?? 0;
  }
  if (n < 2) return null;
  // The (n − 1) of covariance and variance cancel in the ratio.
  const preVariation = preSumSquares - (preSum * preSum) / n;
  if (!(preVariation > 1e-12 * Math.max(1, preSumSquares))) return null;
  return { theta: (sumProduct - (sum * preSum) / n) / preVariation, preMean: preSum / n };
}

/**
 * Mean and variance of y = x − θ·(x_pre − preMean) for one variant from its aggregates:
 * m_y = m_x − θ·(m_pre − preMean), v_y = v_x + θ²·v_pre − 2θ·cov(x, x_pre) (Deng et al. 2013).
 */
export function cupedMoments(v: VariantStats, fit: CupedFit): Moments {
  const n = v.users;
  const sum = v.sum ?? 0;
  const preSum = v.preSum ?? 0;
  const mean = sum / n - fit.theta * (preSum / n - fit.preMean);
  if (n < 2) return { users: n, mean, variance: 0 };
  const varX = ((v.sumSquares ?? 0) - (sum * sum) / n) / (n - 1);
  const varPre = ((v.preSumSquares ?? 0) - (preSum * preSum) / n) / (n - 1);
  const cov = ((v.sumProduct ?? 0) - (sum * preSum) / n) / (n - 1);
  const variance = varX + fit.theta * fit.theta * varPre - 2 * fit.theta * cov;
  return { users: n, mean, variance: Math.max(variance, 0) };
}

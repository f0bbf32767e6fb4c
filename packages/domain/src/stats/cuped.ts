import type { Metric } from './moments';
import type { VariantStats } from './request';
import type { Comparison, CupedEffect, Moments } from './types';

export interface CupedFit {
  theta: number;
  /** Pooled mean of x_pre, subtracted so the adjustment leaves the overall mean where it was. */
  preMean: number;
  /** Pooled correlation ρ of x and x_pre; null when x does not vary. CUPED cuts the variance by about ρ². */
  correlation: number | null;
  /** Binomial outcomes: variances and covariances over n, as for proportions; means: over n − 1. */
  binomial: boolean;
}

/**
 * θ = cov(x_pre, x)/var(x_pre) over all units of all variants pooled (Deng et al. 2013 CUPED, as in
 * GrowthBook), from the summed aggregates. null when the pre-period values do not vary (θ undefined).
 * A binomial x is 0/1, so Σx² = Σx (GrowthBook's ProportionStatistic).
 */
export function cupedFit(variants: readonly VariantStats[], metric: Metric): CupedFit | null {
  const binomial = metric === 'binomial';
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  let preSum = 0;
  let preSumSquares = 0;
  let sumProduct = 0;
  for (const v of variants) {
    n += v.users;
    sum += v.sum ?? 0;
    sumSquares += (binomial ? v.sum : v.sumSquares) ?? 0;
    preSum += v.preSum ?? 0;
    preSumSquares += v.preSumSquares ?? 0;
    sumProduct += v.sumProduct ?? 0;
  }
  if (n < 2) return null;
  // The denominators (n or n − 1) of covariance and variances cancel in θ and ρ.
  const preVariation = preSumSquares - (preSum * preSum) / n;
  if (!(preVariation > 1e-12 * Math.max(1, preSumSquares))) return null;
  const covariation = sumProduct - (sum * preSum) / n;
  const variation = sumSquares - (sum * sum) / n;
  const correlation =
    variation > 1e-12 * Math.max(1, sumSquares) ? covariation / Math.sqrt(preVariation * variation) : null;
  return {
    theta: covariation / preVariation,
    preMean: preSum / n,
    // Rounding can push |ρ| a hair past 1.
    correlation: correlation === null ? null : Math.max(-1, Math.min(1, correlation)),
    binomial,
  };
}

/**
 * Mean and variance of y = x − θ·(x_pre − preMean) for one variant from its aggregates:
 * m_y = m_x − θ·(m_pre − preMean), v_y = v_x + θ²·v_pre − 2θ·cov(x, x_pre) (Deng et al. 2013). For a
 * binomial x, v_x = m(1 − m) and v_pre, cov divide by n (GrowthBook's regression adjustment on 0/1
 * outcomes: RegressionAdjustedStatistic over ProportionStatistic, compute_covariance).
 */
export function cupedMoments(v: VariantStats, fit: CupedFit): Moments {
  const n = v.users;
  const sum = v.sum ?? 0;
  const preSum = v.preSum ?? 0;
  const mean = sum / n - fit.theta * (preSum / n - fit.preMean);
  if (n < 2) return { users: n, mean, variance: 0 };
  const divisor = fit.binomial ? n : n - 1;
  const varX = fit.binomial ? (sum / n) * (1 - sum / n) : ((v.sumSquares ?? 0) - (sum * sum) / n) / divisor;
  const varPre = ((v.preSumSquares ?? 0) - (preSum * preSum) / n) / divisor;
  const cov = ((v.sumProduct ?? 0) - (sum * preSum) / n) / divisor;
  const variance = varX + fit.theta * fit.theta * varPre - 2 * fit.theta * cov;
  return { users: n, mean, variance: Math.max(variance, 0) };
}

/** The adjusted comparison of one treatment beside its raw one: how much CUPED narrowed it. */
export function cupedEffect(adjusted: Comparison | null, raw: Comparison | null): CupedEffect {
  if (adjusted === null || raw === null) return { raw, varianceReduction: null, intervalReduction: null };
  return {
    raw,
    varianceReduction: 1 - (adjusted.se * adjusted.se) / (raw.se * raw.se),
    intervalReduction: 1 - (adjusted.ci[1] - adjusted.ci[0]) / (raw.ci[1] - raw.ci[0]),
  };
}

import type { VariantStats } from './request';
import type { Moments } from './types';

/** The ratio Σm/Σd of a variant (the mean's counterpart for ratio metrics); null without users or denominator. */
export function ratioMean(v: VariantStats): number | null {
  const denSum = v.denSum ?? 0;
  return v.users > 0 && denSum !== 0 ? (v.numSum ?? 0) / denSum : null;
}

/**
 * Mean and per-unit variance of a ratio metric by the delta method (Deng et al. 2018, "Applying the Delta
 * Method in Metric Analytics", eq. 2; GrowthBook gbstats' RatioStatistic):
 *   r = Σm/Σd,  v = v_m/μ_d² + v_d·μ_m²/μ_d⁴ − 2·c_md·μ_m/μ_d³,
 * with μ, v, c the per-unit means, sample variances and covariance, so var(r) ≈ v/n and the tests treat a
 * ratio like a mean of n units. The caller rules out n < 2 and Σd = 0. Rounding noise of exactly
 * degenerate data (every m equal, or every unit with the same m/d) is read as 0, as variantVariance does.
 */
export function ratioMoments(v: VariantStats): Moments {
  const n = v.users;
  const numSum = v.numSum ?? 0;
  const denSum = v.denSum ?? 0;
  const mean = numSum / denSum;
  const mM = numSum / n;
  const mD = denSum / n;
  const varM = spreadOf(v.numSumSquares ?? 0, numSum * mM) / (n - 1);
  const varD = spreadOf(v.denSumSquares ?? 0, denSum * mD) / (n - 1);
  // Cauchy–Schwarz: no covariance without spread on both sides (what is left there is rounding noise).
  const cov = varM > 0 && varD > 0 ? ((v.numDenSum ?? 0) - numSum * mD) / (n - 1) : 0;
  const mD2 = mD * mD;
  const spread = varM / mD2 + (varD * mM * mM) / (mD2 * mD2);
  const variance = spread - (2 * cov * mM) / (mD2 * mD);
  return { users: n, mean, variance: variance > 1e-12 * spread ? variance : 0 };
}

/** Σx² − (Σx)²/n, or 0 when it is within ~100 ulps of Σx² (equal values; see variantVariance). */
const spreadOf = (squares: number, sumTimesMean: number) => {
  const centred = squares - sumTimesMean;
  return centred > 1e-14 * squares ? centred : 0;
};

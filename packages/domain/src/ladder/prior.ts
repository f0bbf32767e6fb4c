import ncdf from '@stdlib/stats-base-dists-normal-cdf';
import npdf from '@stdlib/stats-base-dists-normal-pdf';
import nquantile from '@stdlib/stats-base-dists-normal-quantile';
import type { BayesianTest } from '../stats/bayesian';

/** Default discount of evidence carried up a rung: the prior's variance is the lower rung's se² × 4. */
export const DEFAULT_PRIOR_DISCOUNT = 4;

export interface NormalPrior {
  mean: number;
  variance: number;
}

/** The lower rung's posterior of the relative lift, N(est, se²), widened by `discount` (≥ 1): N(est, se²·discount). */
export function priorFromLowerRung(
  lower: { estimate: number; se: number },
  discount = DEFAULT_PRIOR_DISCOUNT,
): NormalPrior {
  return { mean: lower.estimate, variance: lower.se * lower.se * discount };
}

/**
 * Normal–normal conjugate update (Gelman et al., Bayesian Data Analysis, §2.5): with prior N(μ₀, τ²) and data
 * N(est, se²), the posterior is N(μ, σ²) with 1/σ² = 1/τ² + 1/se² and μ = σ²·(μ₀/τ² + est/se²). Chance to win,
 * interval and risk follow as for the flat prior, with (μ, σ) in place of (est, se).
 */
export function bayesianWithPrior(
  estimate: number,
  se: number,
  alpha: number,
  prior: NormalPrior,
): BayesianTest & {
  mean: number;
  sd: number;
} {
  const precision = 1 / prior.variance + 1 / (se * se);
  const variance = 1 / precision;
  const mean = variance * (prior.mean / prior.variance + estimate / (se * se));
  const sd = Math.sqrt(variance);
  const z = mean / sd;
  const chanceToWin = ncdf(z, 0, 1);
  const half = nquantile(1 - alpha / 2, 0, 1) * sd;
  const lossOfControl = mean * chanceToWin + sd * npdf(z, 0, 1);
  return {
    mean,
    sd,
    chanceToWin,
    ci: [mean - half, mean + half],
    risk: [Math.max(lossOfControl, 0), Math.max(lossOfControl - mean, 0)],
  };
}

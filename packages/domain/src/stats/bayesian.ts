import ncdf from '@stdlib/stats-base-dists-normal-cdf';
import npdf from '@stdlib/stats-base-dists-normal-pdf';
import nquantile from '@stdlib/stats-base-dists-normal-quantile';

export interface BayesianTest {
  chanceToWin: number;
  ci: [number, number];
  /** [E max(Δ,0), E max(−Δ,0)]: expected loss of choosing control, of choosing the treatment. */
  risk: [number, number];
}

/**
 * Flat prior, so the posterior of the difference is Normal(est, se) (GrowthBook stats engine docs):
 * chanceToWin = Φ(est/se); ci = est ± z_{1−α/2}·se;
 * E max(Δ,0) = est·Φ(est/se) + se·φ(est/se), E max(−Δ,0) = E max(Δ,0) − est.
 */
export function bayesianTest(estimate: number, se: number, alpha: number): BayesianTest {
  const z = estimate / se;
  const chanceToWin = ncdf(z, 0, 1);
  const half = nquantile(1 - alpha / 2, 0, 1) * se;
  const lossOfControl = estimate * chanceToWin + se * npdf(z, 0, 1);
  const lossOfTreatment = lossOfControl - estimate;
  return {
    chanceToWin,
    ci: [estimate - half, estimate + half],
    // Both losses are ≥ 0 in exact arithmetic; the subtraction can land a rounding error below zero.
    risk: [Math.max(lossOfControl, 0), Math.max(lossOfTreatment, 0)],
  };
}

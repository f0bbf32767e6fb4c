import ncdf from '@stdlib/stats-base-dists-normal-cdf';
import nquantile from '@stdlib/stats-base-dists-normal-quantile';

/** Baseline mean μ and per-unit variance σ² of the metric (binomial: σ² = μ(1−μ)). */
export interface Baseline {
  mean: number;
  variance: number;
}

const z = (p: number) => nquantile(p, 0, 1);

/** σΔ² = σ²/N · (1/μ² + (μ(1+l))²/μ⁴): the relative difference's variance at equal variances (GrowthBook power docs). */
export function liftSe(base: Baseline, lift: number, usersPerVariation: number): number {
  const mu2 = base.mean * base.mean;
  const treated = base.mean * (1 + lift);
  return Math.sqrt((base.variance / usersPerVariation) * (1 / mu2 + (treated * treated) / (mu2 * mu2)));
}

/** Two-sided power π = 1 − Φ(z_{1−α/2} − l/σΔ) + Φ(−z_{1−α/2} − l/σΔ) (GrowthBook power docs). */
export function liftPower(base: Baseline, lift: number, usersPerVariation: number, alpha: number): number {
  const shift = lift / liftSe(base, lift, usersPerVariation);
  const critical = z(1 - alpha / 2);
  return 1 - ncdf(critical - shift, 0, 1) + ncdf(-critical - shift, 0, 1);
}

/**
 * Minimum detectable (positive) relative lift at the target power: solves l/σΔ(l) = z_{1−α/2} − z_{1−π}
 * (GrowthBook power docs). With K = √N·|μ|/σ and c the right side, l·K = c·√(1 + (1+l)²) is a quadratic
 * whose positive root is (c² + c·√(2K² − c²)) / (K² − c²). null when K ≤ c: no lift is detectable.
 */
export function minimumDetectableLift(
  base: Baseline,
  usersPerVariation: number,
  alpha: number,
  target: number,
): number | null {
  const c = z(1 - alpha / 2) - z(1 - target);
  const k2 = (usersPerVariation * base.mean * base.mean) / base.variance;
  if (!(k2 > c * c)) return null;
  return (c * c + c * Math.sqrt(2 * k2 - c * c)) / (k2 - c * c);
}

/**
 * Smallest whole number of users per variation whose power reaches the target (power grows with N).
 * Starts from the one-tailed solution l/σΔ = z_{1−α/2} − z_{1−π}, which is always enough because the
 * other tail only adds power, then bisects down to the exact smallest N.
 */
export function usersForPower(base: Baseline, lift: number, alpha: number, target: number): number {
  const c = z(1 - alpha / 2) - z(1 - target);
  const perUser = liftSe(base, lift, 1) / Math.abs(lift); // σΔ/|l| at N = 1; σΔ falls as 1/√N
  let hi = Math.max(2, Math.ceil(c * c * perUser * perUser));
  while (liftPower(base, lift, hi, alpha) < target) hi *= 2; // guards rounding in the ceiling above
  let lo = 1; // the analysis needs ≥ 2 users per variant, so N = 1 is never the answer
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (liftPower(base, lift, mid, alpha) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

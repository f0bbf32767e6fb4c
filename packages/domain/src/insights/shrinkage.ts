/** Below this many completed tests the spread of true effects cannot be estimated: no shrinkage, no lift ratio. */
export const MIN_TESTS_TO_CALIBRATE = 5;

export interface LiftEstimate {
  /** Measured relative lift xᵢ of the experiment's winner (or best treatment). */
  estimate: number;
  /** Its standard error sᵢ. */
  se: number;
}

export interface Shrinkage {
  /** Variance of the true lifts τ²; null when there are too few tests to calibrate. */
  tau2: number | null;
  /** False below MIN_TESTS_TO_CALIBRATE: the figures are the measured ones ("too few to calibrate"). */
  calibrated: boolean;
  /** x̃ᵢ and s̃ᵢ in input order. */
  shrunk: LiftEstimate[];
}

/**
 * Shrinks measured lifts toward zero against the winner's curse, one standard error per experiment.
 * Parametric empirical Bayes, Morris 1983 (JASA 78:47–55); Lee & Shen 2018 (KDD, "Winner's Curse"):
 *   τ² = max(0, (1/k)·Σ(xᵢ² − sᵢ²)),  x̃ᵢ = xᵢ·τ²/(τ² + sᵢ²),  s̃ᵢ = sqrt(τ²·sᵢ²/(τ² + sᵢ²)).
 */
export function shrinkLifts(lifts: readonly LiftEstimate[]): Shrinkage {
  const k = lifts.length;
  if (k < MIN_TESTS_TO_CALIBRATE) {
    return { tau2: null, calibrated: false, shrunk: lifts.map(({ estimate, se }) => ({ estimate, se })) };
  }
  // The moment estimate of τ² (E[xᵢ²] = τ² + sᵢ²), truncated at 0.
  const tau2 = Math.max(0, lifts.reduce((sum, { estimate, se }) => sum + estimate ** 2 - se ** 2, 0) / k);
  return { tau2, calibrated: true, shrunk: lifts.map((lift) => shrinkOne(lift, tau2)) };
}

function shrinkOne({ estimate, se }: LiftEstimate, tau2: number): LiftEstimate {
  // τ² = 0: every true lift is the same zero, so x̃ = 0 (and 0/0 never arises when sᵢ = 0 too).
  if (tau2 === 0) return { estimate: 0, se: 0 };
  const total = tau2 + se ** 2;
  return { estimate: (estimate * tau2) / total, se: Math.sqrt((tau2 * se ** 2) / total) };
}

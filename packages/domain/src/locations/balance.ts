import { sampleMoments } from './sample-moments';

export interface GroupBalance {
  treatmentMean: number;
  holdoutMean: number;
  standardizedDifference: number;
}

/**
 * How alike two groups' weekly sales are: the means and the standardized difference (mT − mH)/√((sT² + sH²)/2)
 * (Austin 2009, Stat Med 28:3083).
 */
export function groupBalance(treatment: readonly number[], holdout: readonly number[]): GroupBalance {
  const t = sampleMoments(treatment);
  const h = sampleMoments(holdout);
  const pooledSd = Math.sqrt((t.variance + h.variance) / 2);
  return {
    treatmentMean: t.mean,
    holdoutMean: h.mean,
    // Equal sales everywhere: the groups match exactly, so 0 rather than 0/0.
    standardizedDifference: pooledSd > 0 ? (t.mean - h.mean) / pooledSd : 0,
  };
}

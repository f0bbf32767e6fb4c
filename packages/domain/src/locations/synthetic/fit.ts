import { ridgeAugment } from './ridge';
import { fitSimplexWeights } from './simplex';

export interface SyntheticFit {
  /** Augmented weights over the donors: the simplex weights plus the ridge correction (sum 1, may be < 0). */
  weights: number[];
  /** The synthetic-control weights alone (≥ 0, sum 1). */
  scmWeights: number[];
  lambda: number;
  /** The counterfactual for every week, in the target's units. */
  synthetic: number[];
  /**
   * Root mean squared gap target − synthetic before / from the start, in relative units (share of the pre mean);
   * before the start each week's gap is its leave-one-week-out residual (ridge.ts says why).
   */
  preRmspe: number;
  postRmspe: number;
  /** Mean post-period gap, in relative units. */
  postGap: number;
  /** Gap target − fitted for every week, in relative units. */
  gaps: number[];
}

export const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
export const rms = (xs: readonly number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

/**
 * Every series as its relative deviation from its own pre-period mean, y_t / ȳ_pre − 1: the unit fixed effect
 * that GeoLift fits by default (`fixed_effects = TRUE`, augsynth's de-meaned SCM, Ferman & Pinto 2021), taken
 * multiplicatively so a store of any size can serve as a donor and every fit, the placebos' too, is on one scale. The means must be positive (analyzeSynthetic excludes other locations).
 */
export function relativeDeviations(series: readonly number[], preWeeks: number): number[] {
  const level = mean(series.slice(0, preWeeks));
  return series.map((y) => y / level - 1);
}

/**
 * Ridge-augmented synthetic control (Ben-Michael, Feller & Rothstein 2021) of `target` from `donors`, both given
 * as relative deviations (relativeDeviations), the first `preWeeks` entries being the pre-period. λ is chosen by
 * cross-validation unless given (Infinity: no augmentation). `level` converts the synthetic series back to sales.
 */
export function fitSynthetic(
  target: readonly number[],
  donors: readonly (readonly number[])[],
  preWeeks: number,
  level: number,
  lambda?: number,
): SyntheticFit {
  const scmWeights = fitSimplexWeights(target, donors, { weeks: preWeeks });
  const ridge = ridgeAugment(target, donors, scmWeights, preWeeks, lambda);
  const weights = ridge.weights;
  const fitted = target.map((_, t) => donors.reduce((s, d, j) => s + weights[j]! * d[t]!, 0));
  const gaps = target.map((x, t) => x - fitted[t]!);
  const post = gaps.slice(preWeeks);
  return {
    weights,
    scmWeights,
    lambda: ridge.lambda,
    synthetic: fitted.map((f) => level * (1 + f)),
    preRmspe: rms(ridge.looResiduals),
    postRmspe: post.length ? rms(post) : 0,
    postGap: post.length ? mean(post) : 0,
    gaps,
  };
}

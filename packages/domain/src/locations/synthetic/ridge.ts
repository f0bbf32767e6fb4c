import { symmetricEigen } from './eigen';

/**
 * The ridge augmentation of Ben-Michael, Feller & Rothstein (2021, "The Augmented Synthetic Control Method",
 * JASA, eq. 7), as augsynth computes it (ebenmichael/augsynth, R/ridge.R `fit_ridgeaug_formatted`): with the
 * donors' pre-period rows X_c centred on the donors' weekly mean and r = x₁ − Xᵀw_scm the synthetic control's
 * remaining pre-period imbalance,
 *   w_aug = w_scm + X_c (X_cᵀX_c + λI)⁻¹ r,
 * a ridge regression of the imbalance on the donors corrects it. The correction sums to zero (the rows of X_c
 * do), so w_aug still sums to one but may go negative.
 *
 * λ: augsynth's grid λ_max·(1e-8)^(k/20), λ_max = 1 + ‖x₁ − mean donor‖², scored by leave-one-week-out error
 * with the largest λ within one standard error of the best kept (R/ridge_lambda.R, `min_1se = TRUE`). Unlike
 * augsynth, the simplex weights are not refitted per left-out week, so the ridge step's leave-one-out residual
 * has a closed form (the e_t / (1 − H_tt) of penalised least squares, Hastie, Tibshirani & Friedman, ESL §7.10):
 * one eigen-decomposition for all λ instead of a refit per week. Every series here has a zero pre-period mean (relativeDeviations),
 * and leaving a week out must re-centre them, as an unpenalised intercept over weeks would, or the left-out week
 * is predicted exactly from the others (they sum to minus it). With N = P(K + λI)⁻¹P, K = X_cᵀX_c and P the
 * projection off the constant week vector 1, the residual is (N r)_t / N_tt, and N = (K + 11ᵀ + λI)⁻¹ − 11ᵀ/(T₀(T₀+λ)).
 * That residual is also the honest pre-period error the placebo ratio needs: in-sample, the ridge interpolates
 * whenever donors outnumber weeks, and a pre-period RMSPE of zero would make every post/pre ratio infinite.
 */

export interface RidgeFit {
  /** w_scm plus the ridge correction. */
  weights: number[];
  lambda: number;
  /** Leave-one-week-out residual of each pre-period week, target − augmented fit. */
  looResiduals: number[];
}

const LAMBDA_STEPS = 20;

/**
 * Ridge-augments the simplex weights `scm` over the first `preWeeks` weeks, with `lambda` or, when omitted, the
 * cross-validated λ. Every series must have a zero mean over those weeks (relativeDeviations). `lambda = Infinity` (or fewer than 2 donors) keeps the plain synthetic control.
 */
export function ridgeAugment(
  target: readonly number[],
  donors: readonly (readonly number[])[],
  scm: readonly number[],
  preWeeks: number,
  lambda?: number,
): RidgeFit {
  const weeks = Array.from({ length: preWeeks }, (_, t) => t);
  const imbalance = weeks.map((t) => target[t]! - donors.reduce((s, d, j) => s + scm[j]! * d[t]!, 0));
  if (donors.length < 2 || lambda === Number.POSITIVE_INFINITY) {
    return { weights: [...scm], lambda: Number.POSITIVE_INFINITY, looResiduals: imbalance };
  }
  const means = weeks.map((t) => donors.reduce((s, d) => s + d[t]!, 0) / donors.length);
  const xc = donors.map((d) => weeks.map((t) => d[t]! - means[t]!));
  const gram = weeks.map((i) => weeks.map((k) => xc.reduce((s, row) => s + row[i]! * row[k]!, 0)));
  // K + 11ᵀ = V diag(μ) Vᵀ once; then (K + 11ᵀ + λI)⁻¹ = V diag(1/(μ + λ)) Vᵀ for every λ. The imbalance sums to
  // zero (every series does), so the 11ᵀ term of N drops out of N r and only shifts the diagonal N_tt.
  const { values, vectors } = symmetricEigen(gram.map((row) => row.map((x) => x + 1)));
  const projected = values.map((_, i) => weeks.reduce((s, t) => s + vectors[t]![i]! * imbalance[t]!, 0));
  const solve = (l: number) => {
    const shrunk = projected.map((c, i) => c / (values[i]! + l));
    const mr = weeks.map((t) => vectors[t]!.reduce((s, x, i) => s + x * shrunk[i]!, 0));
    const shift = 1 / (preWeeks * (preWeeks + l));
    const diagonal = weeks.map((t) => vectors[t]!.reduce((s, x, i) => s + (x * x) / (values[i]! + l), 0) - shift);
    return { mr, loo: mr.map((x, t) => x / diagonal[t]!) };
  };
  let chosen = lambda;
  if (chosen === undefined) {
    const lambdaMax = 1 + weeks.reduce((s, t) => s + (target[t]! - means[t]!) ** 2, 0);
    const grid = Array.from({ length: LAMBDA_STEPS + 1 }, (_, k) => lambdaMax * 1e-8 ** (k / LAMBDA_STEPS));
    const scores = grid.map((l) => {
      const squared = solve(l).loo.map((e) => e * e);
      const m = squared.reduce((s, x) => s + x, 0) / squared.length;
      const sd = Math.sqrt(squared.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(squared.length - 1, 1));
      return { m, se: sd / Math.sqrt(squared.length) };
    });
    const best = scores.reduce((b, s, i) => (s.m < scores[b]!.m ? i : b), 0);
    const threshold = scores[best]!.m + scores[best]!.se;
    chosen = grid[scores.findIndex((s) => s.m <= threshold)]!; // the grid runs from largest to smallest
  }
  const { mr, loo } = solve(chosen);
  return {
    weights: scm.map((w, j) => w + xc[j]!.reduce((s, x, t) => s + x * mr[t]!, 0)),
    lambda: chosen,
    looResiduals: loo,
  };
}

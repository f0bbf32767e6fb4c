import { ZAnalyzeRequest } from '../stats/request';

/** CUPED is used once at least this share of the analysed units has a covariate (issue 11, part 3). */
export const CUPED_MIN_COVERAGE = 0.8;

/** One variant's aggregates with the CUPED sums kept at ingestion (covariates.ts in packages/db). */
export interface CoveredStats {
  key: string;
  users: number;
  /** Σy and Σy² over all users (binomial: conversions). */
  sum: number;
  sumSquares: number;
  /** Users with a covariate x, Σx and Σx² over them. */
  covered: number;
  covariateSum: number;
  covariateSumSquares: number;
  /** Σxy and Σy over the covered users. */
  sumProduct: number;
  coveredSum: number;
}

/** The statistics `analyze` takes with `cuped: true` (the mean-metric CUPED fields of ZVariantStats). */
export interface CupedVariantStats {
  key: string;
  users: number;
  sum: number;
  sumSquares: number;
  preSum: number;
  preSumSquares: number;
  sumProduct: number;
}

export interface CupedInput {
  variants: CupedVariantStats[];
  /** Share of the users with a covariate of their own. */
  coverage: number;
  /** Pearson's ρ of x and y over all users (covariates imputed); null when either does not vary. */
  correlation: number | null;
}

/**
 * The CUPED request statistics, or null when fewer than 80% of the users have a covariate or a variant with
 * users has none (no mean to impute from). Each user without a covariate takes x̄ = Σx_c / c, the covariate mean
 * of its variant's c covered users (Σ_c sums run over the covered users, Σ_u over the n − c others):
 *   Σx  = Σ_c x + (n − c)·x̄                     = n·x̄
 *   Σx² = Σ_c x² + (n − c)·x̄²
 *   Σxy = Σ_c xy + x̄·Σ_u y = Σ_c xy + x̄·(Σy − Σ_c y)
 * so only Σ_c y (coveredSum) is needed beyond the covered sums: the worker never reads a unit.
 */
export function cupedInput(variants: CoveredStats[]): CupedInput | null {
  const users = variants.reduce((s, v) => s + v.users, 0);
  const covered = variants.reduce((s, v) => s + v.covered, 0);
  if (users === 0 || covered < CUPED_MIN_COVERAGE * users) return null;
  if (variants.some((v) => v.users > 0 && v.covered === 0)) return null;
  const imputed = variants.map((v) => {
    const mean = v.covered ? v.covariateSum / v.covered : 0;
    const missing = v.users - v.covered;
    return {
      key: v.key,
      users: v.users,
      sum: v.sum,
      sumSquares: v.sumSquares,
      preSum: v.covariateSum + missing * mean,
      preSumSquares: v.covariateSumSquares + missing * mean * mean,
      sumProduct: v.sumProduct + mean * (v.sum - v.coveredSum),
    };
  });
  return { variants: imputed, coverage: covered / users, correlation: correlation(imputed) };
}

/** Pearson's ρ of x and y pooled over all users, from the sums. */
function correlation(variants: CupedVariantStats[]): number | null {
  let [n, x, xx, y, yy, xy] = [0, 0, 0, 0, 0, 0];
  for (const v of variants) {
    n += v.users;
    x += v.preSum;
    xx += v.preSumSquares;
    y += v.sum;
    yy += v.sumSquares;
    xy += v.sumProduct;
  }
  const varX = xx - (x * x) / n;
  const varY = yy - (y * y) / n;
  if (!(varX > 1e-12 * Math.max(1, xx) && varY > 1e-12 * Math.max(1, yy))) return null;
  return Math.max(-1, Math.min(1, (xy - (x * y) / n) / Math.sqrt(varX * varY)));
}

const supported = new Map<string, boolean>();

/**
 * Whether the statistics engine's request schema takes `cuped: true` for this metric kind. Today's engine takes
 * CUPED for mean metrics; binomial CUPED (regression adjustment on 0/1 outcomes) arrives with the engine's
 * change for issue 11. Asking the schema keeps the pipeline right before and after that change: THE one switch.
 */
export function engineTakesCuped(metric: 'binomial' | 'mean'): boolean {
  let answer = supported.get(metric);
  if (answer === undefined) {
    const variant = (key: string) => ({
      key,
      users: 10,
      sum: 2,
      sumSquares: 2,
      preSum: 5,
      preSumSquares: 9,
      sumProduct: 1,
    });
    answer = ZAnalyzeRequest.safeParse({ metric, cuped: true, variants: [variant('a'), variant('b')] }).success;
    supported.set(metric, answer);
  }
  return answer;
}

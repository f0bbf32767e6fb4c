import stdlibTcdf from '@stdlib/stats-base-dists-t-cdf';

// The Student-t lower tail without @stdlib's general incomplete beta (issue 15: it was most of the engine's
// time). With a = ν/2, x = ν/(ν + t²), y = 1 − x = t²/(ν + t²): P(T ≤ −t) = ½·I_x(a, ½) (Abramowitz & Stegun
// 26.7.1), evaluated by one of two expansions whose every term is positive or built from y directly, so the
// answer keeps its relative accuracy out to 1e-300 (student-t.test.ts holds it to @stdlib's to 1e-12).

/** Below this ν, @stdlib's general algorithm: the series for Γ(a + ½)/Γ(a) below needs a ≥ 10. */
export const FAST_MIN_DF = 20;
const SQRT_PI = Math.sqrt(Math.PI);
const EPSILON = 1e-16;
const TINY = 1e-300;
const CENTRAL_MAX_T2 = 5;

/**
 * Γ(a + ½)/Γ(a) for a ≥ 10: √a·exp(Σ_k (2^(1−2k) − 2)·B_2k / (2k(2k−1)·a^(2k−1))), the difference of the two
 * Stirling series (DLMF 5.11.8 with Bernoulli polynomials B_n(½) = (2^(1−n) − 1)·B_n); six terms leave < 1e-15.
 */
export function gammaHalfRatio(a: number): number {
  const r = 1 / a;
  const r2 = r * r;
  const rest =
    r * (-1 / 8 + r2 * (1 / 192 + r2 * (-1 / 640 + r2 * (17 / 14336 + r2 * (-31 / 18432 + r2 * (2073 / 540672))))));
  return Math.sqrt(a) * Math.exp(rest);
}

/**
 * I_x(a, ½) by the continued fraction of DiDonato & Morris (1992, BFRAC; Boost's ibeta_fraction2), which
 * converges fast for x < (a + 1)/(a + 2.5) and takes y = 1 − x as given, so nothing cancels near x = 1.
 */
function fractionTail(a: number, x: number, y: number): number {
  const b = 0.5;
  let f = (a * (a * y - b * x + 1)) / (a + 1);
  if (f === 0) f = TINY;
  let c = f;
  let d = 0;
  for (let m = 1; m < 1000; m++) {
    const denominator = a + 2 * m - 1;
    const an = ((a + m - 1) * (a + b + m - 1) * m * (b - m) * x * x) / (denominator * denominator);
    const bn = m + (m * (b - m) * x) / denominator + ((a + m) * (a * y - b * x + 1 + m * (2 - x))) / (a + 2 * m + 1);
    d = bn + an * d;
    if (d === 0) d = TINY;
    c = bn + an / c;
    if (c === 0) c = TINY;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= EPSILON) break;
  }
  return 1 / f;
}

/** ₂F₁(a + ½, 1; 3/2; y) = Σ_n (a + ½)_n/(3/2)_n·yⁿ, the series of I_y(½, a) (DLMF 8.17.8): all terms positive. */
function centralSeries(a: number, y: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 10000; n++) {
    term *= ((a + 0.5 + n) / (1.5 + n)) * y;
    sum += term;
    if (term <= sum * EPSILON) break;
  }
  return sum;
}

/** P(T ≤ −|t|) for a Student t with ν degrees of freedom: half the two-sided p-value of t. */
export function tLowerTail(t: number, df: number): number {
  if (!(df >= FAST_MIN_DF && Number.isFinite(t))) return stdlibTcdf(-Math.abs(t), df);
  if (t === 0) return 0.5;
  const a = df / 2;
  const t2 = t * t;
  const y = t2 / (df + t2);
  const x = df / (df + t2);
  // x^a and y^½ = |t|/√(ν + t²); 1/B(a, ½) = Γ(a + ½)/(Γ(a)·√π).
  const power = Math.exp(-a * Math.log1p(t2 / df)) * (Math.abs(t) / Math.sqrt(df + t2));
  const scale = (power * gammaHalfRatio(a)) / SQRT_PI;
  // The fraction is the cheaper from t² ≈ 3 on (and converges fast beyond x = (a + 1)/(a + 2.5), about there);
  // the series, whose central mass is subtracted from 1, stays below t² = 5, where that loses < 2 digits.
  if (t2 >= CENTRAL_MAX_T2) return 0.5 * scale * fractionTail(a, x, y);
  // I_y(½, a) = y^½·x^a/(½·B(½, a))·₂F₁.
  return 0.5 * (1 - 2 * scale * centralSeries(a, y));
}

/** The density of T at t: Γ(a + ½)/(Γ(a)·√(νπ))·(1 + t²/ν)^−(ν+1)/2. */
export function tDensity(t: number, df: number): number {
  return (gammaHalfRatio(df / 2) / Math.sqrt(df * Math.PI)) * Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * The upper quantile t > 0 with P(T > t) = q (0 < q < ½): Cornish–Fisher's expansion in 1/ν (Abramowitz &
 * Stegun 26.7.5) from the normal quantile z, polished by Halley steps on tLowerTail until a step moves it by
 * less than 1e-6 relative (the next error is then about the cube of that).
 */
export function tUpperQuantile(q: number, df: number, z: number): number {
  const z2 = z * z;
  const r = 1 / df;
  let t =
    z +
    r *
      ((z * (z2 + 1)) / 4 +
        r *
          ((z * (z2 * (5 * z2 + 16) + 3)) / 96 +
            r *
              ((z * (z2 * (z2 * (3 * z2 + 19) + 17) - 15)) / 384 +
                (r * (z * (z2 * (z2 * (z2 * (79 * z2 + 776) + 1482) - 1920) - 945))) / 92160)));
  for (let step = 0; step < 20; step++) {
    const newton = (tLowerTail(t, df) - q) / tDensity(t, df);
    const move = newton / (1 - (newton * t * (df + 1)) / (2 * (df + t * t)));
    t += move;
    if (Math.abs(move) < 1e-6 * t) break;
  }
  return t;
}

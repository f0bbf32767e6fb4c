import nquantile from '@stdlib/stats-base-dists-normal-quantile';
import stdlibTquantile from '@stdlib/stats-base-dists-t-quantile';
import { FAST_MIN_DF, tUpperQuantile } from './student-t';

// t_{ν, 1−q} depends on ν through u = 1/ν smoothly on [0, 1/20] (Cornish–Fisher's expansion is a power
// series in it), so for each q a 16-term Chebyshev series in u, fitted once from tUpperQuantile, gives it to
// about 1e-14 relative at the cost of a few multiplications (t-quantile.test.ts checks it against @stdlib).

const TERMS = 16;
const U_MAX = 1 / FAST_MIN_DF;
/** Distinct tail probabilities fitted; further ones are solved directly (slower, same answer). */
const MAX_FITS = 32;
const fits = new Map<number, Float64Array>();
let lastQ = Number.NaN;
let lastFit: Float64Array = new Float64Array(TERMS);

function fit(q: number): Float64Array {
  const z = nquantile(1 - q, 0, 1);
  const values = new Float64Array(TERMS);
  for (let k = 0; k < TERMS; k++) {
    const u = ((Math.cos((Math.PI * (k + 0.5)) / TERMS) + 1) / 2) * U_MAX;
    values[k] = tUpperQuantile(q, 1 / u, z);
  }
  const coefficients = new Float64Array(TERMS);
  for (let j = 0; j < TERMS; j++) {
    let sum = 0;
    for (let k = 0; k < TERMS; k++) sum += (values[k] as number) * Math.cos((Math.PI * j * (k + 0.5)) / TERMS);
    coefficients[j] = (2 / TERMS) * sum;
  }
  return coefficients;
}

/** Clenshaw's recurrence for Σ' c_j·T_j(s), s ∈ [−1, 1]. */
function chebyshev(c: Float64Array, s: number): number {
  let b1 = 0;
  let b2 = 0;
  for (let j = TERMS - 1; j >= 1; j--) {
    const b0 = 2 * s * b1 - b2 + (c[j] as number);
    b2 = b1;
    b1 = b0;
  }
  return s * b1 - b2 + (c[0] as number) / 2;
}

/** The t > 0 with P(T > t) = q for ν degrees of freedom (0 < q < ½): the two-sided interval's t_{ν, 1−α/2}. */
export function tQuantileAbove(q: number, df: number): number {
  if (!(df >= FAST_MIN_DF && q > 0 && q < 0.5)) return stdlibTquantile(1 - q, df);
  // Nearly every call asks for the same q as the one before (α = 0.05), so that one skips the map.
  if (q !== lastQ) {
    let c = fits.get(q);
    if (c === undefined) {
      if (fits.size >= MAX_FITS) return tUpperQuantile(q, df, nquantile(1 - q, 0, 1));
      c = fit(q);
      fits.set(q, c);
    }
    lastQ = q;
    lastFit = c;
  }
  return chebyshev(lastFit, 2 / (df * U_MAX) - 1);
}

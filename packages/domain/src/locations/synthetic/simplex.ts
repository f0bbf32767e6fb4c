/**
 * Synthetic-control weights: min ‖x − Σ_j w_j d_j‖² over the probability simplex (w ≥ 0, Σ w = 1), the QP that
 * augsynth solves with OSQP (ebenmichael/augsynth, R/fit_synth.R `synth_qp`; Abadie, Diamond & Hainmueller 2010).
 *
 * Why a hand-written solver: npm's only maintained QP package (`quadprog`, a port of R's Goldfarb–Idnani dual
 * method) needs a strictly positive-definite Hessian, and DᵀD is singular whenever donors outnumber pre-period
 * weeks — the usual case (40 stores, 26 weeks). Accelerated projected gradient (FISTA, Beck & Teboulle 2009, with
 * the gradient-based restart of O'Donoghue & Candès 2015) only needs the Hessian's largest eigenvalue, and the
 * Euclidean projection onto the simplex is exact (Duchi, Shalev-Shwartz, Singer & Chandra 2008, Fig. 1).
 */

/** Euclidean projection of v onto { w : w ≥ 0, Σ w = 1 } (Duchi et al. 2008, sort-based). */
export function projectOntoSimplex(v: readonly number[]): number[] {
  const sorted = [...v].sort((a, b) => b - a);
  let sum = 0;
  let theta = 0;
  for (let k = 0; k < sorted.length; k++) {
    sum += sorted[k]!;
    const candidate = (sum - 1) / (k + 1);
    if (sorted[k]! - candidate > 0) theta = candidate;
  }
  return v.map((x) => Math.max(x - theta, 0));
}

/** Gram matrix G = D Dᵀ and b = D x over the first `weeks` entries of each donor row d_j. */
function normalEquations(target: readonly number[], donors: readonly (readonly number[])[], weeks: number) {
  const n = donors.length;
  const gram = Array.from({ length: n }, () => new Float64Array(n));
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const di = donors[i]!;
    for (let t = 0; t < weeks; t++) b[i]! += di[t]! * target[t]!;
    for (let j = 0; j <= i; j++) {
      const dj = donors[j]!;
      let s = 0;
      for (let t = 0; t < weeks; t++) s += di[t]! * dj[t]!;
      gram[i]![j] = s;
      gram[j]![i] = s;
    }
  }
  return { gram, b };
}

function multiply(m: readonly Float64Array[], v: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let i = 0; i < m.length; i++) {
    const row = m[i]!;
    let s = 0;
    for (let j = 0; j < row.length; j++) s += row[j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

/** Largest eigenvalue of a symmetric PSD matrix by power iteration, padded 10% so the FISTA step stays safe. */
function largestEigenvalue(m: readonly Float64Array[]): number {
  let v = new Float64Array(m.length).fill(1 / Math.sqrt(m.length));
  let next = new Float64Array(m.length);
  let value = 0;
  for (let k = 0; k < 50; k++) {
    multiply(m, v, next);
    const norm = Math.hypot(...next);
    if (!(norm > 0)) return 0;
    value = norm;
    for (let i = 0; i < next.length; i++) next[i]! /= norm;
    [v, next] = [next, v];
  }
  return 1.1 * value;
}

/** Frank–Wolfe gap at w on the simplex: ∇f(w)·w − min_j ∇f(w)_j ≥ f(w) − min f. Overwrites `scratch`. */
function dualityGap(gram: readonly Float64Array[], b: Float64Array, w: readonly number[], scratch: Float64Array) {
  multiply(gram, w, scratch);
  let dot = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let j = 0; j < w.length; j++) {
    const g = scratch[j]! - b[j]!;
    dot += g * w[j]!;
    min = Math.min(min, g);
  }
  return dot - min;
}

export interface SimplexFitOptions {
  /** Only the first `weeks` entries of target and donors are fitted (the pre-period). Defaults to all. */
  weeks?: number;
  maxIterations?: number;
  /**
   * Stop when the Frank–Wolfe duality gap, an upper bound on how far the objective ½‖x − Dᵀw‖² is from its
   * minimum (Jaggi 2013, §2), is at most this share of ½‖x‖².
   */
  tolerance?: number;
}

/** Non-negative weights summing to one that best reproduce `target` from `donors` (rows = donors, columns = weeks). */
export function fitSimplexWeights(
  target: readonly number[],
  donors: readonly (readonly number[])[],
  options: SimplexFitOptions = {},
): number[] {
  const n = donors.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  const weeks = options.weeks ?? target.length;
  const { gram, b } = normalEquations(target, donors, weeks);
  let energy = 0;
  for (let t = 0; t < weeks; t++) energy += target[t]! ** 2 / 2;
  const lipschitz = largestEigenvalue(gram);
  let w = new Array<number>(n).fill(1 / n);
  if (!(lipschitz > 0)) return w;
  const step = 1 / lipschitz;
  const tolerance = (options.tolerance ?? 1e-8) * energy;
  const y = Float64Array.from(w);
  const gradient = new Float64Array(n);
  let momentum = 1;
  for (let k = 0; k < (options.maxIterations ?? 5_000); k++) {
    multiply(gram, y, gradient);
    for (let j = 0; j < n; j++) gradient[j] = gradient[j]! - b[j]!; // ∇ of ½‖x − Dᵀw‖²
    const next = projectOntoSimplex(Array.from(y, (yj, j) => yj - step * gradient[j]!));
    let slope = 0;
    for (let j = 0; j < n; j++) slope += gradient[j]! * (next[j]! - w[j]!);
    // Restart the momentum when it points uphill (O'Donoghue & Candès 2015, gradient scheme).
    const nextMomentum = slope > 0 ? 1 : (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
    const beta = slope > 0 ? 0 : (momentum - 1) / nextMomentum;
    for (let j = 0; j < n; j++) y[j] = next[j]! + beta * (next[j]! - w[j]!);
    momentum = nextMomentum;
    w = next;
    if (k % 10 === 9 && dualityGap(gram, b, w, gradient) <= tolerance) break;
  }
  return w;
}

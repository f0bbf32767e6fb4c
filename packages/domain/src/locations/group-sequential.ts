import ncdf from '@stdlib/stats-base-dists-normal-cdf';
import npdf from '@stdlib/stats-base-dists-normal-pdf';
import nquantile from '@stdlib/stats-base-dists-normal-quantile';
import tcdf from '@stdlib/stats-base-dists-t-cdf';

/**
 * Lan–DeMets alpha spending of O'Brien–Fleming type, α(t) = 2 − 2Φ(z_{1−α/2} / √t) (Lan & DeMets 1983; gsDesign's
 * sfLDOF), as the published two-sided boundaries apply it: to each side at its one-sided level α/2 (gsDesign
 * test.type = 2, ldbounds sides = 2), so the two sides together have spent 2·α_{α/2}(t) by information fraction t,
 * and exactly α at t = 1.
 */
export function obrienFlemingSpending(t: number, alpha: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return alpha;
  const perSide = alpha / 2;
  return 2 * (2 - 2 * ncdf(nquantile(1 - perSide / 2, 0, 1) / Math.sqrt(t), 0, 1));
}

/** A grid over an interval with Simpson's-rule weights: ∫ g ≈ Σ weights[i]·g(points[i]). */
interface Grid {
  points: number[];
  weights: number[];
}

/**
 * Jennison & Turnbull, Group Sequential Methods with Applications to Clinical Trials (2000), §19.2.1: 6r − 1 points,
 * dense in the middle (±3 around the mean) and log-spaced in the tails out to ±(3 + 4·ln r), cut to the
 * continuation region (−c, c); midpoints are added and Simpson's rule weights them. r = 32 keeps the boundaries
 * within 1e-4 of the published values.
 */
function simpsonGrid(critical: number, r = 32): Grid {
  const odd: number[] = [];
  for (let i = 1; i < 6 * r; i++) {
    let x: number;
    if (i < r) x = -3 - 4 * Math.log(r / i);
    else if (i <= 5 * r) x = -3 + (3 * (i - r)) / (2 * r);
    else x = 3 + 4 * Math.log(r / (6 * r - i));
    odd.push(Math.min(Math.max(x, -critical), critical));
  }
  const kept = odd.filter((x, i) => i === 0 || x > odd[i - 1]!);
  const points: number[] = [];
  kept.forEach((x, i) => {
    if (i > 0) points.push((kept[i - 1]! + x) / 2);
    points.push(x);
  });
  const weights = points.map(() => 0);
  for (let i = 0; i + 2 < points.length; i += 2) {
    const h = (points[i + 2]! - points[i]!) / 6;
    weights[i]! += h;
    weights[i + 1]! += 4 * h;
    weights[i + 2]! += h;
  }
  return { points, weights };
}

/** Root of a decreasing function on [low, high] by bisection (the crossing chance falls as the boundary rises). */
function bisect(f: (c: number) => number, low: number, high: number): number {
  for (let i = 0; i < 100 && high - low > 1e-10; i++) {
    const mid = (low + high) / 2;
    if (f(mid) > 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * Two-sided critical |z| at each of `looks` equally spaced analyses (information fractions k/looks) such that a
 * standardised statistic with independent increments crosses ±c_k first at look k with chance α(t_k) − α(t_{k−1})
 * under the null, α(t) the O'Brien–Fleming-type spending above. The sub-density of Z_k on the continuation region
 * is carried forward by the recursive numerical integration of Jennison & Turnbull (2000), ch. 19 (Armitage,
 * McPherson & Rowe 1969): with information I_k ∝ t_k and Δ = I_k − I_{k−1},
 *   P(cross at k) = ∫ f_{k−1}(u) [Φ((u√I_{k−1} − c_k√I_k)/√Δ) + Φ((−c_k√I_k − u√I_{k−1})/√Δ)] du,
 *   f_k(z) = ∫ f_{k−1}(u) (√I_k/√Δ) φ((z√I_k − u√I_{k−1})/√Δ) du.
 */
function computeBoundaries(looks: number, alpha: number): number[] {
  const boundaries: number[] = [];
  let density: { grid: Grid; values: number[] } | null = null;
  let spent = 0;
  for (let k = 1; k <= looks; k++) {
    const target = obrienFlemingSpending(k / looks, alpha) - spent;
    spent += target;
    const previous = density;
    if (!previous) {
      const c = nquantile(1 - target / 2, 0, 1);
      boundaries.push(c);
      const grid = simpsonGrid(c);
      density = { grid, values: grid.points.map((z) => npdf(z, 0, 1)) };
      continue;
    }
    const root = { before: Math.sqrt(k - 1), now: Math.sqrt(k) }; // √I up to a common scale
    const { points, weights } = previous.grid;
    const crossing = (c: number) => {
      let p = 0;
      points.forEach((u, i) => {
        const tail = ncdf(u * root.before - c * root.now, 0, 1) + ncdf(-c * root.now - u * root.before, 0, 1);
        p += weights[i]! * previous.values[i]! * tail;
      });
      return p;
    };
    const c = bisect((x) => crossing(x) - target, 0, 40);
    boundaries.push(c);
    const grid = simpsonGrid(c);
    const values = grid.points.map((z) => {
      let f = 0;
      points.forEach((u, i) => {
        f += weights[i]! * previous.values[i]! * root.now * npdf(z * root.now - u * root.before, 0, 1);
      });
      return f;
    });
    density = { grid, values };
  }
  return boundaries;
}

const cache = new Map<string, readonly number[]>();

/**
 * Critical |z| of looks 1…`looks` of the O'Brien–Fleming-type Lan–DeMets design at two-sided `alpha`. Pure: the
 * same arguments always give the same boundaries, so they are computed once per process and shared.
 */
export function groupSequentialBoundaries(looks: number, alpha: number): readonly number[] {
  if (!Number.isInteger(looks) || looks < 1) throw new RangeError(`looks must be a positive integer, got ${looks}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const key = `${looks}:${alpha}`;
  let boundaries = cache.get(key);
  if (!boundaries) {
    boundaries = Object.freeze(computeBoundaries(looks, alpha));
    cache.set(key, boundaries);
  }
  return boundaries;
}

/**
 * A Welch t with `df` degrees of freedom on the z scale, z = Φ⁻¹(F_t(t)), so a t-test can be held against normal
 * boundaries. Taken from the nearer tail so a large |t| keeps its precision instead of rounding F_t to 1.
 */
export function welchToZ(t: number, df: number): number {
  const tail = nquantile(tcdf(-Math.abs(t), df), 0, 1);
  return t >= 0 ? -tail : tail;
}

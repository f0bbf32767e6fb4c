import type { Moments } from '../stats/types';

/** Count, mean and sample variance Σ(x − x̄)²/(n − 1) of raw values, two-pass for accuracy; variance 0 below 2. */
export function sampleMoments(values: readonly number[]): Moments {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = n > 0 ? sum / n : 0;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { users: n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

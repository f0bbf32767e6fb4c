import { DomainError } from './errors';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a's state after `text`'s code units, from the state `hash`. */
function fnvOver(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * FNV-1a, 32 bits, over the string's UTF-16 code units — the hash GrowthBook's SDKs use
 * (FNV test vectors: draft-eastlake-fnv; GrowthBook sdk-js `hash`). Email tools and websites can
 * reproduce it in a few lines, so they can compute a unit's variant offline.
 */
export function fnv1a32(text: string): number {
  return fnvOver(FNV_OFFSET, text) >>> 0;
}

/**
 * A unit's position in [0, 1) for an experiment: GrowthBook's hash version 2,
 * `(fnv1a32(String(fnv1a32(seed + unitId))) % 10000) / 10000`. Hashing twice decorrelates experiments
 * whose seeds share a prefix; 10,000 buckets give weights a resolution of 0.01%.
 */
export function bucketOf(seed: string, unitId: string): number {
  // The same arithmetic as the formula above without its two strings (`seed + unitId` and the decimal text of the
  // first hash): FNV-1a runs on over `unitId` after `seed`, then over the digits as they are computed. Ingestion
  // hashes every exposure this way (issue 15); assignment.test.ts holds it equal to the formula.
  const n = fnvOver(fnvOver(FNV_OFFSET, seed), unitId) >>> 0;
  let place = 1;
  while (place * 10 <= n) place *= 10;
  let second = FNV_OFFSET;
  for (; place >= 1; place /= 10) second = Math.imul(second ^ (48 + (Math.floor(n / place) % 10)), FNV_PRIME);
  return ((second >>> 0) % 10_000) / 10_000;
}

/** Validates variant weights (each ≥ 0, sum 1 within 1e-6) and returns their cumulative upper bounds. */
export function cumulativeWeights(weights: readonly number[]): number[] {
  if (weights.length < 2) throw new DomainError('BAD_INPUT', 'An experiment needs at least 2 variants.', 'weights');
  let total = 0;
  const bounds = weights.map((w, i) => {
    if (!(w >= 0)) throw new DomainError('BAD_INPUT', `Weight ${i} must be a number ≥ 0.`, `weights.${i}`);
    total += w;
    return total;
  });
  if (Math.abs(total - 1) > 1e-6) {
    throw new DomainError('BAD_INPUT', `Weights must sum to 1; they sum to ${total}.`, 'weights');
  }
  bounds[bounds.length - 1] = 1; // absorb rounding so the last variant ends exactly at 1
  return bounds;
}

/**
 * The variant index (0 = control) of a unit: its bucket mapped onto the cumulative weights, i.e. the first
 * variant whose upper bound exceeds the bucket. Deterministic, stateless and stable across releases.
 */
export function assignVariant(seed: string, unitId: string, bounds: readonly number[]): number {
  const b = bucketOf(seed, unitId);
  for (let i = 0; i < bounds.length; i++) if (b < (bounds[i] as number)) return i;
  return bounds.length - 1;
}

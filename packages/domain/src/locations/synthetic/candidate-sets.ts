import { mulberry32 } from '../../stats/prng';

/** n choose k, as a float (it only has to be compared with maxCandidates). */
export function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return Math.round(c);
}

/** Every k-subset of `pool`, in order. */
function allSets(pool: readonly string[], k: number): string[][] {
  if (k === 0) return [[]];
  return pool.flatMap((id, i) => allSets(pool.slice(i + 1), k - 1).map((rest) => [id, ...rest]));
}

/**
 * Up to `max` distinct k-subsets of `pool`, drawn by a seeded partial Fisher–Yates shuffle (mulberry32); all of
 * them, in order, when there are no more than `max`. A bounded random search stands in for GeoLift's exhaustive
 * market selection (R/pre_test_power.R `GeoLiftMarketSelection`), since C(40, 3) = 9,880 sets × the placebo fits
 * of each is far too much work for a command.
 */
export function candidateSets(pool: readonly string[], k: number, max: number, seed: number): string[][] {
  if (choose(pool.length, k) <= max) return allSets(pool, k);
  const random = mulberry32(seed);
  const seen = new Set<string>();
  const sets: string[][] = [];
  for (let attempt = 0; sets.length < max && attempt < 20 * max; attempt++) {
    const deck = [...pool];
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(random() * (deck.length - i));
      [deck[i], deck[j]] = [deck[j]!, deck[i]!];
    }
    const set = deck.slice(0, k).sort();
    const key = set.join('\u0000');
    if (!seen.has(key)) sets.push(set);
    seen.add(key);
  }
  return sets;
}

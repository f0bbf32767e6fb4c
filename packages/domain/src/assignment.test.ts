import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { describe, expect, it } from 'vitest';
import { assignVariant, bucketOf, cumulativeWeights, fnv1a32 } from './assignment';
import { mulberry32 } from './stats/prng';

/** Pearson χ² goodness of fit; returns the p-value. */
function chiSquareP(observed: number[], expected: number[]): number {
  const stat = observed.reduce((s, o, i) => s + (o - (expected[i] as number)) ** 2 / (expected[i] as number), 0);
  return 1 - chisquareCdf(stat, observed.length - 1);
}

describe('fnv1a32', () => {
  it('matches the published FNV-1a test vectors (draft-eastlake-fnv)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foo')).toBe(0xa9f37ed7);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('assignVariant', () => {
  const units = Array.from({ length: 100_000 }, (_, i) => `user-${i}`);

  it('splits 100,000 units by the weights, within χ² bounds', () => {
    for (const weights of [
      [0.5, 0.5],
      [0.2, 0.3, 0.5],
      [0.1, 0.1, 0.1, 0.7],
    ]) {
      const bounds = cumulativeWeights(weights);
      const counts = weights.map(() => 0);
      for (const u of units) counts[assignVariant('spring-promo', u, bounds)]! += 1;
      expect(
        chiSquareP(
          counts,
          weights.map((w) => w * units.length),
        ),
        JSON.stringify(counts),
      ).toBeGreaterThan(0.001);
    }
  });

  it('assigns independently across experiments', () => {
    const bounds = cumulativeWeights([0.5, 0.5]);
    const table = [0, 0, 0, 0];
    for (const u of units) table[assignVariant('exp-a', u, bounds) * 2 + assignVariant('exp-b', u, bounds)]! += 1;
    // Independence of two fair splits: each of the four cells expects a quarter of the units.
    expect(
      chiSquareP(
        table,
        [0.25, 0.25, 0.25, 0.25].map((q) => q * units.length),
      ),
    ).toBeGreaterThan(0.001);
  });

  it("computes GrowthBook's formula exactly, without its strings", () => {
    const formula = (seed: string, unit: string) => (fnv1a32(String(fnv1a32(seed + unit))) % 10_000) / 10_000;
    const rnd = mulberry32(15);
    const alphabet = ['a', 'Z', '0', '9', '-', '@', '.', 'é', 'ß', '€', '中', '😀', '\uD800', '\u0000', ' '];
    const text = (max: number) =>
      Array.from({ length: Math.floor(rnd() * max) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const [seed, unit] = [text(24), text(40)];
      expect(bucketOf(seed, unit), JSON.stringify([seed, unit])).toBe(formula(seed, unit));
    }
  });

  it('is stable across releases (golden vectors)', () => {
    // Frozen: a change here would silently move every running experiment's units to other variants.
    expect(bucketOf('', 'a')).toBe(0.0216);
    expect(bucketOf('spring-promo-email', 'alice@example.com')).toBe(0.8522);
    expect(bucketOf('spring-promo-email', 'bob@example.com')).toBe(0.9696);
    expect(bucketOf('banner-test', '12345')).toBe(0.7997);
    expect(assignVariant('spring-promo-email', 'alice@example.com', cumulativeWeights([0.5, 0.5]))).toBe(1);
    expect(assignVariant('spring-promo-email', 'alice@example.com', cumulativeWeights([0.9, 0.1]))).toBe(0);
  });

  it('refuses weights that do not describe a split', () => {
    expect(() => cumulativeWeights([1])).toThrow(/at least 2 variants/);
    expect(() => cumulativeWeights([0.5, 0.6])).toThrow(/sum to 1/);
    expect(() => cumulativeWeights([1.5, -0.5])).toThrow(/Weight 1/);
  });
});

import nquantile from '@stdlib/stats-base-dists-normal-quantile';
import tquantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../stats/prng';
import { groupSequentialBoundaries, obrienFlemingSpending, welchToZ } from './group-sequential';

describe('O’Brien–Fleming-type Lan–DeMets boundaries', () => {
  // Published two-sided α = 0.05 boundaries for 5 equally spaced looks (ldbounds `bounds(5, iuse = c(1, 1),
  // alpha = c(0.025, 0.025))`, gsDesign `gsDesign(k = 5, test.type = 2, sfu = sfLDOF)`): 4.877, 3.357, 2.680, 2.290,
  // 2.031. (2.040 is the final value of the classic O'Brien–Fleming design, not of its Lan–DeMets approximation.)
  it('matches the published 5-look boundaries at α = 0.05', () => {
    const published = [4.8769, 3.3569, 2.6803, 2.2898, 2.031];
    for (const [k, c] of groupSequentialBoundaries(5, 0.05).entries()) expect(c).toBeCloseTo(published[k]!, 3);
  });

  // SeqBounds.jl README (PharmCat/SeqBounds.jl): O'Brien–Fleming spending at 0.05 per side, looks at ¼, ½, ¾, 1:
  // Z = 3.74955, 2.53993, 2.01604, 1.72014 — the two-sided α = 0.10 design here (its far side adds < 1e-6).
  it('matches SeqBounds.jl’s 4-look boundaries at 0.05 per side', () => {
    const published = [3.74955, 2.53993, 2.01604, 1.72014];
    for (const [k, c] of groupSequentialBoundaries(4, 0.1).entries()) expect(c).toBeCloseTo(published[k]!, 3);
  });

  it('is the fixed-horizon z_{1−α/2} with one look, and falls look by look', () => {
    expect(groupSequentialBoundaries(1, 0.05)[0]).toBeCloseTo(nquantile(0.975, 0, 1), 8);
    const eight = groupSequentialBoundaries(8, 0.05);
    expect(eight).toHaveLength(8);
    for (let k = 1; k < 8; k++) expect(eight[k]!).toBeLessThan(eight[k - 1]!);
    expect(eight[7]!).toBeGreaterThan(1.96);
  });

  it('spends α(t) = 2·(2 − 2Φ(z_{1−α/4}/√t)) over both sides, all of α at t = 1', () => {
    expect(obrienFlemingSpending(0, 0.05)).toBe(0);
    expect(obrienFlemingSpending(1, 0.05)).toBe(0.05);
    expect(obrienFlemingSpending(1 - 1e-12, 0.05)).toBeCloseTo(0.05, 10);
    expect(obrienFlemingSpending(0.5, 0.05)).toBeCloseTo(0.0030506455, 9); // scipy: z_{.9875}·√2 = 3.16982
  });

  // An independent check of the recursion: Brownian paths seen at 8 equally spaced looks cross ±c_k first at look k
  // as often as the spending function allows (100,000 seeded paths, simulation error ≈ 0.0007 on the total).
  it('lets null paths cross as often as the spending function allows (seeded Monte Carlo)', () => {
    const c = groupSequentialBoundaries(8, 0.05);
    const random = mulberry32(11);
    const crossedBy = Array.from({ length: 8 }, () => 0);
    const paths = 100_000;
    for (let p = 0; p < paths; p++) {
      let sum = 0;
      for (let k = 1; k <= 8; k++) {
        sum += nquantile(random(), 0, 1);
        if (Math.abs(sum / Math.sqrt(k)) >= c[k - 1]!) {
          crossedBy[k - 1]!++;
          break;
        }
      }
    }
    let cumulative = 0;
    crossedBy.forEach((n, k) => {
      cumulative += n / paths;
      const allowed = obrienFlemingSpending((k + 1) / 8, 0.05);
      expect(Math.abs(cumulative - allowed)).toBeLessThan(4 * Math.sqrt((allowed * (1 - allowed)) / paths) + 1e-5);
    });
  });

  it('rejects looks and α it cannot design for', () => {
    expect(() => groupSequentialBoundaries(0, 0.05)).toThrow(/looks/);
    expect(() => groupSequentialBoundaries(2.5, 0.05)).toThrow(/looks/);
    expect(() => groupSequentialBoundaries(4, 0)).toThrow(/alpha/);
  });
});

describe('welchToZ', () => {
  it('maps a Welch t to the normal quantile of its t-distribution probability', () => {
    expect(welchToZ(tquantile(0.975, 12), 12)).toBeCloseTo(1.959964, 5);
    expect(welchToZ(tquantile(0.01, 5), 5)).toBeCloseTo(-2.326348, 5);
    expect(welchToZ(0, 7)).toBeCloseTo(0, 12);
  });

  // scipy: −Φ⁻¹(T_8(−60)) = 6.865732; computed as Φ⁻¹(T_8(60)) it would lose digits to 1 − 3e-12.
  it('keeps precision far in the tail, where F_t is within 1e-11 of 1', () => {
    expect(welchToZ(60, 8)).toBeCloseTo(6.865732, 5);
    expect(welchToZ(-60, 8)).toBeCloseTo(-6.865732, 5);
  });
});

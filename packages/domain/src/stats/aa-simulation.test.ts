import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { drawConversions, mulberry32 } from './prng';
import type { AnalyzeRequest } from './request';
import type { FrequentistTreatmentResult } from './types';

// A/A experiments: both arms convert at the same rate, so every significant result is a false positive.
// Seeded, so the rates below are the same on every run.
const EXPERIMENTS = 2_000;
const RATE = 0.1;
const ALPHA = 0.05;

const binomial = (a: number, b: number, users: number, extra: Partial<AnalyzeRequest> = {}): AnalyzeRequest => ({
  metric: 'binomial',
  alpha: ALPHA,
  variants: [
    { key: 'a', users, sum: a },
    { key: 'b', users, sum: b },
  ],
  ...extra,
});
const significant = (request: AnalyzeRequest) =>
  (analyze(request).variants[1] as FrequentistTreatmentResult).significant;

describe('A/A simulation, 2,000 seeded experiments at α = 0.05', () => {
  it('keeps the fixed-horizon false-positive rate within 3.5–6.5%, relative and absolute', () => {
    const random = mulberry32(20240601);
    let relative = 0;
    let absolute = 0;
    for (let i = 0; i < EXPERIMENTS; i++) {
      const a = drawConversions(random, 1_000, RATE);
      const b = drawConversions(random, 1_000, RATE);
      if (significant(binomial(a, b, 1_000))) relative++;
      if (significant(binomial(a, b, 1_000, { difference: 'absolute' }))) absolute++;
    }
    for (const rate of [relative / EXPERIMENTS, absolute / EXPERIMENTS]) {
      expect(rate).toBeGreaterThanOrEqual(0.035);
      expect(rate).toBeLessThanOrEqual(0.065);
    }
  });

  it('keeps the sequential interval\'s "ever significant over 10 peeks" rate at or below α, where peeking at the fixed-horizon test does not', () => {
    const random = mulberry32(7);
    const batch = 500;
    let sequentialEver = 0;
    let fixedEver = 0;
    for (let i = 0; i < EXPERIMENTS; i++) {
      let a = 0;
      let b = 0;
      let sequentialHit = false;
      let fixedHit = false;
      for (let peek = 1; peek <= 10; peek++) {
        a += drawConversions(random, batch, RATE);
        b += drawConversions(random, batch, RATE);
        sequentialHit ||= significant(binomial(a, b, peek * batch, { sequential: 5_000 }));
        fixedHit ||= significant(binomial(a, b, peek * batch));
      }
      if (sequentialHit) sequentialEver++;
      if (fixedHit) fixedEver++;
    }
    expect(sequentialEver / EXPERIMENTS).toBeLessThanOrEqual(ALPHA);
    // The reason the sequential engine exists: ten looks at a fixed-horizon test inflate its error well past α.
    expect(fixedEver / EXPERIMENTS).toBeGreaterThan(ALPHA);
  });
});

// Ratio metrics: per unit, a denominator d (sessions, orders) and a numerator m (clicks, revenue) drawn alike
// in both arms, summed into the statistics `analyze` takes; the delta method must keep the rate near α.
type Unit = (random: () => number) => [m: number, d: number];
const clicksPerSession: Unit = (random) => {
  const sessions = 1 + drawConversions(random, 4, 0.4);
  return [drawConversions(random, sessions, 0.3), sessions];
};
const revenuePerOrder: Unit = (random) => {
  const orders = drawConversions(random, 3, 0.2); // most units order nothing
  let revenue = 0;
  for (let i = 0; i < orders; i++) revenue += -20 * Math.log(1 - random()); // exponential order values
  return [revenue, orders];
};

function ratioArm(random: () => number, key: string, users: number, unit: Unit) {
  const v = { key, users, numSum: 0, numSumSquares: 0, denSum: 0, denSumSquares: 0, numDenSum: 0 };
  for (let i = 0; i < users; i++) {
    const [m, d] = unit(random);
    v.numSum += m;
    v.numSumSquares += m * m;
    v.denSum += d;
    v.denSumSquares += d * d;
    v.numDenSum += m * d;
  }
  return v;
}

describe('A/A simulation of ratio metrics, 2,000 seeded experiments of 1,000 users per arm at α = 0.05', () => {
  // Seeded: clicks per session gives 93, 89, 93 false positives of 2,000 (relative, absolute, Bayesian);
  // revenue per order 92, 96, 92.
  it.each([
    { name: 'clicks per session', unit: clicksPerSession, seed: 11 },
    { name: 'revenue per order', unit: revenuePerOrder, seed: 12 },
  ])('$name: fixed-horizon and Bayesian false-positive rates within 3.5–6.5 percent', ({ unit, seed }) => {
    const random = mulberry32(seed);
    const hits = { relative: 0, absolute: 0, bayesian: 0 };
    for (let i = 0; i < EXPERIMENTS; i++) {
      const variants = [ratioArm(random, 'a', 1_000, unit), ratioArm(random, 'b', 1_000, unit)];
      const request: AnalyzeRequest = { metric: 'ratio', alpha: ALPHA, variants };
      if (significant(request)) hits.relative++;
      if (significant({ ...request, difference: 'absolute' })) hits.absolute++;
      if (analyze({ ...request, engine: 'bayesian' }).variants[1]?.significant) hits.bayesian++;
    }
    for (const count of Object.values(hits)) {
      expect(count / EXPERIMENTS).toBeGreaterThanOrEqual(0.035);
      expect(count / EXPERIMENTS).toBeLessThanOrEqual(0.065);
    }
  });
});

describe('A/A simulation of binomial CUPED, 2,000 seeded experiments of 1,000 users per arm at α = 0.05', () => {
  // A unit converted before with p = 0.3; it converts now with p = 0.5 if it did, 0.15 if not (ρ ≈ 0.37).
  function cupedArm(random: () => number, key: string, users: number) {
    const v = { key, users, sum: 0, preSum: 0, preSumSquares: 0, sumProduct: 0 };
    for (let i = 0; i < users; i++) {
      const pre = random() < 0.3 ? 1 : 0;
      const post = random() < (pre ? 0.5 : 0.15) ? 1 : 0;
      v.sum += post;
      v.preSum += pre;
      v.preSumSquares += pre;
      v.sumProduct += pre * post;
    }
    return v;
  }

  // Seeded: 88 and 91 false positives of 2,000 (relative, absolute).
  it('keeps the adjusted fixed-horizon false-positive rate within 3.5–6.5%, relative and absolute', () => {
    const random = mulberry32(13);
    let relative = 0;
    let absolute = 0;
    for (let i = 0; i < EXPERIMENTS; i++) {
      const request: AnalyzeRequest = {
        metric: 'binomial',
        alpha: ALPHA,
        cuped: true,
        variants: [cupedArm(random, 'a', 1_000), cupedArm(random, 'b', 1_000)],
      };
      if (significant(request)) relative++;
      if (significant({ ...request, difference: 'absolute' })) absolute++;
    }
    for (const rate of [relative / EXPERIMENTS, absolute / EXPERIMENTS]) {
      expect(rate).toBeGreaterThanOrEqual(0.035);
      expect(rate).toBeLessThanOrEqual(0.065);
    }
  });
});

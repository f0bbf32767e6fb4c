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

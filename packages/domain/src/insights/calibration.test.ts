import { describe, expect, it } from 'vitest';
import { brierScore, liftRatio, reliabilityBuckets } from './calibration';

describe('reliabilityBuckets', () => {
  it('puts each confidence in [from, to), the last bucket closed at 1, and counts wins', () => {
    const tests = [0, 0.19, 0.2, 0.6, 0.1 * 6, 0.79, 0.8, 1].map((confidence, i) => ({ confidence, won: i % 2 === 0 }));
    expect(reliabilityBuckets(tests)).toEqual([
      { from: 0, to: 0.2, n: 2, wins: 1 },
      { from: 0.2, to: 0.4, n: 1, wins: 1 },
      { from: 0.4, to: 0.6, n: 0, wins: 0 },
      { from: 0.6, to: 0.8, n: 3, wins: 1 },
      { from: 0.8, to: 1, n: 2, wins: 1 },
    ]);
  });

  it('has five empty buckets for no tests', () => {
    expect(reliabilityBuckets([]).map((b) => b.n)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('brierScore', () => {
  it('is the mean squared gap between confidence and outcome: (0.2² + 0.3² + 0.5²)/3', () => {
    const score = brierScore([
      { confidence: 0.8, won: true },
      { confidence: 0.3, won: false },
      { confidence: 0.5, won: true },
    ]);
    expect(score).toBeCloseTo(0.38 / 3, 15);
  });

  it('is null without tests', () => {
    expect(brierScore([])).toBeNull();
  });
});

describe('liftRatio', () => {
  const pairs = (shrunk: number[], predicted: number[]) =>
    shrunk.map((s, i) => ({ shrunk: s, predicted: predicted[i] as number }));

  it('is Σx̃/Σl: realised 0.05 over predicted 0.25 is 0.2', () => {
    expect(liftRatio(pairs([0.02, 0.01, 0, 0.03, -0.01], [0.05, 0.05, 0.05, 0.05, 0.05]))).toBeCloseTo(0.2, 15);
  });

  it('is null ("not enough data") below 5 tests or when Σl ≤ 0', () => {
    expect(liftRatio(pairs([0.02, 0.01, 0, 0.03], [0.05, 0.05, 0.05, 0.05]))).toBeNull();
    expect(liftRatio(pairs([0.02, 0.01, 0, 0.03, 0], [0.05, -0.05, 0, 0.1, -0.1]))).toBeNull();
    expect(liftRatio([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { winRate, winRatesBy } from './win-rate';

// Quantiles checked against scipy.stats.beta.ppf; Beta(a, 1) and Beta(1, b) also in closed form (cdf x^a).
describe('winRate', () => {
  it('3 wins of 10: posterior Beta(4, 8), mean 1/3, 90% interval from scipy', () => {
    const rate = winRate(3, 10);
    expect(rate).toMatchObject({ wins: 3, n: 10, rate: 0.3 });
    expect(rate.mean).toBeCloseTo(4 / 12, 15);
    expect(rate.low).toBeCloseTo(0.13507547291964123, 12);
    expect(rate.high).toBeCloseTo(0.5643741882892295, 12);
  });

  it('5 of 5 and 0 of 5 match the closed form of Beta(6, 1) and Beta(1, 6)', () => {
    const all = winRate(5, 5);
    expect(all.mean).toBeCloseTo(6 / 7, 15);
    expect(all.low).toBeCloseTo(0.05 ** (1 / 6), 12);
    expect(all.high).toBeCloseTo(0.95 ** (1 / 6), 12);
    const none = winRate(0, 5);
    expect(none.mean).toBeCloseTo(1 / 7, 15);
    expect(none.low).toBeCloseTo(1 - 0.95 ** (1 / 6), 12);
    expect(none.high).toBeCloseTo(1 - 0.05 ** (1 / 6), 12);
  });

  it('with no completed test the prior is uniform: mean ½, interval [0.05, 0.95], no observed rate', () => {
    expect(winRate(0, 0)).toEqual({ wins: 0, n: 0, rate: null, mean: 0.5, low: 0.05, high: 0.95 });
  });

  it('groups tests by a key and counts wins in each (12 of 20: Beta(13, 9) per scipy)', () => {
    const tests = [
      ...Array.from({ length: 20 }, (_, i) => ({ channel: 'EMAIL', won: i < 12 })),
      { channel: 'BANNER', won: false },
    ];
    const [email, banner] = winRatesBy(
      tests,
      (t) => t.channel,
      (t) => t.won,
    );
    expect(email).toMatchObject({ group: 'EMAIL', wins: 12, n: 20 });
    expect(email?.low).toBeCloseTo(0.41719867013456313, 12);
    expect(email?.high).toBeCloseTo(0.7550055616916571, 12);
    expect(banner).toMatchObject({ group: 'BANNER', wins: 0, n: 1, rate: 0, mean: 1 / 3 });
  });
});

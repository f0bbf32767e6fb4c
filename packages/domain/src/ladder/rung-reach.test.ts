import { describe, expect, it } from 'vitest';
import { parseRungReach, projectMonthlyGain, reachAtRung, reprojectAtReach } from './rung-reach';

describe("a rung's reach per month", () => {
  it('is a positive whole number; anything else is refused naming reachPerMonth', () => {
    expect(parseRungReach(1)).toBe(1);
    expect(parseRungReach(2_147_483_647)).toBe(2_147_483_647);
    for (const bad of [0, -1, 2.5, 2_147_483_648, Number.NaN, '100', null]) {
      expect(() => parseRungReach(bad)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', field: 'reachPerMonth' }));
    }
    expect(() => parseRungReach(0)).toThrow(/^reachPerMonth must be ≥ 1/);
  });

  it("defaults to the hypothesis' reach where the offer never stood", () => {
    expect(reachAtRung('BANNER', { BANNER: 40_000 }, 10_000)).toBe(40_000);
    expect(reachAtRung('OFFLINE', { BANNER: 40_000 }, 10_000)).toBe(10_000);
  });

  it('projects R·b̂·x·v, and 0 when the rate or the lift is unknown (a location test)', () => {
    // 50,000 × 0.1 × 0.6 × 40 = 120,000
    expect(
      projectMonthlyGain({ reachPerMonth: 50_000, controlMean: 0.1, lift: 0.6, valuePerConversion: 40 }),
    ).toBeCloseTo(120_000, 9);
    expect(projectMonthlyGain({ reachPerMonth: 50_000, controlMean: null, lift: 0.6, valuePerConversion: 40 })).toBe(0);
    expect(
      projectMonthlyGain({ reachPerMonth: 50_000, controlMean: 0.1, lift: undefined, valuePerConversion: 40 }),
    ).toBe(0);
  });

  it("re-projects evidence at another reach, keeping its own value per conversion over the hypothesis' today", () => {
    const evidence = {
      controlMean: 0.1,
      estimate: 0.6,
      reachPerMonth: 10_000,
      valuePerConversion: 40,
      winner: 'promo',
    };
    const at = reprojectAtReach(evidence, 50_000, 99);
    expect(at).toMatchObject({ winner: 'promo', reachPerMonth: 50_000, valuePerConversion: 40 });
    expect(at.projectedMonthlyGain).toBeCloseTo(120_000, 9);
    // Evidence from before the value was kept takes the hypothesis' figure.
    expect(reprojectAtReach({ controlMean: 0.1, estimate: 0.6 }, 10_000, 50).projectedMonthlyGain).toBeCloseTo(
      30_000,
      9,
    );
  });
});

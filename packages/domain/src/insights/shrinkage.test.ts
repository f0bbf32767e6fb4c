import { describe, expect, it } from 'vitest';
import { shrinkLifts } from './shrinkage';

const lifts = (xs: number[], ss: number[]) => xs.map((estimate, i) => ({ estimate, se: ss[i] as number }));

describe('shrinkLifts (Morris 1983)', () => {
  it('estimates τ² by moments and pulls each lift toward 0 by τ²/(τ² + s²)', () => {
    // Σx² = 0.0193, Σs² = 0.0055, τ² = (0.0193 − 0.0055)/5 = 0.00276.
    const result = shrinkLifts(lifts([0.1, 0.05, -0.02, 0.08, 0], [0.03, 0.04, 0.02, 0.05, 0.01]));
    expect(result.calibrated).toBe(true);
    expect(result.tau2).toBeCloseTo(0.00276, 15);
    const [first, second, third] = result.shrunk;
    expect(first?.estimate).toBeCloseTo(0.075409836065574, 12); // 0.1·0.00276/0.00366
    expect(first?.se).toBeCloseTo(0.026051651, 8); // sqrt(0.00276·0.0009/0.00366)
    expect(second?.estimate).toBeCloseTo(0.0316513761, 9); // 0.05·0.00276/0.00436
    expect(third?.estimate).toBeCloseTo(-0.0174683544, 9); // −0.02·0.00276/0.00316
    expect(result.shrunk[4]).toEqual({ estimate: 0, se: expect.closeTo(0.0098236193, 9) }); // sqrt(0.00276·0.0001/0.00286)
  });

  it('sets every lift to 0 when the measured spread is all noise (τ² = 0)', () => {
    // Σx² = 0.0007 < Σs² = 0.0125.
    const result = shrinkLifts(lifts([0.01, -0.01, 0.02, 0, 0.01], [0.05, 0.05, 0.05, 0.05, 0.05]));
    expect(result.tau2).toBe(0);
    expect(result.shrunk).toEqual(Array(5).fill({ estimate: 0, se: 0 }));
  });

  it('keeps a lift measured without error (s = 0) as it is, and τ² = 0 with s = 0 gives 0, not NaN', () => {
    const result = shrinkLifts(lifts([0.2, 0.1, 0, 0, 0], [0, 0, 0, 0, 0]));
    expect(result.tau2).toBeCloseTo(0.01, 15); // (0.04 + 0.01)/5
    expect(result.shrunk[0]).toEqual({ estimate: 0.2, se: 0 });
    expect(shrinkLifts(lifts([0, 0, 0, 0, 0], [0, 0, 0, 0, 0])).shrunk[0]).toEqual({ estimate: 0, se: 0 });
  });

  it('leaves fewer than 5 lifts as measured, with τ² null ("too few to calibrate")', () => {
    const four = lifts([0.1, 0.05, -0.02, 0.08], [0.03, 0.04, 0.02, 0.05]);
    expect(shrinkLifts(four)).toEqual({ tau2: null, calibrated: false, shrunk: four });
    expect(shrinkLifts([])).toEqual({ tau2: null, calibrated: false, shrunk: [] });
  });
});

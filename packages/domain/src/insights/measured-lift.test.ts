import { describe, expect, it } from 'vitest';
import { measuredLift } from './measured-lift';

const ab = {
  srm: { chiSquare: 0, pValue: 1, flagged: false },
  variants: [
    { key: 'control', users: 1000, mean: 0.05 },
    { key: 'a', users: 1000, mean: 0.055, estimate: 0.1, se: 0.04 },
    { key: 'b', users: 1000, mean: 0.06, estimate: 0.2, se: 0.05 },
  ],
};

describe('measuredLift', () => {
  it("takes the decided winner's lift, not the largest", () => {
    expect(measuredLift(ab, 'a')).toEqual({ estimate: 0.1, se: 0.04, controlMean: 0.05, locations: null });
  });
  it('takes the largest relative lift when nothing won', () => {
    expect(measuredLift(ab, null)).toEqual({ estimate: 0.2, se: 0.05, controlMean: 0.05, locations: null });
  });
  it('leaves out a snapshot without an estimate', () => {
    const degenerate = {
      variants: [
        { key: 'control', mean: 0 },
        { key: 'a', estimate: null, se: null },
      ],
    };
    expect(measuredLift(degenerate, null)).toBeNull();
    expect(measuredLift(null, null)).toBeNull();
  });
  it("reads a DiD location test: se over the counterfactual, b̂ the holdout's weekly sales after the start", () => {
    // counterfactual = preMean_T + change_H = 1000 + 50 = 1050; relativeSe = 21 / 1050 = 0.02.
    const did = {
      treatment: { locations: 10, preMean: 1000, postMean: 1150, change: 150 },
      holdout: { locations: 30, preMean: 900, postMean: 950, change: 50 },
      estimate: 100,
      relative: 100 / 1050,
      se: 21,
    };
    expect(measuredLift(did, null)).toEqual({ estimate: 100 / 1050, se: 0.02, controlMean: 950, locations: 40 });
  });
  it('reads a synthetic control: b̂ is the synthetic series after the start (estimate / relative)', () => {
    const synthetic = {
      method: 'synthetic',
      treatment: { locations: 2, preMean: 800 },
      holdout: { locations: 24 },
      estimate: 64,
      relative: 0.08,
      relativeSe: 0.03,
    };
    expect(measuredLift(synthetic, null)).toEqual({ estimate: 0.08, se: 0.03, controlMean: 800, locations: 26 });
  });
});

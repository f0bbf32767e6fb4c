import { describe, expect, it } from 'vitest';
import { carriedPrior } from './prior';

const lower = (winner: string | null, estimate: number | null, se: number | null) => ({
  experimentKey: 'email-test',
  winner,
  analysis: { variants: [{ key: 'control' }, { key: 'b', estimate, se }] },
});

describe('carriedPrior', () => {
  it("widens the winner's estimate by the discount and names where it came from", () => {
    expect(carriedPrior(lower('b', 0.1, 0.02), 4)).toEqual({
      mean: 0.1,
      variance: 0.02 * 0.02 * 4,
      variant: 'b',
      from: 'email-test',
    });
  });

  it('gives none without a lower rung, a winner, an estimate or a positive se', () => {
    expect(carriedPrior(null, 4)).toBeNull();
    expect(carriedPrior(lower(null, 0.1, 0.02), 4)).toBeNull();
    expect(carriedPrior(lower('control', 0.1, 0.02), 4)).toBeNull();
    expect(carriedPrior(lower('b', null, 0.02), 4)).toBeNull();
    expect(carriedPrior(lower('b', 0.1, 0), 4)).toBeNull();
    expect(carriedPrior(lower('b', 0, 0.02), 4)).toMatchObject({ mean: 0 });
  });
});

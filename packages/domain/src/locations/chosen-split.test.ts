import { describe, expect, it } from 'vitest';
import { chosenLocationSplit } from './propose-split';

const row = (location: string, week: string, sales: number) => ({ location, week, sales });
// Five stores with two pre-period weeks each (means 100, 110, …, 140), and "late", which opened at the start.
const rows = [
  ...['a', 'b', 'c', 'd', 'e'].flatMap((id, i) => [
    row(id, '2026-01-05', 90 + 10 * i),
    row(id, '2026-01-12', 110 + 10 * i),
    row(id, '2026-02-02', 500),
  ]),
  row('late', '2026-02-02', 80),
];
const options = { start: '2026-02-01', seed: 'plan' };
const refusal = (message: string) => expect.objectContaining({ code: 'BAD_INPUT', field: 'treatment', message });

describe('chosenLocationSplit', () => {
  it('treats exactly the chosen locations; every other one with pre-period weeks is holdout', () => {
    expect(chosenLocationSplit(rows, ['d', 'b'], options)).toEqual({
      treatment: ['d', 'b'],
      holdout: ['a', 'c', 'e'],
      // Treated means 130 and 110; holdout 100, 120, 140: sd √200 and 20, pooled √300.
      balance: { treatmentMean: 120, holdoutMean: 120, standardizedDifference: 0 },
      seed: 'plan',
      start: '2026-02-01',
      chosen: true,
    });
    // One treated store (variance 0) against 100, 110, 120, 130 (sample variance 500/3).
    expect(chosenLocationSplit(rows, ['e'], options).balance.standardizedDifference).toBeCloseTo(
      (140 - 115) / Math.sqrt(500 / 3 / 2),
      10,
    );
  });

  it('refuses a set that is empty, repeats or names an unknown location, or leaves fewer than 2 holdouts', () => {
    expect(() => chosenLocationSplit(rows, [], options)).toThrow(refusal('treatment: must list at least one location'));
    expect(() => chosenLocationSplit(rows, ['a', 'a'], options)).toThrow(refusal('treatment: lists "a" twice'));
    expect(() => chosenLocationSplit(rows, ['a', 'zz'], options)).toThrow(
      refusal('treatment: location "zz" is not in the data'),
    );
    expect(() => chosenLocationSplit(rows, ['late'], options)).toThrow(
      refusal('treatment: location "late" has no weeks before 2026-02-01 (the pre-period)'),
    );
    expect(() => chosenLocationSplit(rows, ['a', 'b', 'c', 'd'], options)).toThrow(
      refusal('treatment: leaves 1 holdout location(s) with weeks before 2026-02-01; at least 2 must remain'),
    );
  });
});

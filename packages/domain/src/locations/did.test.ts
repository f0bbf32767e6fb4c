import { describe, expect, it } from 'vitest';
import { analyzeLocations } from './did';
import { type LocationAnalysisInput, ZLocationAnalysisInput } from './did-input';

const WEEKS = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];
const START = '2025-03-17';

/** Rows for locations given as [pre weeks, post weeks] sales: two weeks before START, two from it. */
const rowsOf = (locations: Record<string, [number[], number[]]>) =>
  Object.entries(locations).flatMap(([location, [pre, post]]) => [
    ...pre.map((sales, i) => ({ location, week: WEEKS[i]!, sales })),
    ...post.map((sales, i) => ({ location, week: WEEKS[2 + i]!, sales })),
  ]);

// d = post − pre per location: treatment 20, 25, 15, 22 (mean 20.5, s² = 53/3); holdout 5, 8, 2, 9 (mean 6, s² = 10).
const HAND: Record<string, [number[], number[]]> = {
  T1: [
    [100, 110],
    [120, 130],
  ],
  T2: [
    [200, 190],
    [215, 225],
  ],
  T3: [
    [50, 60],
    [65, 75],
  ],
  T4: [
    [80, 80],
    [100, 104],
  ],
  H1: [
    [100, 100],
    [104, 106],
  ],
  H2: [
    [150, 170],
    [170, 166],
  ],
  H3: [
    [60, 70],
    [66, 68],
  ],
  H4: [
    [90, 94],
    [100, 102],
  ],
};
const numbersIn = (value: unknown): number[] =>
  typeof value === 'number'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(numbersIn)
      : [];
const handInput = (extra: Partial<LocationAnalysisInput> = {}): LocationAnalysisInput => ({
  rows: rowsOf(HAND),
  treatment: ['T1', 'T2', 'T3', 'T4'],
  holdout: ['H1', 'H2', 'H3', 'H4'],
  start: START,
  ...extra,
});

describe('analyzeLocations', () => {
  it('matches a difference-in-differences worked by hand', () => {
    // estimate = 20.5 − 6 = 14.5; se = √(53/3/4 + 10/4) = √6.916667 = 2.629956;
    // df = 6.916667² / ((4.416667² + 2.5²)/3) = 5.572122; t = 5.513401;
    // p = 2·T₅.₅₇₂(−5.513401) = 0.001903483 and CI = 14.5 ± t₅.₅₇₂,₀.₉₇₅·se (scipy.stats ttest_ind(equal_var=False), t.ppf);
    // relative = 14.5 / (mean pre_T 108.75 + mean d_H 6) = 14.5/114.75;
    // power at +5% of 108.75 = 5.4375: 1 − Φ(1.959964 − 5.4375/se) + Φ(−1.959964 − 5.4375/se) = 0.542856 (scipy.stats.norm).
    const r = analyzeLocations(handInput());
    expect(r.estimate).toBeCloseTo(14.5, 6);
    expect(r.se).toBeCloseTo(2.6299556396765835, 6);
    expect(r.df).toBeCloseTo(5.572121865732003, 6);
    expect(r.pValue).toBeCloseTo(0.0019034829660161006, 6);
    expect(r.ci?.[0]).toBeCloseTo(7.943025457256884, 6);
    expect(r.ci?.[1]).toBeCloseTo(21.056974542743117, 6);
    expect(r.relative).toBeCloseTo(0.12636165577342048, 6);
    expect(r.power).toBeCloseTo(0.542856372172655, 6);
    expect(r.significant).toBe(true);
    expect(r.treatment).toEqual({ locations: 4, preMean: 108.75, postMean: 129.25, change: 20.5 });
    expect(r.holdout).toEqual({ locations: 4, preMean: 104.25, postMean: 110.25, change: 6 });
    expect(r.warnings).toEqual([]);
    expect(r.excluded).toEqual([]);
  });

  it('reads α and the power lift from the input', () => {
    const r = analyzeLocations(handInput({ alpha: 0.001, mde: 0.2 }));
    expect(r.significant).toBe(false); // p = 0.0019 > 0.001
    expect(r.power).toBeGreaterThan(0.9);
  });

  it('names and excludes locations without pre- or post-period weeks', () => {
    const rows = [
      ...rowsOf(HAND),
      ...rowsOf({
        T5: [[10, 10], []],
        H5: [[], [10, 12]],
        X: [
          [1, 1],
          [1, 1],
        ],
      }),
    ];
    const r = analyzeLocations({
      ...handInput({ rows }),
      treatment: ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'],
      holdout: ['H1', 'H2', 'H3', 'H4', 'H5'],
    });
    expect(r.excluded).toEqual(['T6', 'H5', 'T5']);
    expect(r.warnings).toEqual([
      'no sales rows for T6; excluded',
      'no weeks before 2025-03-17 for H5; excluded',
      'no weeks from 2025-03-17 on for T5; excluded',
      '4 rows belong to locations in neither group; they were ignored',
    ]);
    expect(r.estimate).toBeCloseTo(14.5, 9); // the same locations as the worked case remain
  });

  it('returns null statistics, never NaN, with fewer than 2 locations per group', () => {
    const r = analyzeLocations(handInput({ holdout: ['H1'] }));
    expect(r).toMatchObject({
      estimate: null,
      se: null,
      df: null,
      ci: null,
      pValue: null,
      power: null,
      relative: null,
    });
    expect(r.significant).toBe(false);
    expect(r.holdout).toEqual({ locations: 1, preMean: 100, postMean: 105, change: 5 });
    expect(r.warnings).toEqual([
      '12 rows belong to locations in neither group; they were ignored',
      'each group needs at least 2 locations with weeks before and from 2025-03-17 (treatment has 4, holdout 1); the statistics are null',
    ]);
    const empty = analyzeLocations({ rows: [], treatment: [], holdout: [], start: START });
    expect(empty.treatment).toEqual({ locations: 0, preMean: null, postMean: null, change: null });
    expect([...numbersIn(r), ...numbersIn(empty)].some(Number.isNaN)).toBe(false);
  });

  it('returns null statistics when every location changed by the same amount', () => {
    const same = rowsOf({
      A: [
        [10, 10],
        [12, 12],
      ],
      B: [
        [20, 20],
        [22, 22],
      ],
      C: [
        [5, 5],
        [6, 6],
      ],
      D: [
        [7, 7],
        [8, 8],
      ],
    });
    const r = analyzeLocations({ rows: same, treatment: ['A', 'B'], holdout: ['C', 'D'], start: START });
    expect(r.estimate).toBeNull();
    expect(r.warnings).toEqual([
      'every location changed by the same amount, so the difference has zero variance; the statistics are null',
    ]);
  });
});

describe('ZLocationAnalysisInput', () => {
  const messages = (input: unknown) =>
    ZLocationAnalysisInput.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  it('accepts the worked case and names every bad field', () => {
    expect(messages(handInput())).toBeUndefined();
    expect(
      messages({
        rows: [{ location: 'A', week: '03/03/2025', sales: 'x' }],
        treatment: ['A'],
        start: '2025-02-30',
        alpha: 0.9,
        mde: 0,
      }),
    ).toEqual([
      'rows.0.week: must be an ISO date (YYYY-MM-DD)',
      'rows.0.sales: must be a number',
      'holdout: is required',
      'start: must be an ISO date (YYYY-MM-DD)',
      'alpha: must be > 0 and ≤ 0.5',
      'mde: must be > 0 (a relative lift, e.g. 0.05)',
    ]);
  });

  it('rejects a location in both groups, listed twice, or a week given twice', () => {
    const rows = [...rowsOf(HAND), { location: 'T1', week: WEEKS[0]!, sales: 1 }];
    expect(messages(handInput({ rows, treatment: ['T1', 'T1', 'H1'] }))).toEqual([
      'treatment.1: duplicate location "T1"',
      'holdout.0: location "H1" is also in the treatment group',
      'rows.32: duplicate week 2025-03-03 for location "T1" (also rows[0])',
    ]);
  });
});

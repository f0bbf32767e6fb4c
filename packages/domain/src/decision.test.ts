import { describe, expect, it } from 'vitest';
import { decideExperiment } from './decision';
import { analyze } from './stats';
import type { AnalyzeRequest } from './stats/request';

const binomial = (pairs: [number, number][], extra: Partial<AnalyzeRequest> = {}) =>
  analyze({
    metric: 'binomial',
    variants: pairs.map(([users, sum], i) => ({ key: i === 0 ? 'control' : `t${i}`, users, sum })),
    ...extra,
  } as AnalyzeRequest);

describe('decideExperiment', () => {
  it('NO_DATA while a variant has fewer than 2 units', () => {
    const d = decideExperiment({
      primary: binomial([
        [1, 0],
        [50, 5],
      ]),
      plannedUsers: 100,
    });
    expect(d).toMatchObject({ outcome: 'NO_DATA', reason: expect.stringContaining('"control" has 1 unit') });
  });

  it('SRM_HALT on a broken split, even when the treatment looks like a winner', () => {
    const d = decideExperiment({
      primary: binomial([
        [5000, 400],
        [5600, 700],
      ]),
      plannedUsers: 1000,
    });
    expect(d.outcome).toBe('SRM_HALT');
  });

  it('fixed horizon: keeps running until the planned users, then decides', () => {
    const strong = binomial([
      [5000, 400],
      [5000, 520],
    ]);
    expect(decideExperiment({ primary: strong, plannedUsers: 20_000 }).outcome).toBe('KEEP_RUNNING');
    expect(decideExperiment({ primary: strong, plannedUsers: 10_000 })).toMatchObject({ outcome: 'WIN', winner: 't1' });
    const worse = binomial([
      [5000, 520],
      [5000, 400],
    ]);
    expect(decideExperiment({ primary: worse, plannedUsers: 10_000 }).outcome).toBe('LOSS');
    // Reference case 1 of the stats issue: p = 0.0796, not significant.
    expect(
      decideExperiment({
        primary: binomial([
          [1000, 120],
          [1000, 150],
        ]),
        plannedUsers: 2000,
      }).outcome,
    ).toBe('INCONCLUSIVE');
  });

  it('uses corrected p-values with several treatments', () => {
    // t1 alone passes at α = 0.05 (p ≈ 0.028) but not after Holm over three treatments (adjusted ≈ 0.084).
    const arms: [number, number][] = [
      [4000, 400],
      [4000, 466],
      [4000, 401],
      [4000, 399],
    ];
    expect(decideExperiment({ primary: binomial(arms), plannedUsers: 16_000 })).toMatchObject({ outcome: 'WIN' });
    const corrected = binomial(arms, { correction: 'holm' });
    expect(decideExperiment({ primary: corrected, plannedUsers: 16_000 }).outcome).toBe('INCONCLUSIVE');
  });

  it('sequential: decides as soon as the interval excludes 0', () => {
    const primary = binomial(
      [
        [5000, 400],
        [5000, 520],
      ],
      { sequential: 5000 },
    );
    expect(decideExperiment({ primary, plannedUsers: 100_000, settings: { sequential: 5000 } })).toMatchObject({
      outcome: 'WIN',
      winner: 't1',
    });
    // Reference case 5: interval [−0.059, 0.409] contains 0 → keep going until the plan.
    const unsure = binomial(
      [
        [5000, 400],
        [5000, 470],
      ],
      { sequential: 5000 },
    );
    expect(decideExperiment({ primary: unsure, plannedUsers: 100_000, settings: { sequential: 5000 } }).outcome).toBe(
      'KEEP_RUNNING',
    );
    expect(decideExperiment({ primary: unsure, plannedUsers: 10_000, settings: { sequential: 5000 } }).outcome).toBe(
      'INCONCLUSIVE',
    );
  });

  it('a harmed guardrail turns a WIN into INCONCLUSIVE, naming it', () => {
    const primary = binomial([
      [5000, 400],
      [5000, 520],
    ]);
    const unsubscribes = binomial([
      [5000, 50],
      [5000, 110],
    ]);
    const d = decideExperiment({
      primary,
      plannedUsers: 10_000,
      guardrails: [{ name: 'unsubscribe', harmful: 'up', analysis: unsubscribes }],
    });
    expect(d).toMatchObject({ outcome: 'INCONCLUSIVE', reason: expect.stringContaining('"unsubscribe"') });
    const fine = decideExperiment({
      primary,
      plannedUsers: 10_000,
      guardrails: [
        {
          name: 'unsubscribe',
          harmful: 'up',
          analysis: binomial([
            [5000, 50],
            [5000, 52],
          ]),
        },
      ],
    });
    expect(fine.outcome).toBe('WIN');
  });
});

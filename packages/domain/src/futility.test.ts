import { describe, expect, it } from 'vitest';
import { minWorthwhileLift } from './analysis-defaults';
import { decideExperiment } from './decision';
import { analyze } from './stats';

// 100,000 units per arm of 400,000 planned, sequence tuned at N* = 400,000.
const sequential = (control: number, treatment: number, minLift: number | null) =>
  decideExperiment({
    primary: analyze({
      metric: 'binomial',
      sequential: 400_000,
      variants: [
        { key: 'control', users: 100_000, sum: control },
        { key: 't1', users: 100_000, sum: treatment },
      ],
    }),
    plannedUsers: 400_000,
    settings: { sequential: 400_000, minLift },
  });

describe('futility: a sequential test stops flat', () => {
  it('INCONCLUSIVE before the planned sample once the sequence lies inside ± the minimum worthwhile lift, naming it', () => {
    // Sequence [−3.65%, +4.65%]: inside ±5%.
    expect(sequential(10_000, 10_050, 0.05)).toEqual({
      outcome: 'INCONCLUSIVE',
      reason: expect.stringContaining('within ±5% (the minimum worthwhile lift): no effect worth having'),
      winner: null,
    });
    // Without the setting, or with a bound the sequence does not fit in, it keeps running.
    expect(sequential(10_000, 10_050, null).outcome).toBe('KEEP_RUNNING');
    expect(sequential(10_000, 10_050, 0.04).outcome).toBe('KEEP_RUNNING');
    // Sequence [−1.2%, +7.2%]: an effect worth having is still plausible.
    expect(sequential(10_000, 10_300, 0.05).outcome).toBe('KEEP_RUNNING');
  });

  it('a sequence that excludes 0 is still a WIN, even with a bound around it', () => {
    // Sequence [+1.7%, +10.3%].
    expect(sequential(10_000, 10_600, 0.2)).toMatchObject({ outcome: 'WIN', winner: 't1' });
  });

  it('does not touch fixed-horizon tests', () => {
    const primary = analyze({
      metric: 'binomial',
      variants: [
        { key: 'control', users: 100_000, sum: 10_000 },
        { key: 't1', users: 100_000, sum: 10_050 },
      ],
    });
    expect(decideExperiment({ primary, plannedUsers: 400_000, settings: { minLift: 0.5 } }).outcome).toBe(
      'KEEP_RUNNING',
    );
  });

  it('defaults to half the hypothesis’ |expected lift|, at least 1%', () => {
    expect(minWorthwhileLift(0.1)).toBeCloseTo(0.05, 12);
    expect(minWorthwhileLift(-0.3)).toBeCloseTo(0.15, 12);
    expect(minWorthwhileLift(0.012)).toBe(0.01);
    expect(minWorthwhileLift(0)).toBe(0.01);
  });
});

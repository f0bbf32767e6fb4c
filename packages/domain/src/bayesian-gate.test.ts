import { describe, expect, it } from 'vitest';
import { sequenceRequest } from './bayesian-gate';
import { type DecisionSettings, decideExperiment } from './decision';
import { analyze } from './stats';
import type { AnalyzeRequest } from './stats/request';

const bayes = { engine: 'bayesian' as const };
const request = (pairs: [number, number][]): AnalyzeRequest => ({
  metric: 'binomial',
  engine: 'bayesian',
  variants: pairs.map(([users, sum], i) => ({ key: i === 0 ? 'control' : `t${i}`, users, sum })),
});
/** The worker's call: the Bayesian analysis plus the confidence sequence tuned at the planned users. */
const decide = (pairs: [number, number][], plannedUsers: number, settings: Partial<DecisionSettings> = {}) => {
  const req = request(pairs);
  return decideExperiment({
    primary: analyze(req),
    sequences: analyze(sequenceRequest(req, settings.alpha ?? 0.05, plannedUsers)),
    plannedUsers,
    settings: { ...bayes, ...settings },
  });
};

describe('Bayesian decisions', () => {
  it('at the planned sample: WIN needs the chance to win and a small enough risk', () => {
    // Reference case 3: chance to win 96.0%, risk of choosing the treatment 0.228% ≤ 0.25% → WIN;
    // with a stricter risk budget nothing is decided.
    const ref: [number, number][] = [
      [1000, 120],
      [1000, 150],
    ];
    expect(decide(ref, 2000)).toMatchObject({
      outcome: 'WIN',
      winner: 't1',
      reason: '"t1" has a 96.0% chance to beat the control at the planned sample.',
    });
    expect(decide(ref, 2000, { maxRisk: 0.001 }).outcome).toBe('INCONCLUSIVE');
  });

  it('at the planned sample: LOSS needs the risk of staying with the control ≤ maxRisk too', () => {
    // Chance to win 3.75% ≤ 5%, but staying with the control risks 0.258% > 0.25%.
    const small: [number, number][] = [
      [300, 36],
      [300, 25],
    ];
    expect(decide(small, 600).outcome).toBe('INCONCLUSIVE');
    expect(decide(small, 600, { maxRisk: 0.003 })).toMatchObject({
      outcome: 'LOSS',
      reason: expect.stringContaining('at the planned sample'),
    });
  });

  it('before the planned sample: the thresholds alone are not final until the confidence sequence excludes 0', () => {
    // Chance to win 99.0%, risk 0.03%, but the absolute confidence sequence tuned at 20,000 is [−0.0022, 0.026].
    const promising: [number, number][] = [
      [5000, 250],
      [5000, 310],
    ];
    expect(decide(promising, 20_000)).toMatchObject({
      outcome: 'KEEP_RUNNING',
      reason: expect.stringContaining(
        '"t1" has a 99.0% chance to beat the control, but a Bayesian result is not final until',
      ),
    });
    expect(decide(promising, 10_000).outcome).toBe('WIN');
    // Stronger data: the sequence [0.0016, 0.030] excludes 0, so the WIN is final at half the plan.
    expect(
      decide(
        [
          [5000, 250],
          [5000, 330],
        ],
        20_000,
      ),
    ).toMatchObject({
      outcome: 'WIN',
      winner: 't1',
      reason: expect.stringContaining('confidence sequence excludes 0'),
    });
  });

  it('before the planned sample: LOSS likewise waits for every sequence to lie below 0', () => {
    const worse: [number, number][] = [
      [5000, 310],
      [5000, 250],
    ];
    expect(decide(worse, 20_000)).toMatchObject({
      outcome: 'KEEP_RUNNING',
      reason: expect.stringContaining('No treatment has more than a 5.0% chance'),
    });
    expect(
      decide(
        [
          [5000, 330],
          [5000, 250],
        ],
        20_000,
      ),
    ).toMatchObject({ outcome: 'LOSS', reason: expect.stringContaining('every confidence sequence lies below 0') });
  });

  it('decides nothing early without the confidence sequence, and gates at the settings’ α', () => {
    const strong = request([
      [5000, 250],
      [5000, 330],
    ]);
    expect(decideExperiment({ primary: analyze(strong), plannedUsers: 20_000, settings: bayes }).outcome).toBe(
      'KEEP_RUNNING',
    );
    // A stricter α widens the sequence past 0.
    expect(
      decide(
        [
          [5000, 250],
          [5000, 330],
        ],
        20_000,
        { alpha: 0.01 },
      ).outcome,
    ).toBe('KEEP_RUNNING');
  });

  it('the sequence request is the engine’s sequential test on the absolute difference, tuned at the plan', () => {
    const req = {
      ...request([[100, 10]] as [number, number][]),
      difference: 'relative' as const,
      correction: 'holm' as const,
    };
    expect(sequenceRequest(req, 0.1, 20_000)).toMatchObject({
      engine: 'frequentist',
      difference: 'absolute',
      alpha: 0.1,
      sequential: 20_000,
      correction: 'none',
    });
  });
});

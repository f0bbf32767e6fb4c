import { describe, expect, it } from 'vitest';
import { decideRequest } from './decide-request';
import { type AggregateRow, evaluateExperiment } from './evaluate-experiment';
import type { AnalysisSettings } from './experiment';

const rows = (control: number, treatment: number, users: number): AggregateRow[] => [
  { variant: 'control', segment: '', metric: '', units: users, sum: 0, sumSquares: 0 },
  { variant: 'promo', segment: '', metric: '', units: users, sum: 0, sumSquares: 0 },
  { variant: 'control', segment: '', metric: 'purchase', units: control, sum: control, sumSquares: control },
  { variant: 'promo', segment: '', metric: 'purchase', units: treatment, sum: treatment, sumSquares: treatment },
];

describe('decideRequest (uplift decide)', () => {
  it('takes the decision the worker takes for the same data and settings', () => {
    const engines: AnalysisSettings[] = [
      { engine: 'bayesian', sequential: null, alpha: 0.05, correction: 'none' },
      { engine: 'bayesian', sequential: null, alpha: 0.01, correction: 'none' },
      { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'none' },
      { engine: 'frequentist', sequential: 20_000, alpha: 0.05, correction: 'none' },
    ];
    const cases: [number, number, number][] = [
      [250, 310, 5000],
      [250, 330, 5000],
      [330, 250, 5000],
      [500, 520, 10_000],
      [120, 150, 1000],
    ];
    const thresholds = { winChance: 0.95, maxRisk: 0.0025, lossChance: 0.05 };
    const outcomes = new Set<string>();
    for (const analysis of engines) {
      for (const [control, treatment, users] of cases) {
        for (const plannedUsers of [2000, 10_000, 20_000]) {
          const worker = evaluateExperiment({
            variants: [
              { key: 'control', name: 'Control', weight: 0.5 },
              { key: 'promo', name: 'Promo', weight: 0.5 },
            ],
            metrics: { primary: { name: 'purchase', kind: 'binomial' }, guardrails: [] },
            analysis,
            plannedUsers,
            segmentAttribute: null,
            aggregates: rows(control, treatment, users),
            reports: [],
            decision: thresholds,
          }).decision;
          const replayed = decideRequest({
            request: {
              metric: 'binomial',
              variants: [
                { key: 'control', users, sum: control },
                { key: 'promo', users, sum: treatment },
              ],
              alpha: analysis.alpha,
            },
            plannedUsers,
            settings: { engine: analysis.engine, sequential: analysis.sequential, ...thresholds },
          });
          expect(replayed).toEqual(worker);
          outcomes.add(worker.outcome);
        }
      }
    }
    // The cases reach every outcome a two-arm test can end with, so the agreement is not only on KEEP_RUNNING.
    expect([...outcomes].sort()).toEqual(['INCONCLUSIVE', 'KEEP_RUNNING', 'LOSS', 'WIN']);
  });

  it('applies the futility bound of the settings to a sequential test', () => {
    const request = {
      metric: 'binomial' as const,
      variants: [
        { key: 'control', users: 100_000, sum: 10_000 },
        { key: 'promo', users: 100_000, sum: 10_050 },
      ],
    };
    const settings = { sequential: 400_000 };
    expect(decideRequest({ request, plannedUsers: 400_000, settings }).outcome).toBe('KEEP_RUNNING');
    expect(decideRequest({ request, plannedUsers: 400_000, settings: { ...settings, minLift: 0.05 } })).toMatchObject({
      outcome: 'INCONCLUSIVE',
      reason: expect.stringContaining('±5%'),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { assignVariant, cumulativeWeights } from '../assignment';
import type { EventsBatch } from '../events';
import { type IngestionExperiment, prepareBatch } from './prepare-batch';

const now = new Date('2026-03-01T12:00:00Z');
const experiment: IngestionExperiment = {
  id: 'e1',
  key: 'coupon',
  status: 'RUNNING',
  seed: 'seed-1',
  segmentAttribute: 'country',
  scopeSegments: [],
  variants: [
    { key: 'control', name: 'control', weight: 0.5 },
    { key: 'b', name: 'b', weight: 0.5 },
  ],
  metrics: {
    primary: { name: 'purchase', kind: 'binomial' },
    guardrails: [{ name: 'revenue', kind: 'mean', direction: 'up' }],
  },
};
const byKey = (...list: IngestionExperiment[]) => new Map(list.map((e) => [e.key, e]));
type E = EventsBatch['events'][number];
const event = (over: Partial<E> = {}): E => ({
  id: 'ev1',
  experiment: 'coupon',
  unit: 'u1',
  type: 'exposure',
  ...over,
});
const prepare = (events: E[], experiments = byKey(experiment)) => prepareBatch({ events }, experiments, now);

describe('prepareBatch', () => {
  it('assigns an undeclared exposure by the seed and reads the segment attribute', () => {
    const { prepared, issues } = prepare([event({ attributes: { country: 'DE' } })]);
    const expected = experiment.variants[assignVariant('seed-1', 'u1', cumulativeWeights([0.5, 0.5]))]?.key;
    expect(issues).toEqual([]);
    expect(prepared).toEqual([
      {
        experimentId: 'e1',
        eventId: 'ev1',
        unitId: 'u1',
        type: 'exposure',
        variant: expected,
        segment: 'DE',
        metric: null,
        kind: null,
        value: null,
        ts: now,
      },
    ]);
  });

  it('keeps a declared variant and gives a missing segment attribute ""', () => {
    expect(prepare([event({ variant: 'b' })]).prepared[0]).toMatchObject({ variant: 'b', segment: '' });
  });

  it('defaults a conversion to the primary metric; a mean metric needs a finite value', () => {
    const { prepared } = prepare([event({ type: 'conversion' })]);
    expect(prepared[0]).toMatchObject({ metric: 'purchase', kind: 'binomial', value: null, segment: '' });
    expect(prepare([event({ type: 'conversion', metric: 'revenue', value: 9.5 })]).prepared[0]).toMatchObject({
      kind: 'mean',
      value: 9.5,
    });
    const missing = prepare([event({ type: 'conversion', metric: 'revenue' })]);
    expect(missing.issues.map((i) => i.field)).toEqual(['events.0.value']);
    const infinite = prepare([event({ type: 'conversion', value: Number.POSITIVE_INFINITY })]);
    expect(infinite.issues).toEqual([{ index: 0, field: 'events.0.value', message: 'must be a finite number' }]);
  });

  it('names an unknown metric and variant, and a metric on an exposure', () => {
    const { issues, status } = prepare([
      event({ type: 'conversion', metric: 'clicks' }),
      event({ variant: 'z' }),
      event({ metric: 'purchase' }),
    ]);
    expect(status).toBe(400);
    expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
      'events.0.metric: "clicks" is not a metric of "coupon" (purchase, revenue)',
      'events.1.variant: "z" is not a variant of "coupon" (control, b)',
      'events.2.metric: is only for conversions',
    ]);
  });

  it("keeps an exposure's covariate and refuses one on a conversion or one that is not finite", () => {
    expect(prepare([event({ covariate: 12.5 })]).prepared[0]).toMatchObject({ type: 'exposure', covariate: 12.5 });
    expect(prepare([event()]).prepared[0]).not.toHaveProperty('covariate');
    const { issues } = prepare([event({ type: 'conversion', covariate: 3 }), event({ covariate: Number.NaN })]);
    expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
      "events.0.covariate: is only for exposures (the unit's pre-period value)",
      'events.1.covariate: must be a finite number',
    ]);
  });

  it('refuses a conversion naming a ratio metric, naming its parts', () => {
    const ratio = {
      ...experiment,
      metrics: {
        ...experiment.metrics,
        guardrails: [
          ...experiment.metrics.guardrails,
          {
            name: 'aov',
            kind: 'ratio' as const,
            numerator: 'revenue',
            denominator: 'purchase',
            direction: 'up' as const,
          },
        ],
      },
    };
    const { issues } = prepare([event({ type: 'conversion', metric: 'aov', value: 3 })], byKey(ratio));
    expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
      'events.0.metric: "aov" is a ratio metric; send conversions of its numerator and denominator ("revenue" and "purchase")',
    ]);
  });

  it('accepts a timestamp exactly 24 hours ahead, not a millisecond more', () => {
    const ahead = (ms: number) => new Date(now.getTime() + ms).toISOString();
    expect(prepare([event({ ts: ahead(24 * 3600 * 1000) })]).issues).toEqual([]);
    expect(prepare([event({ ts: ahead(24 * 3600 * 1000 + 1) })]).issues.map((i) => i.field)).toEqual(['events.0.ts']);
  });

  it('answers 404 for an unknown experiment over 409 for a draft, and 409 over 400', () => {
    const draft = { ...experiment, key: 'draft', status: 'DRAFT' };
    const all = byKey(experiment, draft);
    expect(prepare([event({ experiment: 'draft' }), event({ variant: 'z' })], all).status).toBe(409);
    expect(prepare([event({ experiment: 'draft' }), event({ experiment: 'nope' })], all).status).toBe(404);
    expect(prepare([event({ experiment: 'nope' }), event({ experiment: 'draft' })], all).status).toBe(404);
  });

  it('keeps the first of events sharing an id in one batch, as a replay would, and counts the rest', () => {
    const { prepared, repeated, issues } = prepare([
      event({ id: 'x', type: 'conversion', unit: 'u1', metric: 'revenue', value: 5 }),
      event({ id: 'x', type: 'conversion', unit: 'u2', metric: 'revenue', value: 7 }),
      event({ id: 'y', unit: 'u3' }),
      event({ id: 'x', unit: 'u4' }),
    ]);
    expect(issues).toEqual([]);
    expect(repeated).toBe(2);
    expect(prepared.map((p) => [p.eventId, p.unitId, p.value])).toEqual([
      ['x', 'u1', 5],
      ['y', 'u3', null],
    ]);
    // the same id in two experiments is two events
    const other = { ...experiment, id: 'e2', key: 'other' };
    const both = prepare([event(), event({ experiment: 'other' })], byKey(experiment, other));
    expect([both.prepared.length, both.repeated]).toEqual([2, 0]);
  });

  it('refuses events for a completed or stopped experiment with 409, naming the state', () => {
    for (const [status, word] of [
      ['COMPLETED', 'completed'],
      ['STOPPED', 'stopped'],
    ]) {
      const { issues, status: answer } = prepare([event()], byKey({ ...experiment, status: status as string }));
      expect(answer).toBe(409);
      expect(issues).toEqual([
        {
          index: 0,
          field: 'events.0.experiment',
          message: `experiment "coupon" is ${word}; it takes no more data`,
        },
      ]);
    }
  });

  it("refuses a scoped experiment's exposures from outside its segments, naming the event, and keeps the rest", () => {
    const scoped = byKey({ ...experiment, scopeSegments: ['DE', 'NL'] });
    const inside = prepare(
      [event({ attributes: { country: 'DE' } }), event({ id: 'ev2', unit: 'u2', attributes: { segment: 'NL' } })],
      scoped,
    );
    expect(inside.issues).toEqual([]);
    expect(inside.prepared.map((p) => p.segment)).toEqual(['DE', 'NL']);
    const { issues, status } = prepare(
      [
        event({ attributes: { country: 'DE' } }),
        event({ id: 'ev2', unit: 'u2', attributes: { country: 'FR' } }),
        event({ id: 'ev3', unit: 'u3' }),
        event({ id: 'ev4', unit: 'u4', type: 'conversion' }),
      ],
      scoped,
    );
    expect(status).toBe(400);
    expect(issues).toEqual([
      { index: 1, field: 'events.1.attributes.country', message: expect.stringContaining('"FR" is outside the scope') },
      { index: 2, field: 'events.2.attributes.country', message: expect.stringMatching(/^is required/) },
    ]);
    // unscoped: any segment is kept as sent
    expect(prepare([event({ attributes: { country: 'FR' } })]).issues).toEqual([]);
  });
});

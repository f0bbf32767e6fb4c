import { planRoadmap } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { boxValue, capacitiesOf, draftOf } from './what-if-draft';

describe('the what-if capacities', () => {
  it('round-trips the saved capacities', () => {
    const saved = { EMAIL: { unitsPerWeek: 6000, maxConcurrent: 2 } };
    expect(capacitiesOf(draftOf(saved))).toEqual(saved);
  });

  it('an emptied box clears the channel, and the plan names the channel instead of failing', () => {
    const draft = draftOf({
      EMAIL: { unitsPerWeek: 6000, maxConcurrent: 2 },
      BANNER: { unitsPerWeek: 9, maxConcurrent: 1 },
    });
    draft.EMAIL = { unitsPerWeek: boxValue(''), maxConcurrent: 2 };
    const channels = capacitiesOf(draft);
    expect(channels).toEqual({ BANNER: { unitsPerWeek: 9, maxConcurrent: 1 } });
    const plan = planRoadmap({
      channels,
      hypotheses: [
        {
          id: 'h',
          channel: 'EMAIL',
          baselineRate: 0.1,
          expectedLift: 0.1,
          expectedMonthlyGain: 1,
          roi: 1,
          createdAt: new Date(0),
        },
      ],
    });
    expect(plan.roadmap).toBeNull();
    expect(plan.missing?.message).toMatch(/^channels\.EMAIL: no capacity is set, but "h" runs on EMAIL/);
  });

  it('reads what a box holds', () => {
    expect([boxValue(12), boxValue('1500'), boxValue(''), boxValue('abc'), boxValue(Number.NaN)]).toEqual([
      12,
      1500,
      '',
      '',
      '',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { RoadmapHypothesis } from './roadmap-input';
import { plannedStarts, planRoadmap, ZStoredRoadmap } from './stored-roadmap';

const base = { channel: 'EMAIL', baselineRate: 0.1, expectedLift: 0.1, expectedMonthlyGain: 1000, roi: 1 } as const;
const idea = (id: string, patch: Partial<RoadmapHypothesis> = {}) => ({
  id,
  ...base,
  createdAt: new Date(0),
  ...patch,
});

describe('planRoadmap and plannedStarts', () => {
  it('gives each planned hypothesis its start week, a draft under its hypothesis', () => {
    // One slot of 10,000 a week: the draft's 20,000 users take weeks 0–2, the idea's 31,224 weeks 2–6.
    const plan = planRoadmap({
      channels: { EMAIL: { unitsPerWeek: 10_000, maxConcurrent: 1 } },
      hypotheses: [
        idea('draft-1', { plannedUsers: 20_000, expectedMonthlyGain: 5000 }),
        idea('h-2'),
        idea('h-3', { expectedLift: 0.01 }),
        idea('h-4', { expectedLift: 0 }),
      ],
    });
    const stored = ZStoredRoadmap.parse(
      JSON.parse(
        JSON.stringify({ plan, hypothesisOf: { 'draft-1': 'h-1', 'h-2': 'h-2', 'h-3': 'h-3', 'h-4': 'h-4' } }),
      ),
    );
    const starts = plannedStarts(stored);
    expect(starts['h-1']).toEqual({ kind: 'scheduled', startWeek: 0, endWeek: 2 });
    expect(starts['h-2']).toEqual({ kind: 'scheduled', startWeek: 2, endWeek: 6 });
    expect(starts['h-3']).toMatchObject({ kind: 'tooSmall' });
    expect(starts['h-4']).toMatchObject({ kind: 'unschedulable' });
    expect(starts['draft-1']).toBeUndefined();
  });

  it('a channel without capacity is an answer naming it, and every idea says it is not planned', () => {
    const plan = planRoadmap({ channels: {}, hypotheses: [idea('h-1', { channel: 'BANNER' })] });
    expect(plan).toEqual({
      roadmap: null,
      missing: { field: 'channels.BANNER', message: expect.stringMatching(/^channels\.BANNER: no capacity is set/) },
    });
    const starts = plannedStarts({ plan, hypothesisOf: { 'h-1': 'h-1' } });
    expect(starts['h-1']).toEqual({ kind: 'noCapacity', message: plan.missing?.message });
  });
});

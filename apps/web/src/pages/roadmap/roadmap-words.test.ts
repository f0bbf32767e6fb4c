import { scheduleRoadmap } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { quarterSentence } from './roadmap-words';

const idea = (id: string, plannedUsers: number) => ({
  id,
  channel: 'EMAIL' as const,
  baselineRate: 0.05,
  expectedLift: 0.1,
  expectedMonthlyGain: 1000,
  roi: 1,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  plannedUsers,
});

describe('quarterSentence', () => {
  it('counts the ideas that end by week 13 and the weeks of the channel planned longest', () => {
    const roadmap = scheduleRoadmap({
      channels: { EMAIL: { unitsPerWeek: 1000, maxConcurrent: 1 } },
      hypotheses: [idea('a', 10_000), idea('b', 10_000)],
    });
    expect(quarterSentence(roadmap, 2)).toBe(
      'This quarter: 1 of 2 approved ideas fit; the backlog holds 20 weeks of email tests',
    );
  });

  it('says when nothing is planned', () => {
    const roadmap = scheduleRoadmap({ channels: {}, hypotheses: [] });
    expect(quarterSentence(roadmap, 0)).toBe(
      'This quarter: 0 of 0 approved ideas fit; nothing is planned beyond the running tests',
    );
  });
});

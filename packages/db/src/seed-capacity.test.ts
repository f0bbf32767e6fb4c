import { scheduleRoadmap, scoreRoi, ZRoiInput } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_CAPACITY } from './seed';
import { DEMO_HYPOTHESES } from './seed-data';

describe('the demo workspace’s capacity', () => {
  it('gives a roadmap that fills a quarter, with the largest email test spilling past it', () => {
    const approved = DEMO_HYPOTHESES.filter((h) => h.status === 'APPROVED');
    const roadmap = scheduleRoadmap({
      channels: DEMO_CAPACITY,
      // The seeded welcome-series test: 20,000 planned, 6,000 exposed.
      running: [{ id: 'welcome-gift-email', channel: 'EMAIL', remainingUnits: 14_000 }],
      hypotheses: approved.map((h) => {
        const score = scoreRoi(ZRoiInput.parse({ ...h, horizonMonths: 12 }));
        return {
          ...h,
          id: h.title,
          expectedMonthlyGain: score.expectedMonthlyGain,
          roi: score.roi,
          createdAt: new Date(0),
        };
      }),
    });
    expect(roadmap.scheduled).toHaveLength(approved.length);
    expect(roadmap.quarter).toEqual({ fits: approved.length - 1, weeksOfBacklog: 16 });
    expect(roadmap.scheduled.at(-1)).toMatchObject({
      id: 'Promo code email for lapsed buyers',
      startWeek: 4,
      endWeek: 16,
    });
  });
});

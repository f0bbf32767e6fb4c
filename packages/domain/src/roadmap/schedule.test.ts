import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { plan } from '../stats/plan';
import type { RoadmapHypothesis } from './roadmap-input';
import { scheduleRoadmap } from './schedule';

// Sample sizes below are what `uplift plan` prints as totalUsers (α 0.05, power 0.8, two variants):
// baseline 0.1 lift 0.1 → 31,224; 0.1/0.2 → 8,620; 0.2/0.1 → 13,878; 0.1/0.05 → 118,818.
const idea = (id: string, patch: Partial<RoadmapHypothesis> = {}): RoadmapHypothesis => ({
  id,
  channel: 'EMAIL',
  baselineRate: 0.1,
  expectedLift: 0.1,
  expectedMonthlyGain: 1000,
  roi: 1,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...patch,
});
const email = (unitsPerWeek: number, maxConcurrent: number) => ({ EMAIL: { unitsPerWeek, maxConcurrent } });

describe('scheduleRoadmap', () => {
  it('orders by gain per week and hands each the slot that frees first, the lowest index on ties', () => {
    // 10,000 units per slot-week: A 31,224 → 4 weeks, B 8,620 → 1, C 13,878 → 2.
    const roadmap = scheduleRoadmap({
      channels: email(20_000, 2),
      hypotheses: [
        idea('A', { expectedMonthlyGain: 4000 }),
        idea('B', { expectedLift: 0.2, expectedMonthlyGain: 500 }),
        idea('C', { baselineRate: 0.2, expectedMonthlyGain: 3000 }),
      ],
    });
    expect(roadmap.scheduled).toEqual([
      { id: 'C', channel: 'EMAIL', slot: 0, startWeek: 0, endWeek: 2, weeks: 2, requiredUnits: 13_878, score: 1500 },
      { id: 'A', channel: 'EMAIL', slot: 1, startWeek: 0, endWeek: 4, weeks: 4, requiredUnits: 31_224, score: 1000 },
      { id: 'B', channel: 'EMAIL', slot: 0, startWeek: 2, endWeek: 3, weeks: 1, requiredUnits: 8_620, score: 500 },
    ]);
    expect(roadmap.quarter).toEqual({ fits: 3, weeksOfBacklog: 4 });
  });

  it('breaks equal scores by higher ROI, then by earlier creation', () => {
    const roadmap = scheduleRoadmap({
      channels: email(10_000, 1),
      hypotheses: [
        idea('X', { plannedUsers: 10_000, roi: 2 }),
        idea('Y', { plannedUsers: 10_000, roi: 3, createdAt: new Date('2026-02-01T00:00:00Z') }),
        idea('Z', { plannedUsers: 10_000, roi: 3 }),
      ],
    });
    expect(roadmap.scheduled.map((s) => [s.id, s.startWeek, s.endWeek])).toEqual([
      ['Z', 0, 1],
      ['Y', 1, 2],
      ['X', 2, 3],
    ]);
  });

  it('puts pinned ideas first in pin order, whatever their score', () => {
    const roadmap = scheduleRoadmap({
      channels: email(10_000, 1),
      hypotheses: [
        idea('best', { plannedUsers: 10_000, expectedMonthlyGain: 9000 }),
        idea('second-pin', { plannedUsers: 10_000, expectedMonthlyGain: 50, pinnedRank: 2 }),
        idea('first-pin', { plannedUsers: 10_000, expectedMonthlyGain: 10, pinnedRank: 1 }),
      ],
    });
    expect(roadmap.scheduled.map((s) => s.id)).toEqual(['first-pin', 'second-pin', 'best']);
    expect(roadmap.scheduled.map((s) => s.startWeek)).toEqual([0, 1, 2]);
  });

  it('lets running experiments hold slots for their remaining units first; more than slots queue', () => {
    // 10,000 units per slot-week: R1 25,000 → 3 weeks on slot 0, R2 5,000 → 1 on slot 1, R3 queues behind R2.
    const roadmap = scheduleRoadmap({
      channels: email(20_000, 2),
      running: [
        { id: 'R1', channel: 'EMAIL', remainingUnits: 25_000 },
        { id: 'R2', channel: 'EMAIL', remainingUnits: 5_000 },
        { id: 'R3', channel: 'EMAIL', remainingUnits: 10_000 },
      ],
      hypotheses: [
        idea('A', { expectedMonthlyGain: 4000 }),
        idea('B', { plannedUsers: 10_000, expectedMonthlyGain: 1 }),
      ],
    });
    expect(roadmap.running).toEqual([
      { id: 'R1', channel: 'EMAIL', slot: 0, startWeek: 0, endWeek: 3, weeks: 3, requiredUnits: 25_000 },
      { id: 'R2', channel: 'EMAIL', slot: 1, startWeek: 0, endWeek: 1, weeks: 1, requiredUnits: 5_000 },
      { id: 'R3', channel: 'EMAIL', slot: 1, startWeek: 1, endWeek: 2, weeks: 1, requiredUnits: 10_000 },
    ]);
    expect(roadmap.scheduled.map((s) => [s.id, s.slot, s.startWeek, s.endWeek])).toEqual([
      ['A', 1, 2, 6],
      ['B', 0, 3, 4],
    ]);
  });

  it('lists an idea longer than maxTestWeeks as too small, with the lift its channel can detect in that time', () => {
    // 5,000 units per slot-week: 118,818 users take 24 weeks; 12 weeks give 60,000 units.
    const input = { channels: email(10_000, 2), hypotheses: [idea('tiny', { expectedLift: 0.05 })] };
    const roadmap = scheduleRoadmap(input);
    expect(roadmap.scheduled).toEqual([]);
    expect(roadmap.tooSmall).toHaveLength(1);
    const [{ id, detectableLift }] = roadmap.tooSmall as [{ id: string; detectableLift: number }];
    expect(id).toBe('tiny');
    expect(detectableLift).toBeCloseTo(0.071106, 5);
    // That lift is indeed detectable in 12 weeks here, and a slightly smaller one is not.
    const size = (lift: number) => plan({ metric: 'binomial', baseline: 0.1, lift }).totalUsers;
    expect(size(detectableLift + 1e-4)).toBeLessThanOrEqual(60_000);
    expect(size(detectableLift - 1e-3)).toBeGreaterThan(60_000);
    // A longer allowance schedules it.
    expect(scheduleRoadmap({ ...input, maxTestWeeks: 24 }).scheduled[0]).toMatchObject({ id: 'tiny', weeks: 24 });
  });

  it('cannot size an idea without a positive expected lift, and says why', () => {
    const roadmap = scheduleRoadmap({
      channels: email(10_000, 1),
      hypotheses: [idea('flat', { expectedLift: 0 }), idea('down', { expectedLift: -0.1 }), idea('ok')],
    });
    expect(roadmap.scheduled.map((s) => s.id)).toEqual(['ok']);
    expect(roadmap.unschedulable.map((u) => u.id)).toEqual(['flat', 'down']);
    expect(roadmap.unschedulable[1]?.reason).toMatch(/expectedLift is -0.1.*positive expected lift/);
  });

  it('runs an offline test for its planned weeks, 8 by default, whatever its units', () => {
    const roadmap = scheduleRoadmap({
      channels: { OFFLINE: { unitsPerWeek: 4, maxConcurrent: 1 } },
      hypotheses: [
        idea('stores', { channel: 'OFFLINE', expectedMonthlyGain: 8000 }),
        idea('short', { channel: 'OFFLINE', plannedWeeks: 5, expectedMonthlyGain: 100 }),
      ],
    });
    expect(roadmap.scheduled).toEqual([
      {
        id: 'stores',
        channel: 'OFFLINE',
        slot: 0,
        startWeek: 0,
        endWeek: 8,
        weeks: 8,
        requiredUnits: 31_224,
        score: 1000,
      },
      {
        id: 'short',
        channel: 'OFFLINE',
        slot: 0,
        startWeek: 8,
        endWeek: 13,
        weeks: 5,
        requiredUnits: 31_224,
        score: 20,
      },
    ]);
    expect(roadmap.tooSmall).toEqual([]);
  });

  it('counts what ends by week 13 as fitting this quarter, and the last end as the weeks of backlog', () => {
    // One slot of 1,000 units a week: 6, 6 and 1 weeks, then one more of 1 week that ends in week 14.
    const weeks = (n: number, gain: number) => ({ plannedUsers: n * 1000, expectedMonthlyGain: gain });
    const three = [idea('a', weeks(1, 900)), idea('b', weeks(6, 600)), idea('c', weeks(6, 590))];
    const quarter = scheduleRoadmap({ channels: email(1000, 1), hypotheses: three });
    expect(quarter.scheduled.map((s) => s.endWeek)).toEqual([1, 7, 13]);
    expect(quarter.quarter).toEqual({ fits: 3, weeksOfBacklog: 13 });
    const over = scheduleRoadmap({ channels: email(1000, 1), hypotheses: [...three, idea('d', weeks(1, 1))] });
    expect(over.quarter).toEqual({ fits: 3, weeksOfBacklog: 14 });
    expect(scheduleRoadmap({ channels: {}, hypotheses: [] }).quarter).toEqual({ fits: 0, weeksOfBacklog: 0 });
  });

  it('refuses an item on a channel without capacity, naming the channel', () => {
    const call = () =>
      scheduleRoadmap({ channels: email(1000, 1), hypotheses: [idea('e'), idea('b', { channel: 'BANNER' })] });
    expect(call).toThrow(DomainError);
    expect(call).toThrow('channels.BANNER: no capacity is set, but "b" runs on BANNER');
    // An item with a title is named by it (the app passes its ideas' and experiments' titles, not their ids).
    const titled = () =>
      scheduleRoadmap({
        channels: {},
        running: [{ id: 'cm0000000000000000000000', title: 'Spring banner', channel: 'BANNER', remainingUnits: 1 }],
        hypotheses: [],
      });
    expect(titled).toThrow('channels.BANNER: no capacity is set, but "Spring banner" runs on BANNER');
    const running = () =>
      scheduleRoadmap({ channels: {}, running: [{ id: 'r', channel: 'SMS', remainingUnits: 1 }], hypotheses: [] });
    expect(running).toThrow(expect.objectContaining({ code: 'BAD_INPUT', field: 'channels.SMS' }));
    const zero = () => scheduleRoadmap({ channels: email(0, 1), hypotheses: [idea('e')] });
    expect(zero).toThrow(expect.objectContaining({ field: 'channels.EMAIL.unitsPerWeek' }));
  });
});

import { describe, expect, it } from 'vitest';
import { experimentProgress } from './progress';

const now = new Date('2026-03-11T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('experimentProgress', () => {
  it('projects the days left from the pace so far, rounding up', () => {
    // 1,000 users in 2 days: 500 a day, 9,000 to go → 18 days
    expect(experimentProgress({ users: 1000, plannedUsers: 10_000, startedAt: daysAgo(2), now })).toEqual({
      users: 1000,
      plannedUsers: 10_000,
      fraction: 0.1,
      daysLeft: 18,
    });
    expect(experimentProgress({ users: 1000, plannedUsers: 10_001, startedAt: daysAgo(2), now }).daysLeft).toBe(19);
  });

  it('caps the fraction at 1 and says 0 days once the plan is reached', () => {
    expect(experimentProgress({ users: 10_000, plannedUsers: 10_000, startedAt: daysAgo(1), now })).toMatchObject({
      fraction: 1,
      daysLeft: 0,
    });
    expect(experimentProgress({ users: 12_000, plannedUsers: 10_000, startedAt: null, now })).toMatchObject({
      fraction: 1,
      daysLeft: 0,
    });
  });

  it('gives no projection without a pace: not started, no users yet, or started now', () => {
    expect(experimentProgress({ users: 100, plannedUsers: 1000, startedAt: null, now }).daysLeft).toBeNull();
    expect(experimentProgress({ users: 0, plannedUsers: 1000, startedAt: daysAgo(3), now })).toMatchObject({
      fraction: 0,
      daysLeft: null,
    });
    expect(experimentProgress({ users: 100, plannedUsers: 1000, startedAt: now, now }).daysLeft).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ZWorkspaceSettingsInput } from '../workspace-settings';
import { mergeCapacity, weeksFor } from './capacity';
import { ZRoadmapInput } from './roadmap-input';

const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('channel capacity', () => {
  it('names the field of a bad capacity in workspace settings', () => {
    const bad = ZWorkspaceSettingsInput.safeParse({
      capacity: { EMAIL: { unitsPerWeek: 0, maxConcurrent: 2 }, BANNER: { unitsPerWeek: 100, maxConcurrent: 1.5 } },
      maxTestWeeks: 0,
    });
    expect(problems(bad)).toEqual([
      'capacity.EMAIL.unitsPerWeek: must be > 0 (the units per week that may be tested)',
      'capacity.BANNER.maxConcurrent: must be a whole number',
      'maxTestWeeks: must be 1–104 weeks',
    ]);
    expect(problems(ZWorkspaceSettingsInput.safeParse({ capacity: { FAX: null } }))).toEqual([
      'capacity: Unrecognized key: "FAX"',
    ]);
  });

  it('names the field of a bad capacity in a roadmap request', () => {
    const bad = ZRoadmapInput.safeParse({
      channels: { BANNER: { unitsPerWeek: -5, maxConcurrent: 0 } },
      hypotheses: [],
    });
    expect(problems(bad)).toEqual([
      'channels.BANNER.unitsPerWeek: must be > 0 (the units per week that may be tested)',
      'channels.BANNER.maxConcurrent: must be ≥ 1 (the tests that can run side by side)',
    ]);
  });

  it('sets the channels named, clears those set to null and keeps the rest', () => {
    const current = { EMAIL: { unitsPerWeek: 1000, maxConcurrent: 1 }, BANNER: { unitsPerWeek: 50, maxConcurrent: 2 } };
    expect(mergeCapacity(current, { EMAIL: null, OFFLINE: { unitsPerWeek: 6, maxConcurrent: 2 } })).toEqual({
      BANNER: { unitsPerWeek: 50, maxConcurrent: 2 },
      OFFLINE: { unitsPerWeek: 6, maxConcurrent: 2 },
    });
  });

  it('counts whole weeks at one slot’s share without float drift', () => {
    // 10,000 a week over 3 slots is 3,333.3… a slot-week: 10,000 units take exactly 3 weeks, 10,001 take 4.
    expect(weeksFor(10_000, { unitsPerWeek: 10_000, maxConcurrent: 3 })).toBe(3);
    expect(weeksFor(10_001, { unitsPerWeek: 10_000, maxConcurrent: 3 })).toBe(4);
    expect(weeksFor(0, { unitsPerWeek: 10_000, maxConcurrent: 3 })).toBe(0);
  });
});

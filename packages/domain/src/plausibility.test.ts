import { describe, expect, it } from 'vitest';
import { experimentWarnings, hypothesisWarnings } from './plausibility';

describe('plausibility warnings', () => {
  it('asks about a lift above 100%, not at it', () => {
    expect(hypothesisWarnings({ expectedLift: 1 })).toEqual([]);
    expect(hypothesisWarnings({ expectedLift: 50 })[0]).toMatchObject({ field: 'expectedLift' });
    expect(hypothesisWarnings({ expectedLift: 50 })[0]?.message).toMatch(/5000%/);
  });
  it('asks about planned users below the suggestion and α above 0.1', () => {
    expect(experimentWarnings({ plannedUsers: 2, suggestedUsers: 7_000, alpha: 0.5 }).map((w) => w.field)).toEqual([
      'plannedUsers',
      'analysis.alpha',
    ]);
    expect(experimentWarnings({ plannedUsers: 7_000, suggestedUsers: 7_000, alpha: 0.1 })).toEqual([]);
    expect(experimentWarnings({ plannedUsers: 2, suggestedUsers: null, alpha: 0.05 })).toEqual([]);
  });
});

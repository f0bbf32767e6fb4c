import { describe, expect, it } from 'vitest';
import { analysisSettingsFor } from './analysis-defaults';
import { cupedPlannedUsers, plannedUsersFor } from './planned-users';

describe('plannedUsersFor', () => {
  it('plans from the baseline and expected lift at 80% power', () => {
    // baseline 5%, lift 10%, α 0.05, 2 variations: the experiments test's "more than 60,000"
    expect(plannedUsersFor({ baselineRate: 0.05, expectedLift: 0.1 }, 0.05, 2)).toBeGreaterThan(60_000);
    const three = plannedUsersFor({ baselineRate: 0.05, expectedLift: 0.1 }, 0.05, 3);
    expect(three).toBeGreaterThan(plannedUsersFor({ baselineRate: 0.05, expectedLift: 0.1 }, 0.05, 2));
  });

  it.each([
    [0.05, 0],
    [0, 0.1],
    [1, 0.1],
    [-0.1, 0.1],
  ])('refuses baseline %s with lift %s: nothing to plan from', (baselineRate, expectedLift) => {
    expect(() => plannedUsersFor({ baselineRate, expectedLift }, 0.05, 2)).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        field: 'plannedUsers',
        message: expect.stringContaining('no expected lift'),
      }),
    );
  });

  it('plans for a baseline just inside (0, 1)', () => {
    expect(plannedUsersFor({ baselineRate: 0.001, expectedLift: 0.5 }, 0.05, 2)).toBeGreaterThan(0);
    expect(plannedUsersFor({ baselineRate: 0.9, expectedLift: 0.05 }, 0.05, 2)).toBeGreaterThan(0);
  });
});

describe('analysisSettingsFor', () => {
  const workspace = { defaultEngine: 'bayesian', defaultAlpha: 0.1, defaultCorrection: 'bh', defaultSequential: 5000 };

  it('takes every absent setting from the workspace', () => {
    expect(analysisSettingsFor(workspace)).toEqual({
      engine: 'bayesian',
      sequential: 5000,
      alpha: 0.1,
      correction: 'bh',
    });
  });

  it('keeps what the creator gave, and an explicit null sequential (a fixed horizon)', () => {
    expect(analysisSettingsFor(workspace, { engine: 'frequentist', sequential: null, alpha: 0.01 })).toEqual({
      engine: 'frequentist',
      sequential: null,
      alpha: 0.01,
      correction: 'bh',
    });
  });

  it('sets the minimum worthwhile lift from the hypothesis unless given; null (no futility stop) is a choice', () => {
    expect(analysisSettingsFor(workspace, {}, { expectedLift: -0.2 }).minLift).toBeCloseTo(0.1, 12);
    expect(analysisSettingsFor(workspace, { minLift: 0.03 }, { expectedLift: 0.2 }).minLift).toBe(0.03);
    expect(analysisSettingsFor(workspace, { minLift: null }, { expectedLift: 0.2 }).minLift).toBeNull();
  });
});

describe('cupedPlannedUsers', () => {
  it('plans plannedUsers × (1 − ρ²), rounded up, between 2 and the plan', () => {
    expect(cupedPlannedUsers(10_000, 0.5)).toBe(7500);
    expect(cupedPlannedUsers(10_000, -0.3)).toBe(9100);
    expect(cupedPlannedUsers(1001, 0.5)).toBe(751); // 750.75 up
    expect(cupedPlannedUsers(10_000, 0)).toBe(10_000);
    expect(cupedPlannedUsers(10_000, 1)).toBe(2);
  });
});

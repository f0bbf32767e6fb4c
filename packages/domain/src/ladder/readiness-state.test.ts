import { describe, expect, it } from 'vitest';
import { assertScopeWithinWins } from './promotion-decision';
import { assertReadinessGate, readinessState } from './readiness-state';

const up = { kind: 'PROMOTE' as const, toRung: 'OFFLINE', gated: true };
const failedThenPassed = [
  { rung: 'OFFLINE', passed: false },
  { rung: 'OFFLINE', passed: true },
];

describe('the readiness gate', () => {
  it('only a step up onto a gated rung needs a check, and the newest check for that rung counts', () => {
    expect(readinessState({ ...up, gated: false }, [])).toBe('not_needed');
    expect(readinessState({ ...up, kind: 'DEMOTE' }, [])).toBe('not_needed');
    expect(readinessState(up, [])).toBe('missing');
    expect(readinessState(up, [{ rung: 'BANNER', passed: true }])).toBe('missing');
    expect(readinessState(up, failedThenPassed)).toBe('failed');
    expect(readinessState(up, [...failedThenPassed].reverse())).toBe('passed');
  });

  it('approval is refused without a passed latest check', () => {
    const step = { ...up, offerName: 'Tote' };
    expect(() => assertReadinessGate(step, [])).toThrow('"Tote" has no readiness check for going offline');
    expect(() => assertReadinessGate(step, failedThenPassed)).toThrow(
      '"Tote" has failed readiness check for going offline',
    );
    expect(() => assertReadinessGate(step, [{ rung: 'OFFLINE', passed: true }])).not.toThrow();
    expect(() => assertReadinessGate({ ...step, gated: false }, [])).not.toThrow();
  });
});

describe('the scope of an approved step', () => {
  it('may narrow the segments it won in, never widen them', () => {
    expect(() => assertScopeWithinWins(['new', 'vip'], ['new'])).not.toThrow();
    expect(() => assertScopeWithinWins(['new'], ['new', 'vip'])).toThrow(
      'the offer did not win in vip (it won in new).',
    );
    expect(() => assertScopeWithinWins([], ['vip'])).toThrow('the offer did not win in vip.');
  });
});

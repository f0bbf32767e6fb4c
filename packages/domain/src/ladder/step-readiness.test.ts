import { describe, expect, it } from 'vitest';
import { assertStepReady, stepBlockers } from './step-readiness';

const up = { kind: 'PROMOTE' as const, toRung: 'OFFLINE', gated: true };
const done = { key: 'cart-banner', status: 'COMPLETED' };

describe('stepBlockers', () => {
  it('holds a gated step up until a readiness check passed and the decision is final', () => {
    expect(stepBlockers({ step: up, checks: [], source: done })).toEqual([
      'no readiness check for OFFLINE is recorded',
    ]);
    expect(stepBlockers({ step: up, checks: [{ rung: 'OFFLINE', passed: false }], source: done })).toEqual([
      'the latest readiness check for OFFLINE failed',
    ]);
    expect(stepBlockers({ step: up, checks: [{ rung: 'OFFLINE', passed: true }], source: done })).toEqual([]);
    expect(
      stepBlockers({ step: up, checks: [{ rung: 'OFFLINE', passed: true }], source: { ...done, status: 'RUNNING' } }),
    ).toEqual(['the decision of "cart-banner" is not final yet (it is running)']);
  });
  it('lets an ungated step up and any step back through', () => {
    expect(stepBlockers({ step: { ...up, gated: false }, checks: [], source: done })).toEqual([]);
    expect(
      stepBlockers({ step: { ...up, kind: 'DEMOTE' }, checks: [], source: { ...done, status: 'RUNNING' } }),
    ).toEqual([]);
  });
  it('the server refuses with the same reasons', () => {
    expect(() => assertStepReady({ step: up, checks: [], source: done, offerName: 'Tote' })).toThrow(
      '"Tote" cannot move to OFFLINE yet: no readiness check for OFFLINE is recorded.',
    );
  });
});

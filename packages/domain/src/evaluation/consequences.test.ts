import { describe, expect, it } from 'vitest';
import type { ExperimentDecision } from '../decision';
import { decisionConsequences, decisionPayload } from './consequences';

const running = { status: 'RUNNING', evaluatedVersion: 3, outcome: 'KEEP_RUNNING', pendingOutcome: null };
const win: ExperimentDecision = { outcome: 'WIN', reason: '"b" wins.', winner: 'b' };
const srm: ExperimentDecision = { outcome: 'SRM_HALT', reason: 'broken split', winner: null };
const keep: ExperimentDecision = { outcome: 'KEEP_RUNNING', reason: '10 of 100', winner: null };
const run = (over: Partial<Parameters<typeof decisionConsequences>[0]>) =>
  decisionConsequences({
    current: running,
    experimentName: 'Coupon',
    version: 4,
    stored: true,
    decision: keep,
    confirmDecisions: false,
    ...over,
  });

describe('decisionConsequences', () => {
  it('applies to the same or a newer version, never an older one', () => {
    expect(run({ version: 3 }).applies).toBe(true);
    expect(run({ version: 2 })).toMatchObject({ applies: false, update: null, notices: [] });
    expect(run({ current: { ...running, evaluatedVersion: null }, version: 0 }).applies).toBe(true);
  });

  it('does nothing for a snapshot already stored or an experiment no longer running', () => {
    expect(run({ stored: false, decision: win }).applies).toBe(false);
    expect(run({ current: { ...running, status: 'STOPPED' }, decision: win })).toMatchObject({
      applies: false,
      complete: false,
    });
  });

  it('completes a terminal decision at once when the workspace does not confirm', () => {
    const c = run({ decision: win });
    expect(c).toMatchObject({ complete: true, pending: false, notices: [] });
    expect(c.update).toEqual({ evaluatedVersion: 4, outcome: 'WIN', outcomeReason: '"b" wins.' });
  });

  it('holds a terminal decision for confirmation, notifying once per outcome', () => {
    const c = run({ decision: win, confirmDecisions: true });
    expect(c).toMatchObject({ complete: false, pending: true });
    expect(c.update?.pendingOutcome).toBe('WIN');
    expect(c.notices).toEqual([
      {
        kind: 'decision_pending',
        title: `"Coupon" reached WIN: a product owner's confirmation is needed`,
        body: '"b" wins.',
      },
    ]);
    const again = run({ current: { ...running, pendingOutcome: 'WIN' }, decision: win, confirmDecisions: true });
    expect(again).toMatchObject({ pending: false, notices: [] });
    expect(again.update?.pendingOutcome).toBe('WIN');
  });

  it('clears a pending outcome when the decision turns non-terminal', () => {
    const c = run({ current: { ...running, pendingOutcome: 'WIN' }, confirmDecisions: true });
    expect(c.update?.pendingOutcome).toBeNull();
    expect(c.pending).toBe(false);
  });

  it('notifies a sample ratio mismatch only when it first appears', () => {
    expect(run({ decision: srm }).notices).toEqual([
      { kind: 'srm', title: 'Sample ratio mismatch in "Coupon"', body: 'broken split' },
    ]);
    expect(run({ current: { ...running, outcome: 'SRM_HALT' }, decision: srm })).toMatchObject({
      becameSrm: false,
      notices: [],
      complete: false,
    });
  });
});

describe('decisionPayload', () => {
  it('carries the key, name, version, users and decision', () => {
    expect(decisionPayload({ key: 'k', name: 'Coupon' }, { users: 10, decision: win }, 7)).toEqual({
      experiment: 'k',
      name: 'Coupon',
      dataVersion: 7,
      users: 10,
      decision: { outcome: 'WIN', reason: '"b" wins.', winner: 'b' },
    });
  });
});

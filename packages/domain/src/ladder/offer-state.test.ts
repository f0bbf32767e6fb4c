import { describe, expect, it } from 'vitest';
import { offerStateAfter } from './offer-state';

describe('the offer state machine', () => {
  it('a new experiment tests the offer when started, else leaves it ready', () => {
    expect(offerStateAfter({ type: 'experiment.created', started: true })).toBe('TESTING');
    expect(offerStateAfter({ type: 'experiment.created', started: false })).toBe('READY');
    expect(offerStateAfter({ type: 'experiment.started' })).toBe('TESTING');
    expect(offerStateAfter({ type: 'experiment.stopped' })).toBe('STOPPED');
    expect(offerStateAfter({ type: 'rollout.started' })).toBe('TESTING');
  });

  it('decisions: top rung rolls out, an unqualified win stays WON, a first-rung loss is LOST', () => {
    expect(offerStateAfter({ type: 'won.top-rung' })).toBe('ROLLED_OUT');
    expect(offerStateAfter({ type: 'won.not-qualified' })).toBe('WON');
    expect(offerStateAfter({ type: 'lost.first-rung' })).toBe('LOST');
    expect(offerStateAfter({ type: 'step.proposed' })).toBe('AWAITING_APPROVAL');
    expect(offerStateAfter({ type: 'ended.without-step', outcome: 'INCONCLUSIVE' })).toBe('INCONCLUSIVE');
    expect(offerStateAfter({ type: 'ended.without-step', outcome: 'WIN' })).toBe('STOPPED');
    expect(offerStateAfter({ type: 'ended.without-step', outcome: 'LOSS' })).toBe('STOPPED');
  });

  it('a decided step: applied up is READY, applied back DEMOTED; rejected up keeps the win, back keeps testing', () => {
    expect(offerStateAfter({ type: 'step.applied', kind: 'PROMOTE' })).toBe('READY');
    expect(offerStateAfter({ type: 'step.applied', kind: 'DEMOTE' })).toBe('DEMOTED');
    expect(offerStateAfter({ type: 'step.rejected', kind: 'PROMOTE' })).toBe('WON');
    expect(offerStateAfter({ type: 'step.rejected', kind: 'DEMOTE' })).toBe('TESTING');
  });
});

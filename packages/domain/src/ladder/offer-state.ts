/** Where an offer stands on its rung. Mirrors the offer `state` column. */
export const OFFER_STATES = [
  'TESTING',
  'READY',
  'AWAITING_APPROVAL',
  'WON',
  'ROLLED_OUT',
  'DEMOTED',
  'LOST',
  'INCONCLUSIVE',
  'STOPPED',
] as const;
export type OfferState = (typeof OFFER_STATES)[number];

export const PROMOTION_KINDS = ['PROMOTE', 'DEMOTE'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];
export const PROMOTION_STATUSES = ['PROPOSED', 'APPLIED', 'REJECTED'] as const;
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number];

/** What happens to an offer; each event alone decides the state that follows. */
export type OfferEvent =
  | { type: 'experiment.created'; started: boolean }
  | { type: 'experiment.started' }
  | { type: 'experiment.stopped' }
  | { type: 'rollout.started' }
  | { type: 'won.top-rung' }
  | { type: 'won.not-qualified' }
  | { type: 'lost.first-rung' }
  | { type: 'step.proposed' }
  | { type: 'step.applied'; kind: PromotionKind }
  | { type: 'step.rejected'; kind: PromotionKind }
  | { type: 'ended.without-step'; outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE' };

/** The offer state machine: the state an offer is in after `event`. */
export function offerStateAfter(event: OfferEvent): OfferState {
  switch (event.type) {
    case 'experiment.created':
      // A draft waits on the rung; a started experiment tests the offer there.
      return event.started ? 'TESTING' : 'READY';
    case 'experiment.started':
    case 'rollout.started':
      return 'TESTING';
    case 'experiment.stopped':
      return 'STOPPED';
    case 'won.top-rung':
      return 'ROLLED_OUT';
    case 'won.not-qualified':
      return 'WON';
    case 'lost.first-rung':
      return 'LOST';
    case 'step.proposed':
      return 'AWAITING_APPROVAL';
    case 'step.applied':
      return event.kind === 'PROMOTE' ? 'READY' : 'DEMOTED';
    case 'step.rejected':
      // A rejected step up keeps its win; a rejected step back keeps its rung and goes on testing.
      return event.kind === 'PROMOTE' ? 'WON' : 'TESTING';
    case 'ended.without-step':
      return event.outcome === 'INCONCLUSIVE' ? 'INCONCLUSIVE' : 'STOPPED';
  }
}

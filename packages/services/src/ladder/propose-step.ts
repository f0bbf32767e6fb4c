import { createProposal, notify, readLadder, readStepContext, setOfferState, type Tx } from '@uplift/db';
import { decideLadderStep, type LadderNotice, offerStateAfter } from '@uplift/domain';
import { applyPromotion } from './apply-promotion';

/**
 * After an experiment completes, the ladder's step (decideLadderStep): a proposal (applied at once where the
 * rung asks no approval), or the offer's new state, and what to tell the workspace. One proposal per
 * experiment, so a repeated evaluation proposes nothing new. Call inside the decision's transaction; returns
 * the webhook deliveries to enqueue.
 */
export async function proposeStep(
  tx: Tx,
  input: { experimentId: string; outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE'; now: Date },
): Promise<string[]> {
  const { experiment, offer, snapshot, hypothesis, rungReaches } = await readStepContext(tx, input.experimentId);
  if (!offer) return [];
  const { ladder, policies } = await readLadder(tx, experiment.workspaceId);
  const { outcome } = input;
  const step = decideLadderStep({ outcome, offer, experiment, ladder, policies, snapshot, hypothesis, rungReaches });
  const say = (notice: LadderNotice, data: object = {}) =>
    notify(tx, {
      workspaceId: experiment.workspaceId,
      experimentId: experiment.id,
      ...notice,
      data: { experiment: experiment.key, offer: offer.id, ...data },
    });
  if (step.kind === 'none') {
    if (step.state) await setOfferState(tx, offer.id, step.state);
    return step.notice ? say(step.notice) : [];
  }
  const proposal = await createProposal(tx, {
    workspaceId: experiment.workspaceId,
    offerId: offer.id,
    experimentId: experiment.id,
    kind: step.kind === 'demote' ? 'DEMOTE' : 'PROMOTE',
    fromRung: experiment.channel,
    toRung: step.to,
    evidence: step.evidence,
    segments: step.kind === 'scoped-promote' ? step.segments : [],
  });
  if (!proposal) {
    // Already proposed for this experiment. A scoped step then leaves the offer as an inconclusive result would.
    if (step.kind === 'scoped-promote') {
      await setOfferState(tx, offer.id, offerStateAfter({ type: 'ended.without-step', outcome: input.outcome }));
    }
    return [];
  }
  if (step.kind === 'promote' && step.autoApply) {
    await applyPromotion(tx, { id: proposal.id, actor: null, reason: null, now: input.now });
  } else {
    await setOfferState(tx, offer.id, offerStateAfter({ type: 'step.proposed' }));
  }
  return say(step.notice, { promotion: proposal.id });
}

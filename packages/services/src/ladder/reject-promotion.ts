import { claimPromotion, recordAudit, setOfferState, transaction } from '@uplift/db';
import { alreadyDecided, offerStateAfter } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { mustFindPromotion } from './apply-promotion';
import type { WorkspaceScope } from './scope';

/** A product owner declines a proposed step, saying why; the offer stays on its rung. */
export function rejectPromotion(deps: ServiceDeps, scope: WorkspaceScope, input: { id: string; reason: string }) {
  const { actor } = scope;
  return transaction(deps.db, async (tx) => {
    await mustFindPromotion(tx, input.id, scope.workspace.id);
    const claimed = await claimPromotion(tx, input.id, {
      status: 'REJECTED',
      decidedById: actor.id,
      decidedByEmail: actor.email,
      decidedAt: deps.clock(),
      reason: input.reason,
    });
    const promotion = await mustFindPromotion(tx, input.id);
    if (!claimed) throw alreadyDecided({ ...promotion, decidedAt: null });
    await setOfferState(tx, promotion.offerId, offerStateAfter({ type: 'step.rejected', kind: promotion.kind }));
    await recordAudit(tx, {
      workspaceId: promotion.workspaceId,
      actor,
      entityType: 'offer',
      entityId: promotion.offerId,
      action: promotion.kind === 'PROMOTE' ? 'offer.promotion.reject' : 'offer.demotion.reject',
      after: { promotion: promotion.id, from: promotion.fromRung, to: promotion.toRung },
      reason: input.reason,
    });
    return promotion;
  });
}

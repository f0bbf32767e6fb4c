import {
  claimPromotion,
  findLadderExperiment,
  findOffer,
  findPromotion,
  moveOffer,
  type PromotionRecord,
  readinessVerdicts,
  readLadder,
  recordAudit,
  setPromotionSegments,
  type Tx,
} from '@uplift/db';
import {
  alreadyDecided,
  assertScopeWithinWins,
  assertStepReady,
  DomainError,
  offerStateAfter,
  rungPolicy,
} from '@uplift/domain';
import type { Actor } from '../deps';
import { createNextExperiment } from './create-next-experiment';

export const mustFindPromotion = async (tx: Tx, id: string, workspaceId?: string): Promise<PromotionRecord> => {
  const found = await findPromotion(tx, id, workspaceId);
  if (!found) throw new DomainError('NOT_FOUND', `No promotion proposal ${id} in this workspace.`, 'id');
  return found;
};

/**
 * Applies a proposal inside `tx`: the offer moves to the target rung and, for a step up, the next rung's
 * experiment is created. The conditional claim makes two approvers produce one promotion: the second is told
 * it was already decided. `actor` null is the ladder applying a step that needs no approval.
 */
export async function applyPromotion(
  tx: Tx,
  input: { id: string; actor: Actor | null; reason: string | null; segments?: string[]; now: Date },
): Promise<PromotionRecord> {
  const { id, actor, reason, segments, now } = input;
  if (segments?.length) {
    const proposal = await mustFindPromotion(tx, id);
    assertScopeWithinWins(
      (proposal.evidence.segmentsWon ?? []).map((w) => w.segment),
      segments,
    );
    await setPromotionSegments(tx, id, segments);
  }
  const claimed = await claimPromotion(tx, id, {
    status: 'APPLIED',
    decidedById: actor?.id ?? null,
    decidedByEmail: actor?.email ?? 'automatic',
    decidedAt: now,
    reason,
  });
  const promotion = await mustFindPromotion(tx, id);
  if (!claimed) throw alreadyDecided(promotion);
  if (promotion.kind === 'PROMOTE') {
    const { policies } = await readLadder(tx, promotion.workspaceId);
    const gated = rungPolicy({ policies }, promotion.toRung).readinessGate;
    const offer = await findOffer(tx, promotion.workspaceId, promotion.offerId);
    const checks = gated ? await readinessVerdicts(tx, [promotion.offerId]) : [];
    const source = await findLadderExperiment(tx, promotion.experimentId);
    // The inbox disables its approve button for the same reasons (stepBlockers).
    assertStepReady({
      step: { ...promotion, gated },
      checks,
      source: { key: source.key, status: source.status },
      offerName: offer?.name ?? promotion.offerId,
    });
  }
  await moveOffer(
    tx,
    promotion.offerId,
    promotion.toRung,
    offerStateAfter({ type: 'step.applied', kind: promotion.kind }),
  );
  await recordAudit(tx, {
    workspaceId: promotion.workspaceId,
    actor,
    entityType: 'offer',
    entityId: promotion.offerId,
    action: promotion.kind === 'PROMOTE' ? 'offer.promote' : 'offer.demote',
    before: { rung: promotion.fromRung },
    after: { rung: promotion.toRung, promotion: promotion.id },
    reason,
  });
  if (promotion.kind === 'PROMOTE') await createNextExperiment(tx, id, now);
  return mustFindPromotion(tx, id);
}

import { findLadderExperiment, recordAudit, setPromotionEvidence, type Tx, transaction } from '@uplift/db';
import { DomainError, parseRungReach, reprojectAtReach } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { requestRoadmap } from '../roadmap/request-roadmap';
import { applyPromotion, mustFindPromotion } from './apply-promotion';
import type { WorkspaceScope } from './scope';

export interface PromotionApproval {
  id: string;
  reason: string | null;
  segments?: string[] | undefined;
  /** The next rung's reach per month, when the approver knows it better than the proposal's default. */
  reachPerMonth?: number | undefined;
}

/**
 * A product owner applies a proposed step, optionally scoped to some of the segments it won in and with the
 * next rung's own reach: the projection is redone at that reach and the next experiment carries it. A step up
 * drafts the next rung's test, which the roadmap then plans.
 */
export async function approvePromotion(deps: ServiceDeps, scope: WorkspaceScope, input: PromotionApproval) {
  const applied = await transaction(deps.db, async (tx) => {
    await mustFindPromotion(tx, input.id, scope.workspace.id);
    if (input.reachPerMonth !== undefined) await setNextRungReach(tx, scope, input.id, input.reachPerMonth);
    return applyPromotion(tx, { ...input, actor: scope.actor, now: deps.clock() });
  });
  await requestRoadmap(deps, scope.workspace.id);
  return applied;
}

/** Re-projects a step up at the approver's reach and audits the change (the proposal's own reach is kept there). */
async function setNextRungReach(tx: Tx, { workspace, actor }: WorkspaceScope, id: string, reach: unknown) {
  const reachPerMonth = parseRungReach(reach);
  const promotion = await mustFindPromotion(tx, id, workspace.id);
  if (promotion.kind !== 'PROMOTE') {
    throw new DomainError(
      'BAD_INPUT',
      'reachPerMonth: only a step up reaches a new rung; a step back keeps its reach.',
      'reachPerMonth',
    );
  }
  const { hypothesis } = await findLadderExperiment(tx, promotion.experimentId);
  const before = promotion.evidence.reachPerMonth ?? hypothesis.reachPerMonth;
  if (before === reachPerMonth) return;
  const evidence = reprojectAtReach(promotion.evidence, reachPerMonth, hypothesis.valuePerConversion);
  await setPromotionEvidence(tx, id, evidence);
  await recordAudit(tx, {
    workspaceId: workspace.id,
    actor,
    entityType: 'offer',
    entityId: promotion.offerId,
    action: 'promotion.reach',
    before: {
      rung: promotion.toRung,
      reachPerMonth: before,
      projectedMonthlyGain: promotion.evidence.projectedMonthlyGain,
    },
    after: {
      rung: promotion.toRung,
      reachPerMonth,
      projectedMonthlyGain: evidence.projectedMonthlyGain,
      promotion: id,
    },
    reason: null,
  });
}

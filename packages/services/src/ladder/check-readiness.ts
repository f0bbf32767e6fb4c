import { createReadinessCheck, findOffer, recordAudit, transaction } from '@uplift/db';
import { assessReadiness, DomainError, type LadderChannel, type ReadinessInput, ZReadinessInput } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import type { WorkspaceScope } from './scope';

/** A product owner's readiness check of an offer for a rung, with the numbers and the assessment recorded. */
export function checkReadiness(
  deps: ServiceDeps,
  scope: WorkspaceScope,
  input: { offerId: string; rung: LadderChannel } & ReadinessInput,
) {
  const { offerId, rung, ...raw } = input;
  const inputs = ZReadinessInput.parse(raw);
  const assessment = assessReadiness(inputs);
  return transaction(deps.db, async (tx) => {
    const offer = await findOffer(tx, scope.workspace.id, offerId);
    if (!offer) throw new DomainError('NOT_FOUND', `No offer ${offerId} in this workspace.`, 'offerId');
    const check = await createReadinessCheck(tx, { offerId, rung, inputs, assessment, checkedBy: scope.actor });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actor: scope.actor,
      entityType: 'offer',
      entityId: offerId,
      action: assessment.passes ? 'offer.readiness.pass' : 'offer.readiness.fail',
      after: { rung, inputs, assessment },
    });
    return check;
  });
}

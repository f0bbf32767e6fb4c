import {
  createLadderExperiment,
  experimentKeyTaken,
  findLadderExperiment,
  findPromotion,
  readLadder,
  recordAudit,
  setNextExperiment,
  setOfferState,
  type Tx,
} from '@uplift/db';
import {
  DomainError,
  freeKey,
  nextExperimentDesign,
  nextExperimentName,
  nextExperimentStem,
  offerStateAfter,
  rungPolicy,
} from '@uplift/domain';

/**
 * The next rung's experiment for an applied step up, from the same hypothesis with the winner as the treatment
 * (nextExperimentDesign). Idempotent: the reconciler calls it for any promotion left without one.
 */
export async function createNextExperiment(tx: Tx, promotionId: string, now = new Date()) {
  const promotion = await findPromotion(tx, promotionId);
  if (!promotion) throw new DomainError('NOT_FOUND', `No promotion proposal ${promotionId}.`, 'id');
  if (promotion.nextExperimentId || promotion.kind !== 'PROMOTE' || promotion.status !== 'APPLIED') return null;
  const source = await findLadderExperiment(tx, promotion.experimentId);
  const { policies } = await readLadder(tx, source.workspaceId);
  const design = nextExperimentDesign(
    rungPolicy({ policies }, promotion.toRung),
    source.variants,
    promotion.evidence.winner,
  );
  const key = await freeKey(nextExperimentStem(source.key, promotion.toRung), (k) =>
    experimentKeyTaken(tx, source.workspaceId, k),
  );
  const next = await createLadderExperiment(tx, source, {
    offerId: promotion.offerId,
    key,
    name: nextExperimentName(source.name, promotion.toRung),
    channel: promotion.toRung,
    design: design.design,
    startedAt: design.running ? now : null,
    variants: design.variants,
    // A scoped step reaches its segments only; an unscoped step of a scoped experiment keeps the scope it proved.
    scopeSegments: promotion.segments.length ? promotion.segments : source.scopeSegments,
    // The rung's own reach as proposed or set by the approver; proposals from before it was kept: the hypothesis'.
    reachPerMonth: promotion.evidence.reachPerMonth ?? source.hypothesis.reachPerMonth,
    createdById: promotion.decidedById,
  });
  await setNextExperiment(tx, promotionId, next.id);
  if (design.running) await setOfferState(tx, promotion.offerId, offerStateAfter({ type: 'rollout.started' }));
  await recordAudit(tx, {
    workspaceId: source.workspaceId,
    actor: null,
    entityType: 'experiment',
    entityId: next.id,
    action: design.running ? 'experiment.rollout' : 'experiment.create',
    after: {
      key,
      channel: next.channel,
      status: next.status,
      reachPerMonth: next.reachPerMonth,
      from: source.key,
      promotion: promotionId,
      ...(next.scopeSegments.length ? { scopeSegments: next.scopeSegments } : {}),
    },
  });
  return next;
}

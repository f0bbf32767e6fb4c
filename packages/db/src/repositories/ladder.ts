import {
  type AnalyzeResult,
  DomainError,
  type ExperimentDecision,
  type LadderChannel,
  type LadderSettings,
  nextRung,
  type OfferState,
  previousRung,
  qualifiesForPromotion,
  rungPolicy,
  type SegmentWin,
  segmentWins,
  type VariantDefinition,
} from '@uplift/domain';
import type { Tx } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { recordAudit } from './audit';
import { notify } from './notifications';

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;
type Actor = { id: string; email: string } | null;

/** The offer a hypothesis' experiments test: created on the ladder's first rung with its first experiment. */
export async function ensureOffer(
  tx: Tx,
  input: { workspaceId: string; hypothesis: { id: string; offer: string }; ladder: LadderChannel[] },
) {
  const found = await tx.offer.findUnique({ where: { hypothesisId: input.hypothesis.id } });
  if (found) return found;
  return tx.offer.create({
    data: {
      workspaceId: input.workspaceId,
      hypothesisId: input.hypothesis.id,
      name: input.hypothesis.offer,
      rung: input.ladder[0] as LadderChannel,
      state: 'TESTING',
    },
  });
}

const ladderOf = (w: { ladder: string[]; ladderPolicies: unknown }) => ({
  ladder: w.ladder as LadderChannel[],
  policies: (w.ladderPolicies ?? {}) as LadderSettings['policies'],
});

/** Segments where a treatment beat the control, Holm-corrected across segments; the treatment with most wins. */
function segmentEvidence(
  snapshot: { segments: unknown; winner: string | null },
  variants: { key: string }[],
  alpha: number,
): { variant: string | null; wins: SegmentWin[] } {
  const segments = snapshot.segments as { segment: string; analysis: AnalyzeResult }[] | null;
  if (!segments?.length) return { variant: null, wins: [] };
  const candidates = snapshot.winner ? [snapshot.winner] : variants.slice(1).map((v) => v.key);
  let best: { variant: string | null; wins: SegmentWin[] } = { variant: null, wins: [] };
  for (const variant of candidates) {
    const wins = segmentWins(segments, variant, alpha);
    if (wins.length > best.wins.length) best = { variant, wins };
  }
  return best;
}

/**
 * After an experiment completes: a qualifying WIN proposes the next rung (applied at once where its policy asks
 * no approval and no readiness check), a LOSS above the first rung proposes stepping back, and the offer's
 * state follows. One proposal per experiment (unique), so a repeated evaluation proposes nothing new.
 * Returns webhook deliveries to enqueue.
 */
export async function advanceLadder(tx: Tx, experimentId: string, outcome: string): Promise<string[]> {
  const experiment = await tx.experiment.findUniqueOrThrow({
    where: { id: experimentId },
    include: { workspace: true, offer: true },
  });
  const offer = experiment.offer;
  if (!offer || offer.rung !== experiment.channel) return [];
  const { ladder, policies } = ladderOf(experiment.workspace);
  const snapshot = await tx.experimentSnapshot.findFirst({ where: { experimentId }, orderBy: { dataVersion: 'desc' } });
  const say = (kind: Parameters<typeof notify>[1]['kind'], title: string, body: string, data: object = {}) =>
    notify(tx, {
      workspaceId: experiment.workspaceId,
      experimentId,
      kind,
      title,
      body,
      data: { experiment: experiment.key, offer: offer.id, ...data },
    });
  const setState = (state: OfferState) => tx.offer.update({ where: { id: offer.id }, data: { state } });
  /** One proposal per experiment: the unique key turns a repeat into nothing (undefined). */
  const propose = async (kind: 'PROMOTE' | 'DEMOTE', to: LadderChannel, evidence: object, segments: string[] = []) => {
    const created = await tx.promotion.createManyAndReturn({
      data: [
        {
          workspaceId: experiment.workspaceId,
          offerId: offer.id,
          experimentId,
          kind,
          fromRung: experiment.channel,
          toRung: to,
          evidence: json(evidence),
          segments,
        },
      ],
      skipDuplicates: true,
    });
    return created[0];
  };

  if (outcome === 'WIN' && snapshot) {
    const to = nextRung(ladder, experiment.channel);
    if (!to) {
      await setState('ROLLED_OUT');
      return say('ladder', `"${offer.name}" won at the top rung (${experiment.channel})`, 'The offer is rolled out.');
    }
    const policy = rungPolicy({ policies }, to);
    const analysis = snapshot.analysis as unknown as AnalyzeResult;
    const decision: ExperimentDecision = { outcome: 'WIN', reason: snapshot.reason, winner: snapshot.winner };
    // A location test's result is a difference-in-differences, not an A/B analysis: its WIN is the evidence.
    const q =
      'srm' in analysis
        ? qualifiesForPromotion({ decision, analysis, users: snapshot.users }, policy)
        : { qualifies: true, reasons: [], winner: null };
    if (!q.qualifies) {
      await setState('WON');
      return say(
        'ladder',
        `"${offer.name}" won in ${experiment.channel} but does not qualify for ${to}`,
        q.reasons.join('; '),
      );
    }
    const hypothesis = await tx.hypothesis.findUniqueOrThrow({ where: { id: experiment.hypothesisId } });
    const lift = q.winner?.estimate ?? 0;
    const bySegment = segmentEvidence(
      snapshot,
      experiment.variants as unknown as VariantDefinition[],
      alphaOf(experiment),
    );
    const baseline = ('srm' in analysis ? analysis.variants[0].mean : 0) ?? 0;
    const evidence = {
      // Projection at the next rung: its monthly reach (the hypothesis' reach at full rollout) × the control's
      // rate here × the measured relative lift × value per conversion.
      projectedMonthlyGain: hypothesis.reachPerMonth * baseline * lift * hypothesis.valuePerConversion,
      experiment: experiment.key,
      channel: experiment.channel,
      metric: (experiment.metrics as { primary?: { name?: string } }).primary?.name ?? null,
      alpha: alphaOf(experiment),
      winner: q.winner?.key,
      estimate: q.winner?.estimate,
      ci: q.winner?.ci,
      pValue: (q.winner as { pValue?: number | null } | null)?.pValue ?? null,
      chanceToWin: (q.winner as { chanceToWin?: number | null } | null)?.chanceToWin ?? null,
      users: snapshot.users,
      controlMean: 'srm' in analysis ? analysis.variants[0].mean : null,
      winnerMean: q.winner?.mean,
      reason: snapshot.reason,
      segmentsWon: bySegment.wins,
    };
    const promotion = await propose('PROMOTE', to, evidence);
    if (!promotion) return [];
    if (policy.approval === 'none' && !policy.readinessGate) {
      await applyPromotion(tx, promotion.id, null, null);
      return say('ladder', `"${offer.name}" moves up to ${to}`, `It won in ${experiment.channel}: ${snapshot.reason}`, {
        promotion: promotion.id,
      });
    }
    await setState('AWAITING_APPROVAL');
    return say(
      'promotion_proposed',
      `"${offer.name}" won in ${experiment.channel}: approve the step to ${to}?`,
      `${snapshot.reason}${policy.readinessGate ? ` ${to} also needs a readiness check of delivery and unit economics.` : ''}`,
      { promotion: promotion.id },
    );
  }
  if (outcome === 'LOSS') {
    const back = previousRung(ladder, experiment.channel);
    if (!back) {
      await setState('LOST');
      return [];
    }
    const demotion = await propose('DEMOTE', back, {
      experiment: experiment.key,
      channel: experiment.channel,
      reason: snapshot?.reason,
      users: snapshot?.users,
    });
    if (!demotion) return [];
    await setState('AWAITING_APPROVAL');
    return say(
      'demotion_proposed',
      `"${offer.name}" lost in ${experiment.channel}: step back to ${back}?`,
      `${snapshot?.reason ?? 'The treatment is worse than the control.'} Nothing changes until a product owner decides.`,
      { promotion: demotion.id },
    );
  }
  if (outcome === 'INCONCLUSIVE' && snapshot) {
    // No overall win, but some segments may have won (after correction across segments): a scoped step up is
    // always a product owner's call.
    const to = nextRung(ladder, experiment.channel);
    const bySegment = segmentEvidence(
      snapshot,
      experiment.variants as unknown as VariantDefinition[],
      alphaOf(experiment),
    );
    if (to && bySegment.variant && bySegment.wins.length) {
      const segments = bySegment.wins.map((w) => w.segment);
      const scoped = await propose(
        'PROMOTE',
        to,
        {
          experiment: experiment.key,
          channel: experiment.channel,
          winner: bySegment.variant,
          users: snapshot.users,
          reason: snapshot.reason,
          segmentsWon: bySegment.wins,
        },
        segments,
      );
      if (scoped) {
        await setState('AWAITING_APPROVAL');
        return say(
          'promotion_proposed',
          `"${offer.name}" won in ${experiment.channel} for ${segments.join(', ')} only: approve a scoped step to ${to}?`,
          `No overall win, but it wins in these segments after correcting across segments. ${snapshot.reason}`,
          { promotion: scoped.id },
        );
      }
    }
  }
  await setState(outcome === 'INCONCLUSIVE' ? 'INCONCLUSIVE' : 'STOPPED');
  return [];
}

const alphaOf = (e: { analysis: unknown }) => (e.analysis as { alpha?: number }).alpha ?? 0.05;

/**
 * Applies a proposal: the offer moves to the target rung and, for a step up, the next rung's experiment is
 * created from the same hypothesis with the winning variant as the treatment (a draft, or for a rollout rung a
 * running rollout with a 10% holdout). The conditional status update makes two approvers produce one
 * promotion: the second is told it was already decided.
 */
export async function applyPromotion(
  tx: Tx,
  promotionId: string,
  actor: Actor,
  reason: string | null,
  segments?: string[],
) {
  if (segments?.length) {
    // A narrower scope than proposed is the approver's call; a wider one is not backed by the evidence.
    const proposal = await tx.promotion.findUniqueOrThrow({ where: { id: promotionId } });
    const won = ((proposal.evidence as { segmentsWon?: { segment: string }[] }).segmentsWon ?? []).map(
      (w) => w.segment,
    );
    const outside = segments.filter((s) => !won.includes(s));
    if (outside.length) {
      throw new DomainError(
        'BAD_INPUT',
        `the offer did not win in ${outside.join(', ')}${won.length ? ` (it won in ${won.join(', ')})` : ''}.`,
        'segments',
      );
    }
    await tx.promotion.update({ where: { id: promotionId }, data: { segments } });
  }
  const claimed = await tx.promotion.updateMany({
    where: { id: promotionId, status: 'PROPOSED' },
    data: {
      status: 'APPLIED',
      decidedById: actor?.id ?? null,
      decidedByEmail: actor?.email ?? 'automatic',
      decidedAt: new Date(),
      reason,
    },
  });
  const promotion = await tx.promotion.findUniqueOrThrow({ where: { id: promotionId }, include: { offer: true } });
  if (!claimed.count) {
    throw new DomainError(
      'CONFLICT',
      `This proposal was already ${promotion.status.toLowerCase()} by ${promotion.decidedByEmail ?? 'someone'}${promotion.decidedAt ? ` at ${promotion.decidedAt.toISOString()}` : ''}.`,
      'id',
    );
  }
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: promotion.workspaceId } });
  const policy = rungPolicy(ladderOf(workspace), promotion.toRung);
  if (promotion.kind === 'PROMOTE' && policy.readinessGate) {
    const check = await tx.readinessCheck.findFirst({
      where: { offerId: promotion.offerId, rung: promotion.toRung },
      orderBy: { createdAt: 'desc' },
    });
    if (!check?.passed) {
      throw new DomainError(
        'CONFLICT',
        `"${promotion.offer.name}" has ${check ? 'failed' : 'no'} readiness check for ${promotion.toRung}: a product owner must confirm delivery at scale and positive unit economics first.`,
        'readiness',
      );
    }
  }
  await tx.offer.update({
    where: { id: promotion.offerId },
    data: { rung: promotion.toRung, state: promotion.kind === 'PROMOTE' ? 'READY' : 'DEMOTED' },
  });
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
  if (promotion.kind === 'PROMOTE') await createNextExperiment(tx, promotionId);
  return tx.promotion.findUniqueOrThrow({ where: { id: promotionId } });
}

/** The next rung's experiment for an applied promotion (idempotent: the reconciler calls it for any left without). */
export async function createNextExperiment(tx: Tx, promotionId: string) {
  const promotion = await tx.promotion.findUniqueOrThrow({ where: { id: promotionId } });
  if (promotion.nextExperimentId || promotion.kind !== 'PROMOTE' || promotion.status !== 'APPLIED') return null;
  const source = await tx.experiment.findUniqueOrThrow({
    where: { id: promotion.experimentId },
    include: { workspace: true },
  });
  const policy = rungPolicy(ladderOf(source.workspace), promotion.toRung);
  const variants = source.variants as unknown as VariantDefinition[];
  const winnerKey = (promotion.evidence as { winner?: string }).winner;
  const control = variants[0] as VariantDefinition;
  const winner = variants.find((v) => v.key === winnerKey) ?? (variants[1] as VariantDefinition);
  const rollout = policy.mode === 'rollout';
  const stem = `${source.key.replace(/-(email|banner|offline|push|sms)$/i, '')}-${promotion.toRung.toLowerCase()}`;
  let key = stem;
  for (
    let n = 2;
    await tx.experiment.findUnique({ where: { workspaceId_key: { workspaceId: source.workspaceId, key } } });
    n++
  ) {
    key = `${stem}-${n}`;
  }
  const next = await tx.experiment.create({
    data: {
      workspaceId: source.workspaceId,
      hypothesisId: source.hypothesisId,
      offerId: promotion.offerId,
      key,
      name: `${source.name.replace(/ — (email|banner|offline|push|sms)$/i, '')} — ${promotion.toRung.toLowerCase()}`,
      channel: promotion.toRung,
      status: rollout ? 'RUNNING' : 'DRAFT',
      startedAt: rollout ? new Date() : null,
      design: rollout ? 'rollout' : 'ab',
      seed: key,
      variants: json(
        rollout
          ? [
              { key: 'holdout', name: `Holdout (${control.name})`, weight: 0.1 },
              { key: winner.key, name: winner.name, weight: 0.9 },
            ]
          : [
              { ...control, weight: 0.5 },
              { ...winner, weight: 0.5 },
            ],
      ),
      metrics: source.metrics as Prisma.InputJsonValue,
      analysis: source.analysis as Prisma.InputJsonValue,
      plannedUsers: source.plannedUsers,
      segmentAttribute: source.segmentAttribute,
      priorFromExperimentId: source.id,
      createdById: promotion.decidedById,
    },
  });
  await tx.promotion.update({ where: { id: promotionId }, data: { nextExperimentId: next.id } });
  if (rollout) await tx.offer.update({ where: { id: promotion.offerId }, data: { state: 'TESTING' } });
  await recordAudit(tx, {
    workspaceId: source.workspaceId,
    actor: null,
    entityType: 'experiment',
    entityId: next.id,
    action: rollout ? 'experiment.rollout' : 'experiment.create',
    after: { key, channel: next.channel, status: next.status, from: source.key, promotion: promotionId },
  });
  return next;
}

export async function rejectPromotion(tx: Tx, promotionId: string, actor: Actor, reason: string) {
  const claimed = await tx.promotion.updateMany({
    where: { id: promotionId, status: 'PROPOSED' },
    data: {
      status: 'REJECTED',
      decidedById: actor?.id ?? null,
      decidedByEmail: actor?.email ?? null,
      decidedAt: new Date(),
      reason,
    },
  });
  const promotion = await tx.promotion.findUniqueOrThrow({ where: { id: promotionId } });
  if (!claimed.count) {
    throw new DomainError(
      'CONFLICT',
      `This proposal was already ${promotion.status.toLowerCase()} by ${promotion.decidedByEmail ?? 'someone'}.`,
      'id',
    );
  }
  // The offer stays where it is: a rejected step up keeps its win; a rejected step back keeps its rung.
  await tx.offer.update({
    where: { id: promotion.offerId },
    data: { state: promotion.kind === 'PROMOTE' ? 'WON' : 'TESTING' },
  });
  await recordAudit(tx, {
    workspaceId: promotion.workspaceId,
    actor,
    entityType: 'offer',
    entityId: promotion.offerId,
    action: promotion.kind === 'PROMOTE' ? 'offer.promotion.reject' : 'offer.demotion.reject',
    after: { promotion: promotion.id, from: promotion.fromRung, to: promotion.toRung },
    reason,
  });
  return promotion;
}

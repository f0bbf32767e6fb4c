import {
  type LadderChannel,
  type LadderSnapshot,
  ZStoredAlpha,
  ZStoredPrimaryMetric,
  ZStoredSegments,
  ZStoredSnapshotAnalysis,
  ZStoredVariants,
} from '@uplift/domain';
import type { Tx } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { toJsonValue } from '../json';
import { findOffer } from './offers';

/**
 * An experiment as the ladder reads it: where it ran, its variants, significance level and primary metric, and
 * its hypothesis' reach and value per conversion.
 */
export async function findLadderExperiment(tx: Tx, id: string) {
  const e = await tx.experiment.findUniqueOrThrow({
    where: { id },
    include: { hypothesis: { select: { reachPerMonth: true, valuePerConversion: true } } },
  });
  return {
    ...e,
    variants: ZStoredVariants.parse(e.variants),
    alpha: ZStoredAlpha.parse(e.analysis),
    metric: ZStoredPrimaryMetric.parse(e.metrics),
  };
}
export type LadderExperiment = Awaited<ReturnType<typeof findLadderExperiment>>;

/** What the ladder step after a decision looks at: the experiment, its offer, newest snapshot and hypothesis. */
export async function readStepContext(tx: Tx, experimentId: string) {
  const experiment = await findLadderExperiment(tx, experimentId);
  const offer = experiment.offerId ? await findOffer(tx, experiment.workspaceId, experiment.offerId) : null;
  const row = await tx.experimentSnapshot.findFirst({ where: { experimentId }, orderBy: { dataVersion: 'desc' } });
  const snapshot: LadderSnapshot | null = row && {
    analysis: ZStoredSnapshotAnalysis.parse(row.analysis),
    users: row.users,
    reason: row.reason,
    winner: row.winner,
    segments: ZStoredSegments.parse(row.segments),
  };
  return {
    experiment,
    offer,
    snapshot,
    hypothesis: experiment.hypothesis,
    rungReaches: await rungReaches(tx, offer?.id),
  };
}

/** The reach of an offer's latest experiment on each rung it has stood on (rows without one are skipped). */
async function rungReaches(tx: Tx, offerId: string | undefined): Promise<Partial<Record<LadderChannel, number>>> {
  if (!offerId) return {};
  const rows = await tx.experiment.findMany({
    where: { offerId, reachPerMonth: { not: null } },
    select: { channel: true, reachPerMonth: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return Object.fromEntries(rows.flatMap((r) => (r.reachPerMonth === null ? [] : [[r.channel, r.reachPerMonth]])));
}

export async function experimentKeyTaken(tx: Tx, workspaceId: string, key: string): Promise<boolean> {
  return !!(await tx.experiment.findUnique({ where: { workspaceId_key: { workspaceId, key } }, select: { id: true } }));
}

/**
 * The next rung's experiment, carrying the source's metrics, analysis settings, plan and segment attribute, and
 * reaching only `scopeSegments` when the promotion was scoped.
 */
export async function createLadderExperiment(
  tx: Tx,
  source: LadderExperiment,
  next: {
    offerId: string;
    key: string;
    name: string;
    channel: LadderChannel;
    design: 'ab' | 'rollout';
    startedAt: Date | null;
    variants: object[];
    scopeSegments: string[];
    reachPerMonth: number;
    createdById: string | null;
    /** The evidence its prior comes from; default the source (a step up), a retest keeps the source's own. */
    priorFromExperimentId?: string | null;
  },
) {
  return tx.experiment.create({
    data: {
      workspaceId: source.workspaceId,
      hypothesisId: source.hypothesisId,
      offerId: next.offerId,
      key: next.key,
      name: next.name,
      channel: next.channel,
      status: next.startedAt ? 'RUNNING' : 'DRAFT',
      startedAt: next.startedAt,
      design: next.design,
      seed: next.key,
      variants: toJsonValue(next.variants),
      metrics: source.metrics as Prisma.InputJsonValue,
      analysis: source.analysis as Prisma.InputJsonValue,
      plannedUsers: source.plannedUsers,
      segmentAttribute: source.segmentAttribute,
      scopeSegments: next.scopeSegments,
      reachPerMonth: next.reachPerMonth,
      priorFromExperimentId: next.priorFromExperimentId === undefined ? source.id : next.priorFromExperimentId,
      createdById: next.createdById,
    },
  });
}

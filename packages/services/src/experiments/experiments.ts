import { type Db, ensureOffer, findExperimentByKey, Prisma, recordAudit, rerankBacklog, type Tx } from '@uplift/db';
import {
  assertExperimentTransition,
  assertTransition,
  DomainError,
  type ExperimentCreateInput,
  type ExperimentStatus,
  type ExperimentUpdateInput,
  type LadderChannel,
  normaliseVariants,
  plan,
  ZExperimentCreateInput,
  ZExperimentUpdateInput,
} from '@uplift/domain';
import { enqueueDelivery, scheduleEvaluation, unscheduleEvaluation } from '@uplift/jobs';
import type { Queue } from 'bullmq';
import type { Actor } from '../deps';
import { completeExperiment } from './complete-experiment';

export interface ExperimentScope {
  db: Db;
  queue: Queue;
  workspace: {
    id: string;
    evaluationIntervalMinutes: number;
    defaultEngine: string;
    defaultAlpha: number;
    defaultCorrection: string;
    defaultSequential: number | null;
    ladder: string[];
  };
  actor: Actor;
}

export async function mustGetExperiment(db: Tx, workspaceId: string, key: string) {
  const found = await findExperimentByKey(db, workspaceId, key);
  // One answer for unknown and foreign keys: nothing tells a caller what other workspaces hold.
  if (!found) throw new DomainError('NOT_FOUND', `No experiment "${key}" in this workspace.`, 'experiment');
  return found;
}

/** The sample size `plan` gives for the hypothesis' baseline and expected lift at 80% power. */
function plannedUsersFor(h: { baselineRate: number; expectedLift: number }, alpha: number, variations: number) {
  if (h.expectedLift === 0 || !(h.baselineRate > 0 && h.baselineRate < 1)) {
    throw new DomainError(
      'BAD_INPUT',
      'is required: the hypothesis gives no expected lift to plan a sample size from',
      'plannedUsers',
    );
  }
  const { totalUsers } = plan({
    metric: 'binomial',
    baseline: h.baselineRate,
    lift: h.expectedLift,
    alpha,
    variations,
  });
  return totalUsers;
}

/**
 * Opens an experiment for an APPROVED hypothesis, which becomes TESTING; both changes and their audit entries
 * land in one transaction. With `start`, it runs at once and its evaluation is scheduled.
 */
export async function createExperiment(scope: ExperimentScope, raw: ExperimentCreateInput) {
  const { db, workspace, actor } = scope;
  const input = ZExperimentCreateInput.parse(raw);
  const analysis = {
    engine: input.analysis?.engine ?? (workspace.defaultEngine as 'frequentist' | 'bayesian'),
    sequential: input.analysis?.sequential !== undefined ? input.analysis.sequential : workspace.defaultSequential,
    alpha: input.analysis?.alpha ?? workspace.defaultAlpha,
    correction: input.analysis?.correction ?? (workspace.defaultCorrection as 'none' | 'holm' | 'bh'),
  };
  const variants = normaliseVariants(input.variants);
  const created = await db
    .$transaction(async (tx) => {
      const hypothesis = await tx.hypothesis.findFirst({
        where: { id: input.hypothesisId, workspaceId: workspace.id },
      });
      if (!hypothesis)
        throw new DomainError('NOT_FOUND', `No hypothesis ${input.hypothesisId} in this workspace.`, 'hypothesisId');
      if (hypothesis.status !== 'APPROVED') {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          `Only an APPROVED hypothesis can be tested; this one is ${hypothesis.status}.`,
          'hypothesisId',
        );
      }
      assertTransition('APPROVED', 'TESTING');
      // The channel ladder: an offer is tested on the rung it stands on (new offers on the first); it reaches a
      // higher, costlier rung only by winning below.
      const offer = await ensureOffer(tx, {
        workspaceId: workspace.id,
        hypothesis,
        ladder: workspace.ladder as LadderChannel[],
      });
      const channel = input.channel ?? offer.rung;
      if (channel !== offer.rung) {
        throw new DomainError(
          'CONFLICT',
          `"${offer.name}" stands on the ${offer.rung} rung; it reaches ${channel} only by winning there first.`,
          'channel',
        );
      }
      await tx.offer.update({ where: { id: offer.id }, data: { state: input.start ? 'TESTING' : 'READY' } });
      const now = new Date();
      const experiment = await tx.experiment.create({
        data: {
          workspaceId: workspace.id,
          hypothesisId: hypothesis.id,
          key: input.key,
          name: input.name ?? hypothesis.title,
          channel,
          offerId: offer.id,
          status: input.start ? 'RUNNING' : 'DRAFT',
          startedAt: input.start ? now : null,
          seed: input.key,
          variants: variants as unknown as Prisma.InputJsonValue,
          metrics: input.metrics as unknown as Prisma.InputJsonValue,
          analysis: analysis as unknown as Prisma.InputJsonValue,
          plannedUsers: input.plannedUsers ?? plannedUsersFor(hypothesis, analysis.alpha, variants.length),
          segmentAttribute: input.segmentAttribute ?? null,
          createdById: actor.id,
        },
      });
      await tx.hypothesis.update({ where: { id: hypothesis.id }, data: { status: 'TESTING' } });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actor,
        entityType: 'experiment',
        entityId: experiment.id,
        action: input.start ? 'experiment.create+start' : 'experiment.create',
        after: experiment,
      });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actor,
        entityType: 'hypothesis',
        entityId: hypothesis.id,
        action: 'hypothesis.transition',
        before: { status: hypothesis.status },
        after: { status: 'TESTING', experiment: experiment.key },
      });
      return experiment;
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new DomainError(
          'CONFLICT',
          `An experiment with key "${input.key}" already exists in this workspace.`,
          'key',
        );
      }
      throw error;
    });
  await rerankBacklog(db, workspace.id);
  if (created.status === 'RUNNING') await scheduleQuietly(scope, created.id);
  return created;
}

/** The database is the source of truth: if Redis is down now, the reconciler schedules it later. */
async function scheduleQuietly(scope: ExperimentScope, experimentId: string) {
  await scheduleEvaluation(scope.queue, experimentId, scope.workspace.evaluationIntervalMinutes).catch(() => {});
}

async function transition(scope: ExperimentScope, key: string, to: ExperimentStatus, extra: { reason?: string } = {}) {
  const { db, workspace, actor } = scope;
  const updated = await db.$transaction(async (tx) => {
    const before = await mustGetExperiment(tx, workspace.id, key);
    assertExperimentTransition(before.status, to);
    const now = new Date();
    const experiment = await tx.experiment.update({
      where: { id: before.id },
      data:
        to === 'RUNNING'
          ? { status: to, startedAt: now }
          : { status: to, endedAt: now, stopReason: extra.reason ?? null },
    });
    if (experiment.offerId) {
      await tx.offer.update({
        where: { id: experiment.offerId },
        data: { state: to === 'RUNNING' ? 'TESTING' : 'STOPPED' },
      });
    }
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'experiment',
      entityId: experiment.id,
      action: to === 'RUNNING' ? 'experiment.start' : 'experiment.stop',
      before: { status: before.status },
      after: { status: to },
      reason: extra.reason,
    });
    if (to === 'STOPPED') {
      // A stopped test gives no evidence either way: the idea leaves TESTING as INCONCLUSIVE, with the reason.
      const hypothesis = await tx.hypothesis.findUniqueOrThrow({ where: { id: before.hypothesisId } });
      if (hypothesis.status === 'TESTING') {
        await tx.hypothesis.update({
          where: { id: hypothesis.id },
          data: { status: 'INCONCLUSIVE', decisionReason: `Experiment "${key}" stopped: ${extra.reason}` },
        });
        await recordAudit(tx, {
          workspaceId: workspace.id,
          actor,
          entityType: 'hypothesis',
          entityId: hypothesis.id,
          action: 'hypothesis.transition',
          before: { status: 'TESTING' },
          after: { status: 'INCONCLUSIVE', experiment: key },
          reason: extra.reason,
        });
      }
    }
    return experiment;
  });
  if (to === 'RUNNING') await scheduleQuietly(scope, updated.id);
  else {
    await unscheduleEvaluation(scope.queue, updated.id).catch(() => {});
    await rerankBacklog(db, workspace.id);
  }
  return updated;
}

export const startExperiment = (scope: ExperimentScope, key: string) => transition(scope, key, 'RUNNING');
export const stopExperiment = (scope: ExperimentScope, key: string, reason: string) =>
  transition(scope, key, 'STOPPED', { reason });

/** A product owner confirms the terminal decision the worker proposed (workspace.confirmDecisions). */
export async function confirmDecision(scope: ExperimentScope, key: string) {
  const { db, workspace, actor } = scope;
  const { completed, deliveries } = await db.$transaction(async (tx) => {
    const experiment = await mustGetExperiment(tx, workspace.id, key);
    const outcome = experiment.pendingOutcome;
    if (experiment.status !== 'RUNNING' || !outcome) {
      throw new DomainError('CONFLICT', `Experiment "${key}" has no decision waiting for confirmation.`, 'experiment');
    }
    const deliveries = await completeExperiment(tx, {
      experiment,
      outcome: outcome as 'WIN' | 'LOSS' | 'INCONCLUSIVE',
      reason: experiment.outcomeReason ?? outcome,
      actor,
      data: { experiment: key, decision: { outcome, reason: experiment.outcomeReason }, confirmedBy: actor.email },
      now: new Date(),
    });
    return { completed: await tx.experiment.findUniqueOrThrow({ where: { id: experiment.id } }), deliveries };
  });
  for (const id of deliveries) await enqueueDelivery(scope.queue, id);
  await unscheduleEvaluation(scope.queue, completed.id).catch(() => {});
  await rerankBacklog(db, workspace.id);
  return completed;
}

/** Sample size suggestion for the form: `plan` on the hypothesis' baseline and expected lift. */
export async function suggestPlannedUsers(
  db: Db,
  workspaceId: string,
  input: { hypothesisId: string; variations: number; alpha: number },
) {
  const h = await db.hypothesis.findFirst({ where: { id: input.hypothesisId, workspaceId } });
  if (!h) throw new DomainError('NOT_FOUND', `No hypothesis ${input.hypothesisId} in this workspace.`, 'hypothesisId');
  try {
    return {
      plannedUsers: plannedUsersFor(h, input.alpha, input.variations),
      baseline: h.baselineRate,
      lift: h.expectedLift,
    };
  } catch {
    return { plannedUsers: null, baseline: h.baselineRate, lift: h.expectedLift };
  }
}

/**
 * Edits a draft. The merged setup is validated by the same schema as a new experiment, so a draft can never
 * hold what creation would refuse; a running experiment's setup is frozen.
 */
export async function updateDraft(scope: ExperimentScope, raw: ExperimentUpdateInput) {
  const { key, patch } = ZExperimentUpdateInput.parse(raw);
  const { db, workspace, actor } = scope;
  return db.$transaction(async (tx) => {
    const before = await mustGetExperiment(tx, workspace.id, key);
    if (before.status !== 'DRAFT') {
      throw new DomainError(
        'CONFLICT',
        `Experiment "${key}" is ${before.status}: its setup is frozen once it has run.`,
        'experiment',
      );
    }
    const merged = ZExperimentCreateInput.parse({
      key,
      hypothesisId: before.hypothesisId,
      name: patch.name ?? before.name,
      variants: patch.variants ?? before.variants,
      metrics: patch.metrics ?? before.metrics,
      analysis: { ...(before.analysis as object), ...(patch.analysis ?? {}) },
      plannedUsers: patch.plannedUsers ?? before.plannedUsers,
      segmentAttribute: patch.segmentAttribute !== undefined ? patch.segmentAttribute : before.segmentAttribute,
    });
    const after = await tx.experiment.update({
      where: { id: before.id },
      data: {
        name: merged.name,
        variants: normaliseVariants(merged.variants) as unknown as Prisma.InputJsonValue,
        metrics: merged.metrics as unknown as Prisma.InputJsonValue,
        analysis: merged.analysis as unknown as Prisma.InputJsonValue,
        plannedUsers: merged.plannedUsers,
        segmentAttribute: merged.segmentAttribute ?? null,
      },
    });
    const changed = Object.keys(patch);
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'experiment',
      entityId: before.id,
      action: 'experiment.update',
      before: Object.fromEntries(changed.map((k) => [k, before[k as keyof typeof before]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k as keyof typeof after]])),
    });
    return after;
  });
}

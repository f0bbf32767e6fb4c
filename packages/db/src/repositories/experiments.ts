import { type ExperimentOutcome, HYPOTHESIS_STATUS_FOR_OUTCOME } from '@uplift/domain';
import type { Tx } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { recordAudit } from './audit';
import { advanceLadder } from './ladder';
import { notify } from './notifications';

export function findExperimentsByKeys(db: Tx, workspaceId: string, keys: string[]) {
  return db.experiment.findMany({ where: { workspaceId, key: { in: keys } } });
}

/** Exposed units per variant and segment (metric "") and each metric's per-variant sums, as kept at ingestion. */
export function readAggregates(db: Tx, experimentId: string) {
  return db.experimentAggregate.findMany({ where: { experimentId } });
}

/** The newest campaign report per metric. */
export async function latestReports(db: Tx, experimentId: string) {
  const rows = await db.experimentReport.findMany({
    where: { experimentId },
    orderBy: { createdAt: 'desc' },
    distinct: ['metric'],
  });
  return rows;
}

export interface SnapshotInput {
  experimentId: string;
  dataVersion: number;
  users: number;
  analysis: unknown;
  guardrails: unknown;
  segments: unknown;
  outcome: ExperimentOutcome;
  reason: string;
  winner: string | null;
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** One snapshot per data version: a repeated evaluation of the same data (a retried job) writes nothing. */
export async function saveSnapshot(db: Tx, s: SnapshotInput): Promise<boolean> {
  const rows = await db.experimentSnapshot.createMany({
    data: [
      {
        experimentId: s.experimentId,
        dataVersion: s.dataVersion,
        users: s.users,
        analysis: json(s.analysis),
        guardrails: json(s.guardrails),
        segments: s.segments === null ? undefined : json(s.segments),
        outcome: s.outcome,
        reason: s.reason,
        winner: s.winner,
      },
    ],
    skipDuplicates: true,
  });
  return rows.count === 1;
}

/** The newest `take` snapshots, oldest first (the charts' history). */
export async function listSnapshots(db: Tx, experimentId: string, take = 500) {
  const rows = await db.experimentSnapshot.findMany({
    where: { experimentId },
    orderBy: { dataVersion: 'desc' },
    take,
    select: { dataVersion: true, evaluatedAt: true, users: true, analysis: true, outcome: true },
  });
  return rows.reverse();
}

export function latestSnapshot(db: Tx, experimentId: string) {
  return db.experimentSnapshot.findFirst({ where: { experimentId }, orderBy: { dataVersion: 'desc' } });
}

/**
 * Completes a running experiment with a terminal decision: the experiment, its hypothesis (WON / LOST /
 * INCONCLUSIVE), their audit entries and the notification — call inside one transaction. Returns the
 * webhook deliveries to enqueue.
 */
export async function completeExperiment(
  tx: Tx,
  input: {
    experiment: { id: string; key: string; name: string; workspaceId: string; hypothesisId: string };
    outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE';
    reason: string;
    actor: { id: string; email: string } | null;
    data: Record<string, unknown>;
    now: Date;
  },
): Promise<string[]> {
  const { experiment, outcome, reason, actor, now } = input;
  await tx.experiment.update({
    where: { id: experiment.id },
    data: { status: 'COMPLETED', endedAt: now, outcome, outcomeReason: reason, pendingOutcome: null },
  });
  const audit = { workspaceId: experiment.workspaceId, actor, reason };
  await recordAudit(tx, {
    ...audit,
    entityType: 'experiment',
    entityId: experiment.id,
    action: actor ? 'experiment.confirm' : 'experiment.complete',
    before: { status: 'RUNNING' },
    after: { status: 'COMPLETED', outcome },
  });
  const status = HYPOTHESIS_STATUS_FOR_OUTCOME[outcome];
  const hypothesis = await tx.hypothesis.findUniqueOrThrow({ where: { id: experiment.hypothesisId } });
  if (hypothesis.status === 'TESTING') {
    await tx.hypothesis.update({ where: { id: hypothesis.id }, data: { status, decisionReason: reason } });
    await recordAudit(tx, {
      ...audit,
      entityType: 'hypothesis',
      entityId: hypothesis.id,
      action: 'hypothesis.transition',
      before: { status: 'TESTING' },
      after: { status, experiment: experiment.key },
    });
  }
  const ladder = await advanceLadder(tx, experiment.id, outcome);
  const decided = await notify(tx, {
    workspaceId: experiment.workspaceId,
    experimentId: experiment.id,
    kind: 'decision',
    title: `"${experiment.name}": ${outcome}`,
    body: reason,
    data: input.data,
  });
  return [...decided, ...ladder];
}

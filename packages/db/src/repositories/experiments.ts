import type { Tx } from '../client';
import type { Prisma } from '../generated/prisma/client';

export function findExperimentByKey(db: Tx, workspaceId: string, key: string) {
  return db.experiment.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
}

export function findExperimentsByKeys(db: Tx, workspaceId: string, keys: string[]) {
  return db.experiment.findMany({ where: { workspaceId, key: { in: keys } } });
}

export function listExperiments(
  db: Tx,
  workspaceId: string,
  filter: { status?: string[]; hypothesisId?: string } = {},
) {
  return db.experiment.findMany({
    where: {
      workspaceId,
      ...(filter.status?.length ? { status: { in: filter.status as never } } : {}),
      ...(filter.hypothesisId ? { hypothesisId: filter.hypothesisId } : {}),
    },
    include: { hypothesis: { select: { id: true, title: true, status: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 500,
  });
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
  outcome: string;
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

/** A running experiment ends with a terminal decision (the pending one, if any, is settled). */
export async function markExperimentCompleted(
  tx: Tx,
  id: string,
  c: { outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE'; reason: string; now: Date },
) {
  await tx.experiment.update({
    where: { id },
    data: { status: 'COMPLETED', endedAt: c.now, outcome: c.outcome, outcomeReason: c.reason, pendingOutcome: null },
  });
}

/** A hypothesis still TESTING takes its experiment's verdict; false when it had already moved on. */
export async function concludeHypothesis(
  tx: Tx,
  id: string,
  c: { status: 'WON' | 'LOST' | 'INCONCLUSIVE'; reason: string },
): Promise<boolean> {
  const updated = await tx.hypothesis.updateMany({
    where: { id, status: 'TESTING' },
    data: { status: c.status, decisionReason: c.reason },
  });
  return updated.count === 1;
}

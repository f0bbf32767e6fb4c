import {
  type ExperimentOutcome,
  type LowerRungSnapshot,
  ZSnapshotEstimates,
  ZStoredLocationLook,
} from '@uplift/domain';
import type { Tx } from '../client';
import { toJsonValue } from '../json';

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

/** One snapshot per data version: a repeated evaluation of the same data (a retried job) writes nothing. */
export async function saveSnapshot(db: Tx, s: SnapshotInput): Promise<boolean> {
  const rows = await db.experimentSnapshot.createMany({
    data: [
      {
        experimentId: s.experimentId,
        dataVersion: s.dataVersion,
        users: s.users,
        analysis: toJsonValue(s.analysis),
        guardrails: toJsonValue(s.guardrails),
        segments: s.segments === null ? undefined : toJsonValue(s.segments),
        outcome: s.outcome,
        reason: s.reason,
        winner: s.winner,
      },
    ],
    skipDuplicates: true,
  });
  return rows.count === 1;
}

/**
 * When `version`'s snapshot is stored, brings the experiment's evaluatedVersion up to it if it lags (never back):
 * the transaction that stored the snapshot applied the version, so the experiment only has to say so again. A lag
 * otherwise lasts: the reconciler re-requests an unevaluated version every minute, and each run finds the snapshot
 * stored and writes nothing. True when the snapshot is stored.
 */
export async function catchUpEvaluatedVersion(db: Tx, experimentId: string, version: number): Promise<boolean> {
  if (!(await db.experimentSnapshot.count({ where: { experimentId, dataVersion: version } }))) return false;
  await db.experiment.updateMany({
    where: { id: experimentId, OR: [{ evaluatedVersion: null }, { evaluatedVersion: { lt: version } }] },
    data: { evaluatedVersion: version },
  });
  return true;
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

/** The newest snapshot of a lower rung, as a carried-over prior reads it (domain `carriedPrior`). */
export async function lowerRungSnapshot(db: Tx, experimentId: string): Promise<LowerRungSnapshot | null> {
  const row = await db.experimentSnapshot.findFirst({
    where: { experimentId },
    orderBy: { dataVersion: 'desc' },
    select: { winner: true, analysis: true, experiment: { select: { key: true } } },
  });
  if (!row) return null;
  return { experimentKey: row.experiment.key, winner: row.winner, analysis: ZSnapshotEstimates.parse(row.analysis) };
}

/**
 * The look (post-period weeks) the newest location-test snapshot before data version `before` was held to its
 * boundary at; null when there is none or it predates group-sequential looks.
 */
export async function lastLocationLook(db: Tx, experimentId: string, before: number): Promise<number | null> {
  const row = await db.experimentSnapshot.findFirst({
    where: { experimentId, dataVersion: { lt: before } },
    orderBy: { dataVersion: 'desc' },
    select: { analysis: true },
  });
  const parsed = ZStoredLocationLook.safeParse(row?.analysis);
  return parsed.success ? parsed.data.sequential.look : null;
}

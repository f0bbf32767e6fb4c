import type { ExperimentStatus } from '@uplift/domain';
import type { Tx } from '../client';
import { toExperimentRecord } from './experiment-row';

export async function findExperimentByKey(db: Tx, workspaceId: string, key: string) {
  const row = await db.experiment.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
  return row && toExperimentRecord(row);
}

export async function findExperimentById(db: Tx, id: string) {
  return toExperimentRecord(await db.experiment.findUniqueOrThrow({ where: { id } }));
}

/** The workspace's experiments, newest first (at most 500), each with its hypothesis' id, title and status. */
export async function listExperiments(
  db: Tx,
  workspaceId: string,
  filter: { status?: ExperimentStatus[]; hypothesisId?: string } = {},
) {
  const rows = await db.experiment.findMany({
    where: {
      workspaceId,
      ...(filter.status?.length ? { status: { in: filter.status } } : {}),
      ...(filter.hypothesisId ? { hypothesisId: filter.hypothesisId } : {}),
    },
    include: { hypothesis: { select: { id: true, title: true, status: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 500,
  });
  return rows.map(toExperimentRecord);
}

/** Each experiment's newest evaluation, reduced to what a list shows: exposed users and the outcome. */
export function latestSnapshotSummaries(db: Tx, experimentIds: string[]) {
  return db.experimentSnapshot.findMany({
    where: { experimentId: { in: experimentIds } },
    orderBy: { dataVersion: 'desc' },
    distinct: ['experimentId'],
    select: { experimentId: true, users: true, outcome: true },
  });
}

/** Experiment keys by id (links from proposals and notifications to their experiments). */
export async function experimentKeysById(db: Tx, ids: string[]): Promise<Map<string, string>> {
  const found = await experimentStatusesById(db, ids);
  return new Map([...found].map(([id, e]) => [id, e.key]));
}

/** Key and status of each experiment by id (what a step's readiness looks at). */
export async function experimentStatusesById(
  db: Tx,
  ids: string[],
): Promise<Map<string, { key: string; status: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.experiment.findMany({
    where: { id: { in: ids } },
    select: { id: true, key: true, status: true },
  });
  return new Map(rows.map((e) => [e.id, { key: e.key, status: e.status }]));
}

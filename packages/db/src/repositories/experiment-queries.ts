import type { ExperimentListQuery } from '@uplift/domain';
import type { Tx } from '../client';
import { toExperimentRecord } from './experiment-row';

export async function findExperimentByKey(db: Tx, workspaceId: string, key: string) {
  const row = await db.experiment.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
  return row && toExperimentRecord(row);
}

export async function findExperimentById(db: Tx, id: string) {
  return toExperimentRecord(await db.experiment.findUniqueOrThrow({ where: { id } }));
}

/**
 * The workspace's experiments, filtered, newest first (at most 500), each with its hypothesis' id, title, status
 * and author (the experiment's owner). `runningFirst` puts every running one ahead of the rest.
 */
export async function listExperiments(
  db: Tx,
  workspaceId: string,
  filter: ExperimentListQuery = {},
  order: 'newest' | 'runningFirst' = 'newest',
) {
  // Prisma passes `contains` to LIKE as is: its wildcards (and the escape character) are escaped to stay literal.
  const search = filter.search?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const contains = search ? { contains: search, mode: 'insensitive' as const } : undefined;
  const where = {
    workspaceId,
    ...(filter.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter.channel?.length ? { channel: { in: filter.channel } } : {}),
    ...(filter.hypothesisId ? { hypothesisId: filter.hypothesisId } : {}),
    ...(filter.ownerId ? { hypothesis: { authorId: filter.ownerId } } : {}),
    ...(contains ? { OR: [{ name: contains }, { key: contains }, { hypothesis: { title: contains } }] } : {}),
  };
  const page = (extra: object, take: number) =>
    db.experiment.findMany({
      where: { AND: [where, extra] },
      include: {
        hypothesis: { select: { id: true, title: true, status: true, author: { select: { id: true, name: true } } } },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  if (order === 'newest') return (await page({}, 500)).map(toExperimentRecord);
  const running = await page({ status: 'RUNNING' }, 500);
  const rest = await page({ status: { not: 'RUNNING' } }, 500 - running.length);
  return [...running, ...rest].map(toExperimentRecord);
}

/** Each experiment's newest evaluation, reduced to what a list shows: exposed users, the outcome, the analysis. */
export function latestSnapshotSummaries(db: Tx, experimentIds: string[]) {
  return db.experimentSnapshot.findMany({
    where: { experimentId: { in: experimentIds } },
    orderBy: { dataVersion: 'desc' },
    distinct: ['experimentId'],
    select: { experimentId: true, users: true, outcome: true, analysis: true },
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

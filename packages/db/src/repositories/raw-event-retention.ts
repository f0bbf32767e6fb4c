import type { Tx } from '../client';

/**
 * Ended experiments (completed or stopped) past their workspace's retention that still hold their raw events: ended
 * more than the workspace's `rawEventRetentionDays` before `now`, or `defaultDays` where the workspace sets none
 * (neither: kept). Ended experiments take no more events (ingestion answers 409), so their raw rows are no longer
 * read: evaluation works on the aggregates, and late attribution only happens while running.
 */
export async function listExperimentsPastRetention(
  db: Tx,
  now: Date,
  defaultDays: number | null,
  take: number,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "Experiment" e JOIN "Workspace" w ON w.id = e."workspaceId"
    WHERE e.status IN ('COMPLETED', 'STOPPED') AND e."rawEventsDroppedAt" IS NULL
      AND e."endedAt" < ${now.toISOString()}::timestamp
        - make_interval(days => COALESCE(w."rawEventRetentionDays", ${defaultDays}::int))
    ORDER BY e."endedAt" LIMIT ${take}`;
  return rows.map((r) => r.id);
}

/**
 * Deletes one experiment's raw events (one partition, through the primary key's leading column), then marks it;
 * aggregates, units and snapshots stay. Answers the rows deleted. Not one transaction on purpose: Prisma ends
 * a transaction after 5 s, and millions of rows take longer; the DELETE is one statement (all or nothing), and
 * a crash before the mark only means the next run deletes nothing and marks it.
 */
export async function dropRawEvents(db: Tx, experimentId: string, now: Date): Promise<number> {
  const deleted = await db.$executeRaw`DELETE FROM "ExperimentEvent" WHERE "experimentId" = ${experimentId}`;
  await db.experiment.update({ where: { id: experimentId }, data: { rawEventsDroppedAt: now } });
  return deleted;
}

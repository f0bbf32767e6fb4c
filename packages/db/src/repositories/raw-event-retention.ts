import type { Tx } from '../client';

/**
 * Ended experiments (completed or stopped) that ended before `before` and still hold their raw events. Ended
 * experiments take no more events (ingestion answers 409), so their raw rows are no longer read: evaluation
 * works on the aggregates, and late attribution only happens while running.
 */
export async function listExperimentsPastRetention(db: Tx, before: Date, take: number): Promise<string[]> {
  const rows = await db.experiment.findMany({
    where: { status: { in: ['COMPLETED', 'STOPPED'] }, endedAt: { lt: before }, rawEventsDroppedAt: null },
    select: { id: true },
    orderBy: { endedAt: 'asc' },
    take,
  });
  return rows.map((r) => r.id);
}

/**
 * Deletes one experiment's raw events (one partition, through the primary key's leading column) and marks it,
 * in the caller's transaction; aggregates, units and snapshots stay. Answers the rows deleted.
 */
export async function dropRawEvents(tx: Tx, experimentId: string, now: Date): Promise<number> {
  const deleted = await tx.$executeRaw`DELETE FROM "ExperimentEvent" WHERE "experimentId" = ${experimentId}`;
  await tx.experiment.update({ where: { id: experimentId }, data: { rawEventsDroppedAt: now } });
  return deleted;
}

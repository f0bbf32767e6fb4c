import { type Db, rerankBacklog } from '@uplift/db';
import { enqueue } from '@uplift/jobs';
import type { Queue } from 'bullmq';

/**
 * The database is the source of truth: any workspace with hypotheses scored under an old horizon (a
 * rescore job lost with Redis, or never enqueued) gets a rescore job. Runs on a schedule.
 */
export async function reconcileBacklogs(db: Db, queue: Queue): Promise<{ enqueued: number; reranked: number }> {
  // Rows created by hand or by a crash between a write and its re-rank have no place in the order yet.
  const unranked = await db.$queryRaw<{ workspaceId: string }[]>`
    SELECT DISTINCT "workspaceId" FROM "Hypothesis" WHERE "backlogOrder" IS NULL`;
  for (const { workspaceId } of unranked) await rerankBacklog(db, workspaceId);
  const stale = await db.$queryRaw<{ id: string; horizonMonths: number }[]>`
    SELECT w.id, w."horizonMonths" FROM "Workspace" w
    WHERE EXISTS (SELECT 1 FROM "Hypothesis" h WHERE h."workspaceId" = w.id AND h."horizonMonths" <> w."horizonMonths")`;
  for (const w of stale) {
    await enqueue(
      queue,
      'backlog.rescore',
      { workspaceId: w.id, horizonMonths: w.horizonMonths },
      { jobId: `backlog.rescore-${w.id}-reconcile-${w.horizonMonths}`, removeOnComplete: true, removeOnFail: true },
    );
  }
  return { enqueued: stale.length, reranked: unranked.length };
}

import { rerankBacklog, workspacesWithStaleScores, workspacesWithUnrankedHypotheses } from '@uplift/db';
import { enqueue } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';

/**
 * The database is the source of truth: any workspace with hypotheses scored under an old horizon (a
 * rescore job lost with Redis, or never enqueued) gets a rescore job. Runs on a schedule.
 */
export async function reconcileBacklogs({
  db,
  queue,
}: Pick<ServiceDeps, 'db' | 'queue'>): Promise<{ enqueued: number; reranked: number }> {
  // Rows created by hand or by a crash between a write and its re-rank have no place in the order yet.
  const unranked = await workspacesWithUnrankedHypotheses(db);
  for (const workspaceId of unranked) await rerankBacklog(db, workspaceId);
  const stale = await workspacesWithStaleScores(db);
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

import { enqueue } from '@uplift/jobs';
import type { ServiceDeps } from './deps';

/** The jobs that recompute a workspace's derived figures from its rows. */
type RecomputeJob = 'insights.recompute' | 'roadmap.recompute';

/**
 * Asks the worker to recompute one of a workspace's derived figures a moment from now: requests within the delay
 * fold into one job (and one more after a running one), so a burst of completions or backlog edits costs one
 * recomputation. Redis away is tolerated and logged: the figures stay as they were, with their time shown, until
 * the next request.
 */
export async function requestRecompute(
  deps: Pick<ServiceDeps, 'queue' | 'log'>,
  job: RecomputeJob,
  workspaceId: string,
) {
  const prefix = job.split('.')[0];
  try {
    await enqueue(
      deps.queue,
      job,
      { workspaceId },
      {
        jobId: `${prefix}-${workspaceId}-${Date.now()}`,
        delay: 2_000,
        deduplication: { id: `${prefix}-${workspaceId}`, keepLastIfActive: true },
      },
    );
  } catch (error) {
    deps.log.warn(`${prefix} recomputation not enqueued`, { workspaceId, error: (error as Error).message });
  }
}

import { enqueue } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';

/**
 * Asks the worker to recompute a workspace's Insights (insights.recompute) a moment from now: requests within
 * the delay fold into one job (and one more after a running one), so a burst of completions or backlog edits
 * costs one recomputation. Redis away is tolerated and logged: the figures stay as they were, with their time
 * shown, until the next request.
 */
export async function requestInsights(deps: Pick<ServiceDeps, 'queue' | 'log'>, workspaceId: string) {
  try {
    await enqueue(
      deps.queue,
      'insights.recompute',
      { workspaceId },
      {
        jobId: `insights-${workspaceId}-${Date.now()}`,
        delay: 2_000,
        deduplication: { id: `insights-${workspaceId}`, keepLastIfActive: true },
      },
    );
  } catch (error) {
    deps.log.warn('insights recomputation not enqueued', { workspaceId, error: (error as Error).message });
  }
}

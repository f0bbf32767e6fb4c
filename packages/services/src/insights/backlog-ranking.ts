import { readInsights } from '@uplift/db';
import { CALIBRATED_RANKING_FROM } from '@uplift/domain';
import type { ServiceDeps } from '../deps';

/**
 * Which ROI the backlog's stored priority order follows: the calibrated one once the workspace's Insights count
 * CALIBRATED_RANKING_FROM completed tests (the same rule rerankBacklog applies), else the authors'.
 */
export async function backlogRanking(deps: Pick<ServiceDeps, 'db'>, workspaceId: string) {
  const row = await readInsights(deps.db, workspaceId);
  const completedTests = row?.completedTests ?? 0;
  return {
    by: completedTests >= CALIBRATED_RANKING_FROM ? ('calibrated' as const) : ('author' as const),
    completedTests,
    calibratedFrom: CALIBRATED_RANKING_FROM,
  };
}

import { insightsSources, rerankBacklog, saveInsights } from '@uplift/db';
import { computeInsights } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { insightsInput } from './insights-input';

/**
 * The worker's insights.recompute: every figure of the Insights page from the workspace's completed experiments,
 * stored with the time it was computed, the calibrated ROI written on each open hypothesis, and the backlog
 * re-ranked (it ranks by the calibrated ROI from CALIBRATED_RANKING_FROM completed tests on).
 */
export async function recomputeInsights(deps: Pick<ServiceDeps, 'db' | 'clock'>, input: { workspaceId: string }) {
  const now = deps.clock();
  const sources = await insightsSources(deps.db, input.workspaceId);
  const insights = computeInsights(insightsInput(sources, now));
  await saveInsights(deps.db, {
    workspaceId: input.workspaceId,
    figures: insights,
    completedTests: insights.experiments.length,
    computedAt: now,
    calibratedRois: insights.openHypotheses.map((h) => ({ id: h.id, roi: h.calibrated.roi })),
  });
  await rerankBacklog(deps.db, input.workspaceId);
  return { completedTests: insights.experiments.length, computedAt: now };
}

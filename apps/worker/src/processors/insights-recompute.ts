import { JOBS } from '@uplift/jobs';
import { recomputeInsights, requestRoadmap } from '@uplift/services';
import type { Processor } from './processor';

/**
 * `insights.recompute`: a workspace's Insights figures, stored with the time they were computed. The roadmap
 * ranks by the calibrated gains these figures hold, so it is replanned after them.
 */
export const insightsRecompute: Processor = async (job, deps) => {
  const payload = JOBS['insights.recompute'].parse(job.data);
  const done = await recomputeInsights(deps, payload);
  await requestRoadmap(deps, payload.workspaceId);
  return done;
};

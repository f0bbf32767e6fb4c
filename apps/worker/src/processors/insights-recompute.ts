import { JOBS } from '@uplift/jobs';
import { recomputeInsights } from '@uplift/services';
import type { Processor } from './processor';

/** `insights.recompute`: a workspace's Insights figures, stored with the time they were computed. */
export const insightsRecompute: Processor = (job, deps) =>
  recomputeInsights(deps, JOBS['insights.recompute'].parse(job.data));

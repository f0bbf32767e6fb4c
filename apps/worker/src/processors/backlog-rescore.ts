import { JOBS } from '@uplift/jobs';
import { rescoreBacklog } from '@uplift/services';
import type { Processor } from './processor';

/** `backlog.rescore`: rescores a workspace's backlog for a new horizon, reporting progress. */
export const backlogRescore: Processor = (job, deps) =>
  rescoreBacklog(deps, JOBS['backlog.rescore'].parse(job.data), (p) => job.updateProgress(p));

import { JOBS } from '@uplift/jobs';
import { recomputeRoadmap } from '@uplift/services';
import type { Processor } from './processor';

/** `roadmap.recompute`: a workspace's test roadmap, planned by the domain scheduler and stored with its time. */
export const roadmapRecompute: Processor = (job, deps) =>
  recomputeRoadmap(deps, JOBS['roadmap.recompute'].parse(job.data));

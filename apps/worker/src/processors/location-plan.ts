import { JOBS } from '@uplift/jobs';
import { runLocationPlan } from '@uplift/services';
import type { Processor } from './processor';

/** `location.plan`: plans which locations a location test treats, reporting progress per treatment set. */
export const locationPlan: Processor = (job, deps) =>
  runLocationPlan(deps, JOBS['location.plan'].parse(job.data).planId, (p) => job.updateProgress(p));

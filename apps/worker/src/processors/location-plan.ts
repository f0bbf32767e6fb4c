import { JOBS } from '@uplift/jobs';
import { runLocationPlan } from '@uplift/services';
import type { Processor } from './processor';

/** `location.plan`: plans which locations a location test treats, reporting progress per treatment set. */
export const locationPlan: Processor = (job, deps) =>
  runLocationPlan(deps, JOBS['location.plan'].parse(job.data).planId, {
    onProgress: (p) => job.updateProgress(p),
    // The last try's failure is stored on the plan, whatever it was: nothing runs it again.
    lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
  });

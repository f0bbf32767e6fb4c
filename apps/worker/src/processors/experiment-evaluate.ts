import { JOBS } from '@uplift/jobs';
import { evaluateExperiment } from '@uplift/services';
import type { Processor } from './processor';

/** `experiment.evaluate`: evaluates one experiment (scheduled, and requested after new data). */
export const experimentEvaluate: Processor = (job, deps) =>
  evaluateExperiment(deps, JOBS['experiment.evaluate'].parse(job.data).experimentId);

import type { JobName } from '@uplift/jobs';
import { backlogReconcile } from './backlog-reconcile';
import { backlogRescore } from './backlog-rescore';
import { experimentEvaluate } from './experiment-evaluate';
import { experimentReconcile } from './experiment-reconcile';
import type { Processor } from './processor';
import { webhookDeliver } from './webhook-deliver';

export type { Processor, ProcessorDeps } from './processor';

/** One processor per job name of the registry. */
export const PROCESSORS: Record<JobName, Processor> = {
  'backlog.rescore': backlogRescore,
  'backlog.reconcile': backlogReconcile,
  'experiment.evaluate': experimentEvaluate,
  'experiment.reconcile': experimentReconcile,
  'webhook.deliver': webhookDeliver,
};

import type { JobName } from '@uplift/jobs';
import { backlogReconcile } from './backlog-reconcile';
import { backlogRescore } from './backlog-rescore';
import { experimentEvaluate } from './experiment-evaluate';
import { experimentReconcile } from './experiment-reconcile';
import { insightsRecompute } from './insights-recompute';
import { locationPlan } from './location-plan';
import { failingForGood, type Processor } from './processor';
import { roadmapRecompute } from './roadmap-recompute';
import { webhookDeliver } from './webhook-deliver';

export type { Processor, ProcessorDeps } from './processor';

/** One processor per job name of the registry, each failing for good where a retry cannot succeed. */
export const PROCESSORS: Record<JobName, Processor> = {
  'backlog.rescore': failingForGood(backlogRescore),
  'backlog.reconcile': failingForGood(backlogReconcile),
  'experiment.evaluate': failingForGood(experimentEvaluate),
  'experiment.reconcile': failingForGood(experimentReconcile),
  'insights.recompute': failingForGood(insightsRecompute),
  'location.plan': failingForGood(locationPlan),
  'roadmap.recompute': failingForGood(roadmapRecompute),
  'webhook.deliver': failingForGood(webhookDeliver),
};

import type { Db } from '@uplift/db';
import { createServiceDeps, evaluateExperiment, reconcileRunningExperiments } from '@uplift/services';
import type { Queue } from 'bullmq';

/** `experiment.evaluate` called directly (the api's integration tests), at a fixed `now`. */
export const evaluateExperimentJob = (db: Db, queue: Queue, experimentId: string, now = new Date()) =>
  evaluateExperiment(createServiceDeps({ db, queue, clock: () => now }), experimentId);

/** `experiment.reconcile` called directly (the api's integration tests), at a fixed `now`. */
export const reconcileExperiments = (db: Db, queue: Queue, now = new Date(), rawEventRetentionDays?: number) =>
  reconcileRunningExperiments(createServiceDeps({ db, queue, clock: () => now }), { rawEventRetentionDays });

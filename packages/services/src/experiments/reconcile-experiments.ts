import { listPendingDeliveryIds, listRunningForReconcile, listStrandedPromotionIds, transaction } from '@uplift/db';
import { noDataDue } from '@uplift/domain';
import { evaluationSchedulerId, requestEvaluation, scheduleEvaluation } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';
import { createNextExperiment } from '../ladder/create-next-experiment';
import { requeueLocationPlans } from '../locations/requeue-location-plans';
import { enqueueDeliveries } from './deliveries';
import { dropExpiredRawEvents } from './drop-expired-raw-events';
import { reconcileWinnerSends } from './reconcile-winner-sends';

/** Deliveries younger than this are still in flight from the transaction that wrote them. */
const DELIVERY_GRACE_MS = 30_000;

/**
 * The database is the source of truth, Redis a cache of intentions (the `experiment.reconcile` job): every
 * running experiment gets its evaluation schedule back (after a FLUSHALL, say), data not yet evaluated and a
 * due no-data alert get an evaluation, webhook deliveries still pending get their job again, and a promotion
 * applied without its next experiment gets it, a location plan still waiting gets its job again, and winner
 * sends past their deadline are decided (reconcileWinnerSends). With a retention set, ended experiments' raw
 * events past it are dropped (dropExpiredRawEvents).
 */
export async function reconcileRunningExperiments(
  deps: ServiceDeps,
  options: { rawEventRetentionDays?: number | undefined } = {},
) {
  const now = deps.clock();
  const { queue } = deps;
  const running = await listRunningForReconcile(deps.db);
  const schedulers = new Map(
    (await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s.every === undefined ? null : Number(s.every)]),
  );
  let scheduled = 0;
  let requested = 0;
  for (const e of running) {
    if (schedulers.get(evaluationSchedulerId(e.id)) !== e.evaluationIntervalMinutes * 60_000) {
      await scheduleEvaluation(queue, e.id, e.evaluationIntervalMinutes);
      scheduled++;
    }
    // A decided winner send's remainder events change nothing its evaluation would look at.
    if (!e.winnerDecidedAt && (e.evaluatedVersion !== e.dataVersion || noDataDue(e, now))) {
      await requestEvaluation(queue, e.id, 0);
      requested++;
    }
  }
  // Schedules of experiments that stopped running while Redis was away.
  const live = new Set(running.map((e) => evaluationSchedulerId(e.id)));
  for (const key of schedulers.keys()) {
    if (key.startsWith('experiment.evaluate:') && !live.has(key)) await queue.removeJobScheduler(key);
  }
  const pending = await listPendingDeliveryIds(deps.db, new Date(now.getTime() - DELIVERY_GRACE_MS));
  await enqueueDeliveries(deps, pending);
  const stranded = await listStrandedPromotionIds(deps.db);
  for (const id of stranded) await transaction(deps.db, (tx) => createNextExperiment(tx, id));
  const locationPlans = await requeueLocationPlans(deps);
  const winnerSends = await reconcileWinnerSends(deps);
  const rawEvents = await dropExpiredRawEvents(deps, options.rawEventRetentionDays);
  return {
    running: running.length,
    scheduled,
    requested,
    deliveries: pending.length,
    repaired: stranded.length,
    locationPlans,
    winnerSends,
    rawEvents,
  };
}

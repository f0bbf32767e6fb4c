import type { Db } from '@uplift/db';
import { enqueueDelivery, evaluationSchedulerId, requestEvaluation, scheduleEvaluation } from '@uplift/jobs';
import type { Queue } from 'bullmq';
import { createNextExperiment } from '../ladder/create-next-experiment';
import { NO_DATA_AFTER_MS } from './evaluate';

/**
 * The database is the source of truth, Redis a cache of intentions: every running experiment gets its
 * evaluation schedule back (after a FLUSHALL, say), data not yet evaluated and a due no-data alert get an
 * evaluation, and webhook deliveries still pending get their job again.
 */
export async function reconcileExperiments(db: Db, queue: Queue, now = new Date()) {
  const running = await db.experiment.findMany({
    where: { status: 'RUNNING' },
    select: {
      id: true,
      dataVersion: true,
      evaluatedVersion: true,
      lastDataAt: true,
      startedAt: true,
      noDataAlertedAt: true,
      workspace: { select: { evaluationIntervalMinutes: true } },
    },
  });
  const schedulers = new Map(
    (await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s.every === undefined ? null : Number(s.every)]),
  );
  let scheduled = 0;
  let requested = 0;
  for (const e of running) {
    const every = e.workspace.evaluationIntervalMinutes * 60_000;
    if (schedulers.get(evaluationSchedulerId(e.id)) !== every) {
      await scheduleEvaluation(queue, e.id, e.workspace.evaluationIntervalMinutes);
      scheduled++;
    }
    const since = e.lastDataAt ?? e.startedAt;
    const noDataDue = !e.noDataAlertedAt && since && now.getTime() - since.getTime() >= NO_DATA_AFTER_MS;
    if (e.evaluatedVersion !== e.dataVersion || noDataDue) {
      await requestEvaluation(queue, e.id, 0);
      requested++;
    }
  }
  // Schedules of experiments that stopped running while Redis was away.
  const live = new Set(running.map((e) => evaluationSchedulerId(e.id)));
  for (const key of schedulers.keys()) {
    if (key.startsWith('experiment.evaluate:') && !live.has(key)) await queue.removeJobScheduler(key);
  }
  const pending = await db.webhookDelivery.findMany({
    where: { status: 'PENDING', createdAt: { lt: new Date(now.getTime() - 30_000) } },
    select: { id: true },
    take: 1000,
  });
  for (const d of pending) await enqueueDelivery(queue, d.id);
  // A promotion applied without its next experiment (a crash between the two, or a row written by hand).
  const stranded = await db.promotion.findMany({
    where: { status: 'APPLIED', kind: 'PROMOTE', nextExperimentId: null },
    select: { id: true },
  });
  for (const p of stranded) await db.$transaction((tx) => createNextExperiment(tx, p.id));
  return { running: running.length, scheduled, requested, deliveries: pending.length, repaired: stranded.length };
}

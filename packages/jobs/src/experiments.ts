import type { Queue } from 'bullmq';
import { enqueue } from './queue';

export const evaluationSchedulerId = (experimentId: string) => `experiment.evaluate:${experimentId}`;

/** The periodic evaluation of a running experiment (every `everyMinutes`, a workspace setting). Idempotent. */
export function scheduleEvaluation(queue: Queue, experimentId: string, everyMinutes: number) {
  return queue.upsertJobScheduler(
    evaluationSchedulerId(experimentId),
    { every: everyMinutes * 60_000 },
    { name: 'experiment.evaluate', data: { experimentId } },
  );
}

export function unscheduleEvaluation(queue: Queue, experimentId: string) {
  return queue.removeJobScheduler(evaluationSchedulerId(experimentId));
}

/** How long after new data its evaluation is asked to run (requestEvaluation's default delay). */
export const EVALUATION_DELAY_MS = 1_000;
/**
 * How much earlier than its delay says a worker may start a job: delayed jobs become due by the clock of the
 * process that added them, and are started by the workers' clocks, which may run ahead of it.
 */
export const WORKER_CLOCK_MARGIN_MS = 250;

/**
 * Asks for an evaluation soon after new data: a short delay gathers a burst of batches, and while one
 * evaluation waits or runs, further requests fold into it (at most one more, run after the active one), so
 * a busy ingestion stream costs one evaluation per second or so, not one per batch.
 * With the data `version` asked about (ingestion knows it), the job id is that version's: a second request for it,
 * from another api process or after its evaluation ran, is a no-op (issue 15: every evaluation of a data version
 * runs once). Without (the reconciler, retrying what failed), a fresh id.
 */
export function requestEvaluation(queue: Queue, experimentId: string, delayMs = EVALUATION_DELAY_MS, version?: number) {
  return enqueue(
    queue,
    'experiment.evaluate',
    { experimentId },
    {
      jobId: evaluationJobId(experimentId, version),
      delay: delayMs,
      deduplication: { id: `evaluate-${experimentId}`, keepLastIfActive: true },
    },
  );
}

/** Per queue (one in each api process): for each experiment, until when a job this process added cannot have started. */
const pendingUntil = new WeakMap<Queue, Map<string, number>>();

/**
 * requestEvaluation after an ingested batch, which made the experiment's data `version`. While a job this process
 * added for the experiment is surely still waiting out its delay, that job will read this batch's data (stored
 * before the call), so nothing is asked of Redis: a busy stream into one experiment — one big email campaign — made
 * a request every batch, each one folded into the waiting job (issue 15: ~0.4 µs of the api's CPU an event, and
 * Redis's own). A request folded into a job another process added is not relied on (its due time is not known
 * here), and anything missed is found by the reconciler, as when Redis is away. Returns whether Redis was asked.
 */
export async function requestEvaluationAfterBatch(
  queue: Queue,
  experimentId: string,
  version: number,
  now = Date.now(),
): Promise<boolean> {
  let pending = pendingUntil.get(queue);
  if (pending === undefined) {
    pending = new Map();
    pendingUntil.set(queue, pending);
  }
  if (now < (pending.get(experimentId) ?? 0)) return false;
  pending.delete(experimentId);
  if (pending.size > 10_000) pending.clear(); // experiments no longer ingested; a cleared entry costs one request
  const job = await requestEvaluation(queue, experimentId, EVALUATION_DELAY_MS, version);
  if (job.id === evaluationJobId(experimentId, version)) {
    pending.set(experimentId, now + EVALUATION_DELAY_MS - WORKER_CLOCK_MARGIN_MS);
  }
  return true;
}

/** The id of a requested evaluation: per data version when it is known. */
export const evaluationJobId = (experimentId: string, version?: number) =>
  version === undefined ? `evaluate-${experimentId}-${Date.now()}` : `evaluate-${experimentId}-v${version}`;

/** Where a tolerated failure goes: the services' Logger fits. */
export interface WarningLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

const consoleWarnings: WarningLog = { warn: (message, fields) => console.warn(`warn ${message}`, fields ?? '') };

/**
 * Enqueues one webhook delivery (its row holds the payload): 8 attempts with exponential backoff from 2 s.
 * A failure to enqueue is not an error — the reconciler re-enqueues deliveries still pending — but it is
 * logged to `log`, and returned (null when enqueued) for callers that count it.
 */
export async function enqueueDelivery(
  queue: Queue,
  deliveryId: string,
  log: WarningLog = consoleWarnings,
): Promise<Error | null> {
  try {
    await enqueue(
      queue,
      'webhook.deliver',
      { deliveryId },
      { jobId: `webhook-${deliveryId}`, attempts: 8, backoff: { type: 'exponential', delay: 2_000 } },
    );
    return null;
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    log.warn('webhook delivery not enqueued; the reconciler retries it', { deliveryId, error: error.message });
    return error;
  }
}

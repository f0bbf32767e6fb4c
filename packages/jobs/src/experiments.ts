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

/**
 * Asks for an evaluation soon after new data: a short delay gathers a burst of batches, and while one
 * evaluation waits or runs, further requests fold into it (at most one more, run after the active one), so
 * a busy ingestion stream costs one evaluation per second or so, not one per batch.
 * With the data `version` asked about (ingestion knows it), the job id is that version's: a second request for it,
 * from another api process or after its evaluation ran, is a no-op (issue 15: every evaluation of a data version
 * runs once). Without (the reconciler, retrying what failed), a fresh id.
 */
export function requestEvaluation(queue: Queue, experimentId: string, delayMs = 1_000, version?: number) {
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

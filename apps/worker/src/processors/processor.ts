import {
  type EvaluationHooks,
  failureSentence,
  isPermanentFailure,
  type ServiceDeps,
  type WebhookTargetDeps,
} from '@uplift/services';
import { type Job, UnrecoverableError } from 'bullmq';

/**
 * What a processor is handed: the use cases' deps, whether webhooks may target private addresses, the raw
 * events' retention, plus the evaluation hooks and the host resolver a test may inject.
 */
export interface ProcessorDeps extends ServiceDeps, WebhookTargetDeps {
  hooks?: EvaluationHooks;
  /** The default retention of raw events (RAW_EVENT_RETENTION_DAYS; unset: kept) where a workspace sets none. */
  rawEventRetentionDays?: number;
}

/** One job name's adapter: parse the payload, call one use case. */
export type Processor = (job: Job, deps: ProcessorDeps) => Promise<unknown>;

/**
 * A permanent failure (the same data fails the same way) becomes BullMQ's UnrecoverableError: the job fails
 * now, with the reason, instead of being retried; any other error is thrown on for BullMQ's retries.
 */
export const failingForGood =
  (processor: Processor): Processor =>
  async (job, deps) => {
    try {
      return await processor(job, deps);
    } catch (error) {
      if (isPermanentFailure(error)) throw new UnrecoverableError(failureSentence(error));
      throw error;
    }
  };

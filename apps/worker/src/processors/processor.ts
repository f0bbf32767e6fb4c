import type { EvaluationHooks, ServiceDeps, WebhookTargetDeps } from '@uplift/services';
import type { Job } from 'bullmq';

/**
 * What a processor is handed: the use cases' deps, whether webhooks may target private addresses, plus the
 * evaluation hooks and the host resolver a test may inject.
 */
export interface ProcessorDeps extends ServiceDeps, WebhookTargetDeps {
  hooks?: EvaluationHooks;
}

/** One job name's adapter: parse the payload, call one use case. */
export type Processor = (job: Job, deps: ProcessorDeps) => Promise<unknown>;

import type { EvaluationHooks, ServiceDeps } from '@uplift/services';
import type { Job } from 'bullmq';

/** What a processor is handed: the use cases' deps, plus the evaluation hooks a test may inject. */
export interface ProcessorDeps extends ServiceDeps {
  hooks?: EvaluationHooks;
}

/** One job name's adapter: parse the payload, call one use case. */
export type Processor = (job: Job, deps: ProcessorDeps) => Promise<unknown>;

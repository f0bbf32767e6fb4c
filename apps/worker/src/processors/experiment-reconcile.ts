import { reconcileRunningExperiments } from '@uplift/services';
import type { Processor } from './processor';

/**
 * `experiment.reconcile` (scheduled): restores what Redis lost of the running experiments' work, and drops raw
 * events past their retention.
 */
export const experimentReconcile: Processor = (_job, deps) =>
  reconcileRunningExperiments(deps, { rawEventRetentionDays: deps.rawEventRetentionDays });

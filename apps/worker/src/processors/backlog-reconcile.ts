import { reconcileBacklogs } from '@uplift/services';
import type { Processor } from './processor';

/** `backlog.reconcile` (scheduled): re-enqueues rescoring lost with Redis. */
export const backlogReconcile: Processor = (_job, deps) => reconcileBacklogs(deps);

export { rescoreBacklog } from './processors/backlog-rescore';
export { evaluateExperimentJob } from './processors/experiment-evaluate';
export { reconcileExperiments } from './processors/experiment-reconcile';
export { SIGNATURE_HEADER, signWebhook } from './processors/webhook-deliver';
export { startWorker } from './worker';

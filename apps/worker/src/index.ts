export { rescoreBacklog, SIGNATURE_HEADER, signWebhook } from '@uplift/services';
export { evaluateExperimentJob, reconcileExperiments } from './direct';
export { parseWorkerEnv, type WorkerEnv } from './env';
export { PROCESSORS } from './processors';
export { startWorker, type WorkerDeps } from './worker';

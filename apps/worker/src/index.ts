export {
  evaluateExperimentJob,
  reconcileExperiments,
  rescoreBacklog,
  SIGNATURE_HEADER,
  signWebhook,
} from '@uplift/services';
export { startWorker } from './worker';

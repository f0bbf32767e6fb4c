export { rescoreBacklog } from './processors/backlog-rescore';
export { startWorker } from './worker';

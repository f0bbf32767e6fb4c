export * from './prepare-batch';

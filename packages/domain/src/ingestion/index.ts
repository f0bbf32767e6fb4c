export * from './closed-to-data';
export * from './prepare-batch';

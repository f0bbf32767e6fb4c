export * from './assign';
export * from './outcome';
export * from './setup';

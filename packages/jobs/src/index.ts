export * from './env';
export * from './experiments';
export * from './queue';
export * from './redis';
export * from './registry';

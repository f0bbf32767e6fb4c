export * from './env';
export * from './experiments';
export * from './location-plans';
export * from './queue';
export * from './redis';
export * from './registry';

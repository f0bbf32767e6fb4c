export * from './capacity';
export * from './priority';
export * from './roadmap-input';
export * from './schedule';
export * from './size';
export * from './slots';

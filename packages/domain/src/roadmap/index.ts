export * from './capacity';
export * from './horizon-value';
export * from './priority';
export * from './roadmap-input';
export * from './schedule';
export * from './size';
export * from './slots';
export * from './stored-roadmap';

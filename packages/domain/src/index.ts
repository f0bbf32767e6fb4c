import './zod-messages';

export * from './assignment';
export * from './decision';
export * from './enums';
export * from './errors';
export * from './evaluate-experiment';
export * from './evaluation';
export * from './events';
export * from './experiment';
export * from './hypothesis';
export * from './ingestion';
export * from './ladder';
export * from './lifecycle';
export * from './locations';
export * from './permissions';
export * from './roi';
export * from './stats';
export * from './workspace-settings';

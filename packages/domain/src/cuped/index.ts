export * from './adjust';
export * from './csv';
export * from './upload';

export * from './csv';
export * from './upload';

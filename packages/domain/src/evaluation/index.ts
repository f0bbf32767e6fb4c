export * from './columns';
export * from './consequences';
export * from './no-data';
export * from './prior';

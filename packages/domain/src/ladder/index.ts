export * from './policy';
export * from './prior';
export * from './qualify';
export * from './readiness';
export * from './segments';

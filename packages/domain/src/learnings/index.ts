export * from './headline-lift';
export * from './learning';
export * from './related-terms';

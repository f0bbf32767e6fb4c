export * from './client';
export { Prisma } from './generated/prisma/client';
export type * from './generated/prisma/models';
export * from './migrate';
export * from './repositories/audit';
export * from './repositories/hypotheses';
export * from './repositories/workspaces';
export * from './seed';
export * from './url';

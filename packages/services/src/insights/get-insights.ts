import { readInsights } from '@uplift/db';
import { ZStoredInsights } from '@uplift/domain';
import type { ServiceDeps } from '../deps';

/**
 * A workspace's Insights as the worker last computed them, with the time; null before the first computation
 * (the caller asks for one with requestInsights).
 */
export async function getInsights(deps: Pick<ServiceDeps, 'db'>, workspaceId: string) {
  const row = await readInsights(deps.db, workspaceId);
  if (!row) return null;
  return {
    computedAt: row.computedAt,
    completedTests: row.completedTests,
    figures: ZStoredInsights.parse(row.figures),
  };
}

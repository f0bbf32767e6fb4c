import { listWorkspacesOf } from '@uplift/db';
import { type PnlTest, portfolioPnl } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { getInsights } from './get-insights';

/**
 * The signed-in person's portfolio (issue 12 §3): the P&L of every workspace they are a member of — membership
 * read server-side from their own rows, never from the request — summed per currency, from each workspace's
 * stored Insights figures.
 */
export async function portfolio(deps: Pick<ServiceDeps, 'db'>, user: { id: string }) {
  const memberships = await listWorkspacesOf(deps.db, user.id);
  const tests: PnlTest[] = [];
  const workspaces = [];
  for (const { workspace } of memberships) {
    const found = await getInsights(deps, workspace.id);
    workspaces.push({
      slug: workspace.slug,
      name: workspace.name,
      computedAt: found?.computedAt ?? null,
      completedTests: found?.completedTests ?? 0,
    });
    for (const e of found?.figures.experiments ?? []) {
      tests.push({ ...e, endedAt: new Date(e.endedAt), won: e.outcome === 'WIN' });
    }
  }
  return { workspaces, totals: portfolioPnl(tests) };
}

import { getHypothesis, rerankBacklog, type Tx, transaction } from '@uplift/db';
import { DomainError } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { requestInsights } from '../insights/request-insights';
import { requestRoadmap } from '../roadmap/request-roadmap';

export const ROI_FIELDS = [
  'reachPerMonth',
  'baselineRate',
  'expectedLift',
  'valuePerConversion',
  'confidence',
  'cost',
] as const;

export async function mustGetHypothesis(deps: Pick<ServiceDeps, 'db'>, workspaceId: string, id: string) {
  const found = await getHypothesis(deps.db, workspaceId, id);
  if (!found) throw new DomainError('NOT_FOUND', `No hypothesis ${id} in this workspace.`, 'id');
  return found;
}

/**
 * Every write that can move a hypothesis in the priority order goes through here: the change and its audit
 * entry in one transaction, then the workspace's order re-ranked, so no write path can forget the re-rank; and
 * the Insights recomputed soon after, which gives a new or edited idea its calibrated ROI, and the test roadmap
 * replanned (an approval, a pin or an edit of an approved idea moves it).
 */
export async function writeAndRerank<T>(
  deps: Pick<ServiceDeps, 'db' | 'queue' | 'log'>,
  workspaceId: string,
  write: (tx: Tx) => Promise<T>,
): Promise<T> {
  const result = await transaction(deps.db, write);
  await rerankBacklog(deps.db, workspaceId);
  await requestInsights(deps, workspaceId);
  await requestRoadmap(deps, workspaceId);
  return result;
}

export function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, obj[k]])) as Pick<T, K>;
}

import type { ServiceDeps } from '../deps';
import { requestRecompute } from '../request-recompute';

/** Asks the worker to recompute a workspace's Insights (insights.recompute) soon; bursts fold into one job. */
export const requestInsights = (deps: Pick<ServiceDeps, 'queue' | 'log'>, workspaceId: string) =>
  requestRecompute(deps, 'insights.recompute', workspaceId);

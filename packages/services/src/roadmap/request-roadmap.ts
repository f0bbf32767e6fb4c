import type { ServiceDeps } from '../deps';
import { requestRecompute } from '../request-recompute';

/**
 * Asks the worker to plan a workspace's test roadmap again (roadmap.recompute) soon; bursts fold into one job.
 * Called where the plan's inputs change: an idea approved, pinned or edited, an experiment created, started,
 * completed or stopped, a capacity or another setting changed, the calibrated gains recomputed.
 */
export const requestRoadmap = (deps: Pick<ServiceDeps, 'queue' | 'log'>, workspaceId: string) =>
  requestRecompute(deps, 'roadmap.recompute', workspaceId);

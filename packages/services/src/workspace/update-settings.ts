import {
  lockWorkspaceSettings,
  recordAudit,
  transaction,
  updateWorkspaceSettingsRow,
  type WorkspaceSettingsRow,
} from '@uplift/db';
import {
  type ChannelCapacities,
  mergeCapacity,
  WORKSPACE_SETTING_KEYS,
  type WorkspaceSettingsInput,
  ZWorkspaceSettingsInput,
} from '@uplift/domain';
import { enqueue } from '@uplift/jobs';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { requestInsights } from '../insights/request-insights';
import { requestRoadmap } from '../roadmap/request-roadmap';

/**
 * Changing the horizon rescores every hypothesis; the job id is stable per change so a retry is one job. The
 * change is merged into the row as it is when saving (locked), not as the request read it: a save made meanwhile
 * by someone else is kept, and the audit's "before" is what this save changed.
 */
export async function updateWorkspaceSettings(
  deps: Pick<ServiceDeps, 'db' | 'queue' | 'log'>,
  { workspace, actor }: ActingScope,
  raw: WorkspaceSettingsInput,
) {
  const { capacity, ...settings } = ZWorkspaceSettingsInput.parse(raw);
  const { updated, horizonBefore } = await transaction(deps.db, async (tx) => {
    const current: Record<string, unknown> & { capacity: ChannelCapacities; horizonMonths: number } =
      await lockWorkspaceSettings(tx, workspace.id);
    // A capacity change names some channels; the row and the audit hold the whole map after it.
    const next: WorkspaceSettingsRow =
      capacity === undefined ? settings : { ...settings, capacity: mergeCapacity(current.capacity, capacity) };
    const changed = WORKSPACE_SETTING_KEYS.filter((k) => next[k] !== undefined);
    const before = Object.fromEntries(changed.map((k) => [k, current[k]]));
    const row = await updateWorkspaceSettingsRow(tx, workspace.id, next);
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'workspace',
      entityId: workspace.id,
      action: 'workspace.settings',
      before,
      after: next,
    });
    return { updated: row, horizonBefore: current.horizonMonths };
  });
  // The horizon, currency and funnel stages all enter the Insights figures.
  await requestInsights(deps, workspace.id);
  // Capacities and the longest test plan the roadmap; the horizon enters each idea's ROI.
  await requestRoadmap(deps, workspace.id);
  if (updated.horizonMonths === horizonBefore) return { workspace: updated, jobId: null };
  const jobId = `backlog.rescore-${workspace.id}-${updated.updatedAt.getTime()}`;
  try {
    await enqueue(
      deps.queue,
      'backlog.rescore',
      { workspaceId: workspace.id, horizonMonths: updated.horizonMonths },
      { jobId },
    );
  } catch (error) {
    // Tolerated: the settings are saved, and the worker's reconciler rescores stale rows when Redis is back.
    deps.log.warn('rescore not enqueued; the reconciler will catch up', {
      workspaceId: workspace.id,
      error: (error as Error).message,
    });
    return {
      workspace: updated,
      jobId: null,
      warning: 'Saved, but the job queue is unreachable: scores will update when it is back.',
    };
  }
  return { workspace: updated, jobId };
}

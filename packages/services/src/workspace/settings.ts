import { type Db, recordAudit } from '@uplift/db';
import { DomainError, WORKSPACE_SETTING_KEYS, type WorkspaceSettingsInput } from '@uplift/domain';
import { enqueue, type JobProgress } from '@uplift/jobs';
import type { Queue } from 'bullmq';
import type { Actor } from '../deps';

/** Changing the horizon rescores every hypothesis; the job id is stable per change so a retry is one job. */
export async function updateWorkspaceSettings(
  deps: { db: Db; queue: Queue },
  workspace: { id: string; horizonMonths: number } & Record<string, unknown>,
  actor: Actor,
  settings: WorkspaceSettingsInput,
) {
  const changed = WORKSPACE_SETTING_KEYS.filter((k) => settings[k] !== undefined);
  const before = Object.fromEntries(changed.map((k) => [k, workspace[k]]));
  const updated = await deps.db.$transaction(async (tx) => {
    const row = await tx.workspace.update({ where: { id: workspace.id }, data: settings });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'workspace',
      entityId: workspace.id,
      action: 'workspace.settings',
      before,
      after: settings,
    });
    return row;
  });
  if (updated.horizonMonths === workspace.horizonMonths) return { workspace: updated, jobId: null };
  const jobId = `backlog.rescore-${workspace.id}-${updated.updatedAt.getTime()}`;
  try {
    await enqueue(
      deps.queue,
      'backlog.rescore',
      { workspaceId: workspace.id, horizonMonths: updated.horizonMonths },
      { jobId },
    );
  } catch {
    // The settings are saved; the worker's reconciler rescores stale rows when Redis is back.
    return {
      workspace: updated,
      jobId: null,
      warning: 'Saved, but the job queue is unreachable: scores will update when it is back.',
    };
  }
  return { workspace: updated, jobId };
}

export async function rescoreStatus(queue: Queue, workspaceId: string, jobId: string) {
  const job = await queue.getJob(jobId);
  if (!job || job.data?.workspaceId !== workspaceId) {
    throw new DomainError('NOT_FOUND', `No rescoring job ${jobId} in this workspace.`, 'jobId');
  }
  const state = await job.getState();
  const progress = (typeof job.progress === 'object' ? job.progress : null) as JobProgress | null;
  return { state, progress, failedReason: job.failedReason ?? null };
}

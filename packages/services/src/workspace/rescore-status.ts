import { DomainError } from '@uplift/domain';
import type { JobProgress } from '@uplift/jobs';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** Where a workspace's rescoring job stands (the settings page polls it); another workspace's job is not found. */
export async function rescoreStatus(
  deps: Pick<ServiceDeps, 'queue'>,
  { workspace }: Pick<ActingScope, 'workspace'>,
  { jobId }: { jobId: string },
) {
  const job = await deps.queue.getJob(jobId);
  if (!job || job.data?.workspaceId !== workspace.id) {
    throw new DomainError('NOT_FOUND', `No rescoring job ${jobId} in this workspace.`, 'jobId');
  }
  const state = await job.getState();
  const progress = (typeof job.progress === 'object' ? job.progress : null) as JobProgress | null;
  return { state, progress, failedReason: job.failedReason ?? null };
}

import { findExperimentByKey, type Tx } from '@uplift/db';
import { DomainError } from '@uplift/domain';

/** The workspace's experiment by key, or NOT_FOUND. */
export async function mustGetExperiment(db: Tx, workspaceId: string, key: string) {
  const found = await findExperimentByKey(db, workspaceId, key);
  // One answer for unknown and foreign keys: nothing tells a caller what other workspaces hold.
  if (!found) throw new DomainError('NOT_FOUND', `No experiment "${key}" in this workspace.`, 'experiment');
  return found;
}

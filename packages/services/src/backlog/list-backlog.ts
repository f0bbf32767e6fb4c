import { backlogPage } from '@uplift/db';
import { type BacklogQuery, ZBacklogQuery } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** The backlog page: filtered, searched, sorted, with each row's rank in the whole workspace's order. */
export function listBacklog(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace }: Pick<ActingScope, 'workspace'>,
  query: BacklogQuery,
) {
  return backlogPage(deps.db, workspace.id, ZBacklogQuery.parse(query));
}

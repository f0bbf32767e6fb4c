import { membersOf } from '@uplift/db';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** The workspace's members by name: their role and who they are. */
export async function listMembers(deps: Pick<ServiceDeps, 'db'>, { workspace }: Pick<ActingScope, 'workspace'>) {
  const rows = await membersOf(deps.db, workspace.id);
  return rows.map((m) => ({ id: m.id, role: m.role, user: m.user }));
}

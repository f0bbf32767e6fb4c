import { listWorkspacesOf } from '@uplift/db';
import { actionsFor, type Role } from '@uplift/domain';
import type { ServiceDeps } from '../deps';

/** Who I am, my workspaces, and what my role lets me do in each (the web hides what the API refuses). */
export async function whoAmI<U extends { id: string }>(deps: Pick<ServiceDeps, 'db'>, user: U) {
  const memberships = await listWorkspacesOf(deps.db, user.id);
  return {
    user,
    workspaces: memberships.map((m) => ({ ...m.workspace, role: m.role as Role, actions: actionsFor(m.role as Role) })),
  };
}

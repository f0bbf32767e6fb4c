import { openInvitationsTo } from '@uplift/db';
import type { Actor, ServiceDeps } from '../deps';

/** The open invitations addressed to the signed-in person's email, to accept or decline. */
export async function myInvitations(deps: Pick<ServiceDeps, 'db' | 'clock'>, user: Actor) {
  const rows = await openInvitationsTo(deps.db, user.email, deps.clock());
  return rows.map(({ workspace, ...invitation }) => ({ ...invitation, workspaceName: workspace.name }));
}

import { openInvitationsOf } from '@uplift/db';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** The workspace's open invitations, for its admins (links are never shown again). */
export function listInvitations(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  { workspace }: Pick<ActingScope, 'workspace'>,
) {
  return openInvitationsOf(deps.db, workspace.id, deps.clock());
}

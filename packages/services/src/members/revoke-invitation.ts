import { closeInvitation, findInvitation, recordAudit, transaction } from '@uplift/db';
import { DomainError, type InvitationIdInput, ZInvitationIdInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** An admin withdraws an open invitation: its link and its in-app offer stop working at once. */
export async function revokeInvitation(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  { workspace, actor }: ActingScope,
  raw: InvitationIdInput,
) {
  const { invitationId } = ZInvitationIdInput.parse(raw);
  const now = deps.clock();
  return transaction(deps.db, async (tx) => {
    const invitation = await findInvitation(tx, invitationId);
    if (!invitation || invitation.workspaceId !== workspace.id) {
      throw new DomainError('NOT_FOUND', 'No such invitation in this workspace.', 'invitationId');
    }
    if (!(await closeInvitation(tx, invitationId, 'REVOKED', now, { workspaceId: workspace.id }))) {
      throw new DomainError('CONFLICT', 'This invitation is no longer open (accepted, declined, revoked or expired).');
    }
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'invitation',
      entityId: invitationId,
      action: 'member.invite.revoke',
      before: { email: invitation.email, role: invitation.role },
    });
    return { id: invitationId, status: 'REVOKED' as const };
  });
}

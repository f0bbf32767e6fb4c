import {
  closeInvitation,
  createMembership,
  findInvitation,
  findMembershipOfUser,
  recordAudit,
  transaction,
} from '@uplift/db';
import { DomainError, type InvitationIdInput, type Role, ZInvitationIdInput } from '@uplift/domain';
import type { Actor, ServiceDeps } from '../deps';

const GONE = 'This invitation is no longer open: it was accepted, declined, revoked or has expired.';

/**
 * The invited person answers, signed in: an invitation counts only for the account with its email, and
 * anyone else is told the same as for an unknown id. Accepting makes them a member with the invited role
 * (a person who is already a member keeps their role).
 */
export async function respondToInvitation(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  user: Actor,
  raw: InvitationIdInput,
  answer: 'accept' | 'decline',
) {
  const { invitationId } = ZInvitationIdInput.parse(raw);
  const email = user.email.toLowerCase();
  const now = deps.clock();
  return transaction(deps.db, async (tx) => {
    const invitation = await findInvitation(tx, invitationId);
    if (!invitation || invitation.email !== email) {
      throw new DomainError('NOT_FOUND', 'No such invitation for you.', 'invitationId');
    }
    const status = answer === 'accept' ? 'ACCEPTED' : 'DECLINED';
    if (!(await closeInvitation(tx, invitationId, status, now, { email }))) throw new DomainError('CONFLICT', GONE);
    const { workspaceId } = invitation;
    const role = invitation.role as Role;
    if (answer === 'decline') {
      await recordAudit(tx, {
        workspaceId,
        actor: user,
        entityType: 'invitation',
        entityId: invitationId,
        action: 'member.invite.decline',
        before: { email, role },
      });
      return { status, workspaceId };
    }
    const existing = await findMembershipOfUser(tx, workspaceId, user.id);
    const membership = existing ?? (await createMembership(tx, workspaceId, user.id, role));
    if (!existing) {
      await recordAudit(tx, {
        workspaceId,
        actor: user,
        entityType: 'membership',
        entityId: membership.id,
        action: 'member.join',
        after: { email, role, invitedBy: invitation.invitedBy },
      });
    }
    return { status, workspaceId };
  });
}

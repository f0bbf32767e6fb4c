import { createInvitation, findMemberByEmail, recordAudit, revokePendingInvitationsTo, transaction } from '@uplift/db';
import { DomainError, INVITATION_TTL_DAYS, type MemberInviteInput, ZMemberInviteInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { newInvitationToken } from './invitation-token';

/**
 * Invites an email to the workspace with a role. The answer is the same whether or not the email has an
 * account anywhere (no probing across workspaces); only "already a member here" is said, which the admin
 * sees on the members page anyway. Inviting the same email again replaces the open invitation (a new link).
 * The token is returned once, for the admin to pass on; only its hash is stored.
 */
export async function inviteMember(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  { workspace, actor }: ActingScope,
  raw: MemberInviteInput,
) {
  const input = ZMemberInviteInput.parse(raw);
  if (await findMemberByEmail(deps.db, workspace.id, input.email)) {
    throw new DomainError('CONFLICT', `${input.email} is already a member of this workspace.`, 'email');
  }
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
  const { token, tokenHash } = newInvitationToken();
  const invitation = await transaction(deps.db, async (tx) => {
    await revokePendingInvitationsTo(tx, workspace.id, input.email, now);
    const created = await createInvitation(tx, {
      workspaceId: workspace.id,
      email: input.email,
      role: input.role,
      tokenHash,
      invitedBy: actor.email,
      expiresAt,
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'invitation',
      entityId: created.id,
      action: 'member.invite',
      after: { email: input.email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { invitation, token };
}

import {
  closeInvitation,
  createMembership,
  createPasswordUser,
  findUserByEmail,
  isUniqueViolation,
  openInvitationByTokenHash,
  type PasswordHasher,
  recordAudit,
  transaction,
} from '@uplift/db';
import {
  DomainError,
  type InvitationClaimInput,
  type InvitationTokenInput,
  type Role,
  ZInvitationClaimInput,
  ZInvitationTokenInput,
} from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { hashInvitationToken } from './invitation-token';

const INVALID =
  'This invitation link is not valid: it may have expired, been used or been revoked. Ask an admin of the workspace for a new one.';

async function openByToken(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string) {
  const invitation = await openInvitationByTokenHash(deps.db, hashInvitationToken(token), deps.clock());
  if (!invitation) throw new DomainError('NOT_FOUND', INVALID, 'token');
  return invitation;
}

/** What an invitation link offers, for the page that opens it (the token is the only credential). */
export async function previewInvitation(deps: Pick<ServiceDeps, 'db' | 'clock'>, raw: InvitationTokenInput) {
  const { token } = ZInvitationTokenInput.parse(raw);
  const { email, role, invitedBy, expiresAt, workspace } = await openByToken(deps, token);
  return { email, role, invitedBy, expiresAt, workspaceName: workspace.name };
}

/**
 * A new person chooses their own password through the link and becomes a member at once. When the email
 * already has an account, nothing changes (its password stays; the invitation waits to be accepted after
 * signing in) and the answer is the very same, password hashing included, so the link cannot be used to learn
 * whether an account exists.
 */
export async function claimInvitation(
  deps: Pick<ServiceDeps, 'db' | 'clock'> & PasswordHasher,
  raw: InvitationClaimInput,
) {
  const input = ZInvitationClaimInput.parse(raw);
  const invitation = await openByToken(deps, input.token);
  const hash = await deps.hashPassword(input.password);
  const answer = { email: invitation.email };
  if (await findUserByEmail(deps.db, invitation.email)) return answer;
  const now = deps.clock();
  try {
    await transaction(deps.db, async (tx) => {
      const user = await createPasswordUser(
        tx,
        { hashPassword: async () => hash },
        { email: invitation.email, name: input.name, password: input.password },
      );
      if (!(await closeInvitation(tx, invitation.id, 'ACCEPTED', now))) {
        throw new DomainError('NOT_FOUND', INVALID, 'token');
      }
      const membership = await createMembership(tx, invitation.workspaceId, user.id, invitation.role as Role);
      await recordAudit(tx, {
        workspaceId: invitation.workspaceId,
        actor: { id: user.id, email: user.email },
        entityType: 'membership',
        entityId: membership.id,
        action: 'member.join',
        after: { email: user.email, role: invitation.role, invitedBy: invitation.invitedBy, newAccount: true },
      });
    });
  } catch (error) {
    // The same email claimed at the same moment (two tabs): the account exists now, so the same answer.
    if (!isUniqueViolation(error)) throw error;
  }
  return answer;
}

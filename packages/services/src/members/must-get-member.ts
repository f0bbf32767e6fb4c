import { countOtherAdmins, getMember, lockMemberships, type Tx } from '@uplift/db';
import { assertAdminRemains, DomainError, type Role } from '@uplift/domain';

export async function mustGetMember(db: Tx, workspaceId: string, membershipId: string) {
  const m = await getMember(db, workspaceId, membershipId);
  if (!m) throw new DomainError('NOT_FOUND', 'No such member in this workspace.', 'membershipId');
  return m;
}

/**
 * The member as they are now, inside `tx` and with the workspace's memberships locked, checked against the
 * domain's last-admin rule for `nextRole` (null: removed). Read and checked under the lock, so two admins
 * demoting or removing each other at once cannot both pass (the second sees the first's change).
 */
export async function lockedMemberChange(tx: Tx, workspaceId: string, membershipId: string, nextRole: Role | null) {
  await lockMemberships(tx, workspaceId);
  const member = await mustGetMember(tx, workspaceId, membershipId);
  if (member.role === 'ADMIN') {
    assertAdminRemains(member, nextRole, await countOtherAdmins(tx, workspaceId, member.id));
  }
  return member;
}

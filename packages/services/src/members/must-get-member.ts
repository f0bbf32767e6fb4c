import { countOtherAdmins, getMember } from '@uplift/db';
import { assertAdminRemains, DomainError, type Role } from '@uplift/domain';
import type { ServiceDeps } from '../deps';

export async function mustGetMember(deps: Pick<ServiceDeps, 'db'>, workspaceId: string, membershipId: string) {
  const m = await getMember(deps.db, workspaceId, membershipId);
  if (!m) throw new DomainError('NOT_FOUND', 'No such member in this workspace.', 'membershipId');
  return m;
}

/** The domain's last-admin rule, fed with the count it needs (only when the member is an admin). */
export async function checkAdminRemains(
  deps: Pick<ServiceDeps, 'db'>,
  member: { id: string; workspaceId: string; role: Role },
  nextRole: Role | null,
) {
  if (member.role !== 'ADMIN') return;
  assertAdminRemains(member, nextRole, await countOtherAdmins(deps.db, member.workspaceId, member.id));
}

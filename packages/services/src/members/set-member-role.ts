import { recordAudit, setRole, transaction } from '@uplift/db';
import { type MemberRoleInput, ZMemberRoleInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { checkAdminRemains, mustGetMember } from './must-get-member';

export async function setMemberRole(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace, actor }: ActingScope,
  raw: MemberRoleInput,
) {
  const { membershipId, role } = ZMemberRoleInput.parse(raw);
  const m = await mustGetMember(deps, workspace.id, membershipId);
  await checkAdminRemains(deps, m, role);
  return transaction(deps.db, async (tx) => {
    const updated = await setRole(tx, m.id, role);
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'membership',
      entityId: m.id,
      action: 'member.role',
      before: { email: m.user.email, role: m.role },
      after: { email: m.user.email, role },
    });
    return updated;
  });
}

import { recordAudit, setRole, transaction } from '@uplift/db';
import { type MemberRoleInput, ZMemberRoleInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { lockedMemberChange } from './must-get-member';

export async function setMemberRole(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace, actor }: ActingScope,
  raw: MemberRoleInput,
) {
  const { membershipId, role } = ZMemberRoleInput.parse(raw);
  return transaction(deps.db, async (tx) => {
    const m = await lockedMemberChange(tx, workspace.id, membershipId, role);
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

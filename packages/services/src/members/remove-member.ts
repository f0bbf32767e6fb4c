import { deleteMembership, recordAudit, transaction } from '@uplift/db';
import { type MemberRemoveInput, ZMemberRemoveInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { lockedMemberChange } from './must-get-member';

export async function removeMember(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace, actor }: ActingScope,
  raw: MemberRemoveInput,
) {
  const { membershipId } = ZMemberRemoveInput.parse(raw);
  await transaction(deps.db, async (tx) => {
    const m = await lockedMemberChange(tx, workspace.id, membershipId, null);
    await deleteMembership(tx, m.id);
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'membership',
      entityId: m.id,
      action: 'member.remove',
      before: { email: m.user.email, role: m.role },
    });
  });
  return { removed: membershipId };
}

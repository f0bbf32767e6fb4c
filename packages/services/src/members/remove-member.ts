import { deleteMembership, recordAudit, transaction } from '@uplift/db';
import { type MemberRemoveInput, ZMemberRemoveInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { checkAdminRemains, mustGetMember } from './must-get-member';

export async function removeMember(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace, actor }: ActingScope,
  raw: MemberRemoveInput,
) {
  const { membershipId } = ZMemberRemoveInput.parse(raw);
  const m = await mustGetMember(deps, workspace.id, membershipId);
  await checkAdminRemains(deps, m, null);
  await transaction(deps.db, async (tx) => {
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
  return { removed: m.id };
}

import {
  createMembership,
  createPasswordUser,
  findMembershipOfUser,
  findUserByEmail,
  type PasswordHasher,
  recordAudit,
  transaction,
} from '@uplift/db';
import { DomainError, type MemberAddInput, ZMemberAddInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/**
 * Adds a person to the workspace; a new email gets an account with the initial password the admin sets. The
 * password hash is handed in (the auth library's), so this layer does not depend on the auth library.
 */
export async function addMember(
  deps: Pick<ServiceDeps, 'db'> & PasswordHasher,
  { workspace, actor }: ActingScope,
  raw: MemberAddInput,
) {
  const input = ZMemberAddInput.parse(raw);
  const email = input.email.toLowerCase();
  let user = await findUserByEmail(deps.db, email);
  if (!user) {
    if (!input.password) {
      throw new DomainError('BAD_INPUT', 'This email has no account yet: set an initial password.', 'password');
    }
    user = await createPasswordUser(deps.db, deps, { email, name: input.name, password: input.password });
  }
  if (await findMembershipOfUser(deps.db, workspace.id, user.id)) {
    throw new DomainError('CONFLICT', `${email} is already a member of this workspace.`, 'email');
  }
  const userId = user.id;
  return transaction(deps.db, async (tx) => {
    const m = await createMembership(tx, workspace.id, userId, input.role);
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'membership',
      entityId: m.id,
      action: 'member.add',
      after: { email, role: input.role },
    });
    return m;
  });
}

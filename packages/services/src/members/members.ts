import { createPasswordUser, type Db, recordAudit } from '@uplift/db';
import { DomainError, type Role } from '@uplift/domain';
import { hashPassword } from 'better-auth/crypto';
import type { Actor } from '../deps';

interface Scope {
  db: Db;
  workspace: { id: string };
  actor: Actor;
}

/** Adds a person to the workspace; a new email gets an account with the initial password the admin sets. */
export async function addMember(
  { db, workspace, actor }: Scope,
  input: { email: string; name: string; role: Role; password?: string | undefined },
) {
  const email = input.email.toLowerCase();
  let user = await db.user.findUnique({ where: { email } });
  if (!user) {
    if (!input.password) {
      throw new DomainError('BAD_INPUT', 'This email has no account yet: set an initial password.', 'password');
    }
    user = await createPasswordUser(db, { hashPassword }, { email, name: input.name, password: input.password });
  }
  const userId = user.id;
  const exists = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId } },
  });
  if (exists) throw new DomainError('CONFLICT', `${email} is already a member of this workspace.`, 'email');
  return db.$transaction(async (tx) => {
    const m = await tx.membership.create({ data: { workspaceId: workspace.id, userId, role: input.role } });
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

async function mustGetMember(db: Db, workspaceId: string, membershipId: string) {
  const m = await db.membership.findFirst({ where: { id: membershipId, workspaceId }, include: { user: true } });
  if (!m) throw new DomainError('NOT_FOUND', 'No such member in this workspace.', 'membershipId');
  return m;
}

async function assertAdminRemains(db: Db, workspaceId: string, leavingId: string) {
  const admins = await db.membership.count({ where: { workspaceId, role: 'ADMIN', id: { not: leavingId } } });
  if (admins === 0) throw new DomainError('CONFLICT', 'A workspace needs at least one admin.', 'role');
}

export async function setMemberRole({ db, workspace, actor }: Scope, membershipId: string, role: Role) {
  const m = await mustGetMember(db, workspace.id, membershipId);
  if (m.role === 'ADMIN' && role !== 'ADMIN') await assertAdminRemains(db, workspace.id, m.id);
  return db.$transaction(async (tx) => {
    const updated = await tx.membership.update({ where: { id: m.id }, data: { role } });
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

export async function removeMember({ db, workspace, actor }: Scope, membershipId: string) {
  const m = await mustGetMember(db, workspace.id, membershipId);
  if (m.role === 'ADMIN') await assertAdminRemains(db, workspace.id, m.id);
  await db.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: m.id } });
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

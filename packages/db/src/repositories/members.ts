import type { Role } from '@uplift/domain';
import type { Tx } from '../client';

export function membersOf(db: Tx, workspaceId: string) {
  return db.membership.findMany({
    where: { workspaceId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: 'asc' } },
  });
}

/** A member of the workspace with their account's email, or null. */
export function getMember(db: Tx, workspaceId: string, membershipId: string) {
  return db.membership.findFirst({ where: { id: membershipId, workspaceId }, include: { user: true } });
}

export function findMembershipOfUser(db: Tx, workspaceId: string, userId: string) {
  return db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
}

/**
 * Locks the workspace's memberships until the transaction ends (in id order, so two callers never deadlock):
 * a rule over all of them, such as "at least one admin", then sees each concurrent change whole or not at all.
 */
export async function lockMemberships(db: Tx, workspaceId: string): Promise<void> {
  await db.$queryRaw`SELECT id FROM "Membership" WHERE "workspaceId" = ${workspaceId} ORDER BY id FOR UPDATE`;
}

/** Admins of the workspace other than the given membership. */
export function countOtherAdmins(db: Tx, workspaceId: string, membershipId: string) {
  return db.membership.count({ where: { workspaceId, role: 'ADMIN', id: { not: membershipId } } });
}

export function createMembership(db: Tx, workspaceId: string, userId: string, role: Role) {
  return db.membership.create({ data: { workspaceId, userId, role } });
}

export function setRole(db: Tx, membershipId: string, role: Role) {
  return db.membership.update({ where: { id: membershipId }, data: { role } });
}

export function deleteMembership(db: Tx, membershipId: string) {
  return db.membership.delete({ where: { id: membershipId } });
}

/** The workspace's membership of the account with this email, or null. */
export function findMemberByEmail(db: Tx, workspaceId: string, email: string) {
  return db.membership.findFirst({ where: { workspaceId, user: { email: email.toLowerCase() } } });
}

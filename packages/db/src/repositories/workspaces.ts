import type { Role } from '@uplift/domain';
import type { Tx } from '../client';

export function findMembership(db: Tx, userId: string, workspaceSlug: string) {
  return db.membership.findFirst({
    where: { userId, workspace: { slug: workspaceSlug } },
    include: { workspace: true },
  });
}

export function listWorkspacesOf(db: Tx, userId: string) {
  return db.membership.findMany({
    where: { userId },
    include: { workspace: { select: { id: true, slug: true, name: true } } },
    orderBy: { workspace: { name: 'asc' } },
  });
}

export function listMembers(db: Tx, workspaceId: string) {
  return db.membership.findMany({
    where: { workspaceId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: 'asc' } },
  });
}

export function setRole(db: Tx, membershipId: string, role: Role) {
  return db.membership.update({ where: { id: membershipId }, data: { role } });
}

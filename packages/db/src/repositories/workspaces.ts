import type { WorkspaceSettingsInput } from '@uplift/domain';
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

export function findWorkspaceBySlug(db: Tx, slug: string) {
  return db.workspace.findUnique({ where: { slug } });
}

export function getWorkspaceHorizon(db: Tx, workspaceId: string) {
  return db.workspace.findUnique({ where: { id: workspaceId }, select: { horizonMonths: true } });
}

export function updateWorkspaceSettingsRow(db: Tx, workspaceId: string, settings: WorkspaceSettingsInput) {
  return db.workspace.update({ where: { id: workspaceId }, data: settings });
}

import { type ChannelCapacities, type WorkspaceSettingsInput, ZStoredCapacity } from '@uplift/domain';
import type { Tx } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { toJsonValue } from '../json';

/** The workspace row with its capacity column read as the domain's type. */
const withCapacity = <T extends { capacity: Prisma.JsonValue }>(w: T) => ({
  ...w,
  capacity: ZStoredCapacity.parse(w.capacity),
});

export async function findMembership(db: Tx, userId: string, workspaceSlug: string) {
  const membership = await db.membership.findFirst({
    where: { userId, workspace: { slug: workspaceSlug } },
    include: { workspace: true },
  });
  return membership && { ...membership, workspace: withCapacity(membership.workspace) };
}

export function listWorkspacesOf(db: Tx, userId: string) {
  return db.membership.findMany({
    where: { userId },
    include: { workspace: { select: { id: true, slug: true, name: true, currency: true } } },
    orderBy: { workspace: { name: 'asc' } },
  });
}

export function findWorkspaceBySlug(db: Tx, slug: string) {
  return db.workspace.findUnique({ where: { slug } });
}

export function getWorkspaceHorizon(db: Tx, workspaceId: string) {
  return db.workspace.findUnique({ where: { id: workspaceId }, select: { horizonMonths: true } });
}

/**
 * The workspace row, locked until the transaction ends (FOR UPDATE): a settings save reads what it merges into
 * under it, so two saves at once apply one after the other instead of the later one writing back what it read
 * before the earlier one wrote.
 */
export async function lockWorkspaceSettings(tx: Tx, workspaceId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
  return withCapacity(await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId } }));
}

/** Settings as saved: the capacity is the whole map after the change (the use case merges it). */
export type WorkspaceSettingsRow = Omit<WorkspaceSettingsInput, 'capacity'> & { capacity?: ChannelCapacities };

export async function updateWorkspaceSettingsRow(db: Tx, workspaceId: string, settings: WorkspaceSettingsRow) {
  const { capacity, funnelVolumes, ...rest } = settings;
  const data = {
    ...rest,
    ...(capacity !== undefined && { capacity: capacity as Prisma.InputJsonValue }),
    ...(funnelVolumes !== undefined && { funnelVolumes: toJsonValue(funnelVolumes) }),
  };
  return withCapacity(await db.workspace.update({ where: { id: workspaceId }, data }));
}

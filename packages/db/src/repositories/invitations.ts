import type { Role } from '@uplift/domain';
import type { Tx } from '../client';

const PUBLIC_FIELDS = {
  id: true,
  email: true,
  role: true,
  status: true,
  invitedBy: true,
  createdAt: true,
  expiresAt: true,
} as const;

/** Closes the workspace's open invitation to this email, if any (inviting again replaces it). */
export function revokePendingInvitationsTo(db: Tx, workspaceId: string, email: string, at: Date) {
  return db.invitation.updateMany({
    where: { workspaceId, email, status: 'PENDING' },
    data: { status: 'REVOKED', respondedAt: at },
  });
}

export function createInvitation(
  db: Tx,
  data: { workspaceId: string; email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  return db.invitation.create({ data, select: PUBLIC_FIELDS });
}

/** The workspace's invitations still open at `now`, newest first (token hashes never leave this file). */
export function openInvitationsOf(db: Tx, workspaceId: string, now: Date) {
  return db.invitation.findMany({
    where: { workspaceId, status: 'PENDING', expiresAt: { gt: now } },
    select: PUBLIC_FIELDS,
    orderBy: { createdAt: 'desc' },
  });
}

/** Open invitations addressed to an email, with the inviting workspace's name. */
export function openInvitationsTo(db: Tx, email: string, now: Date) {
  return db.invitation.findMany({
    where: { email: email.toLowerCase(), status: 'PENDING', expiresAt: { gt: now } },
    select: { ...PUBLIC_FIELDS, workspace: { select: { id: true, slug: true, name: true } } },
    orderBy: { createdAt: 'desc' },
  });
}

/** The open invitation a link's token stands for, or null (unknown, used, revoked or expired alike). */
export function openInvitationByTokenHash(db: Tx, tokenHash: string, now: Date) {
  return db.invitation.findFirst({
    where: { tokenHash, status: 'PENDING', expiresAt: { gt: now } },
    select: { ...PUBLIC_FIELDS, workspaceId: true, workspace: { select: { slug: true, name: true } } },
  });
}

export function findInvitation(db: Tx, id: string) {
  return db.invitation.findUnique({ where: { id }, select: { ...PUBLIC_FIELDS, workspaceId: true } });
}

/**
 * Moves an open invitation to its answer; true only for the one caller that did (a concurrent accept and
 * revoke, or two accepts, cannot both win).
 */
export async function closeInvitation(
  db: Tx,
  id: string,
  status: 'ACCEPTED' | 'DECLINED' | 'REVOKED',
  at: Date,
  scope: { workspaceId?: string; email?: string } = {},
): Promise<boolean> {
  const { count } = await db.invitation.updateMany({
    where: { id, status: 'PENDING', expiresAt: { gt: at }, ...scope },
    data: { status, respondedAt: at },
  });
  return count === 1;
}

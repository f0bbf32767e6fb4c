import type { Tx } from '../client';
import type { Prisma } from '../generated/prisma/client';

export interface AuditEntry {
  workspaceId: string;
  actor: { id: string; email: string } | null;
  entityType: 'hypothesis' | 'workspace' | 'membership' | 'experiment' | 'apiKey' | 'webhook' | 'offer';
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const json = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Appends one event. Call it inside the transaction that makes the change, so neither lands alone. */
export function recordAudit(db: Tx, entry: AuditEntry) {
  return db.auditEvent.create({
    data: {
      workspaceId: entry.workspaceId,
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? null,
    },
  });
}

export function listAudit(db: Tx, workspaceId: string, filter: { entityType?: string; entityId?: string }, take = 200) {
  return db.auditEvent.findMany({
    where: { workspaceId, ...filter },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  });
}

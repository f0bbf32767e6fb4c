import type { AuditEntityType } from '@uplift/domain';
import type { Tx } from '../client';
import { toJsonValue } from '../json';

/** Who the log names: a person or an API key (with an id), or a tool without one (`uplift cli`). */
export interface AuditActor {
  id: string | null;
  email: string;
}

export interface AuditEntry {
  workspaceId: string;
  actor: AuditActor | null;
  entityType: AuditEntityType;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const json = (value: unknown) => (value === undefined ? undefined : toJsonValue(value));

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

export function listAudit(
  db: Tx,
  workspaceId: string,
  filter: { entityType?: AuditEntityType | undefined; entityId?: string | undefined },
  take = 200,
) {
  return db.auditEvent.findMany({
    where: { workspaceId, ...filter },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  });
}

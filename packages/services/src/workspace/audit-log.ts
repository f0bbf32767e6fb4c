import { listAudit } from '@uplift/db';
import { type AuditQuery, ZAuditQuery } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** The workspace's audit log, newest first, optionally about one entity. */
export function auditLog(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace }: Pick<ActingScope, 'workspace'>,
  raw: AuditQuery,
) {
  const q = ZAuditQuery.parse(raw);
  return listAudit(deps.db, workspace.id, { entityType: q.entityType, entityId: q.entityId }, q.limit);
}

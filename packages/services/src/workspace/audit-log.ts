import { auditSubjects, listAudit } from '@uplift/db';
import { type AuditQuery, ZAuditQuery } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/**
 * The workspace's audit log, newest first, optionally about one entity; each event carries the name of what it is
 * about (`subject`, null when that is gone), so the log can say which experiment rather than "Experiment".
 */
export async function auditLog(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace }: Pick<ActingScope, 'workspace'>,
  raw: AuditQuery,
) {
  const q = ZAuditQuery.parse(raw);
  const events = await listAudit(deps.db, workspace.id, { entityType: q.entityType, entityId: q.entityId }, q.limit);
  const subjects = await auditSubjects(deps.db, workspace.id, events);
  return events.map((e) => ({ ...e, subject: subjects.get(`${e.entityType}:${e.entityId}`) ?? null }));
}

import type { AuditEntityType } from '@uplift/domain';
import type { Tx } from '../client';

/** What an audit event is about, as a reader knows it: its name, and for an experiment its key (its page's address). */
export interface AuditSubject {
  name: string;
  key?: string;
}

type Lookup = (db: Tx, workspaceId: string, ids: string[]) => Promise<[string, AuditSubject][]>;

const LOOKUPS: Partial<Record<AuditEntityType, Lookup>> = {
  hypothesis: async (db, workspaceId, ids) =>
    (await db.hypothesis.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, title: true } })).map(
      (h) => [h.id, { name: h.title }],
    ),
  experiment: async (db, workspaceId, ids) =>
    (
      await db.experiment.findMany({
        where: { workspaceId, id: { in: ids } },
        select: { id: true, name: true, key: true },
      })
    ).map((e) => [e.id, { name: e.name, key: e.key }]),
  offer: async (db, workspaceId, ids) =>
    (await db.offer.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } })).map(
      (o) => [o.id, { name: o.name }],
    ),
  learning: async (db, workspaceId, ids) =>
    (
      await db.learning.findMany({
        where: { workspaceId, id: { in: ids } },
        select: { id: true, experiment: { select: { name: true, key: true } } },
      })
    ).map((l) => [l.id, { name: l.experiment.name, key: l.experiment.key }]),
  webhook: async (db, workspaceId, ids) =>
    (await db.webhook.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, url: true } })).map(
      (w) => [w.id, { name: w.url }],
    ),
  apiKey: async (db, workspaceId, ids) =>
    (await db.apiKey.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } })).map(
      (k) => [k.id, { name: k.name }],
    ),
  membership: async (db, workspaceId, ids) =>
    (
      await db.membership.findMany({
        where: { workspaceId, id: { in: ids } },
        select: { id: true, user: { select: { email: true } } },
      })
    ).map((m) => [m.id, { name: m.user.email }]),
  invitation: async (db, workspaceId, ids) =>
    (await db.invitation.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, email: true } })).map(
      (i) => [i.id, { name: i.email }],
    ),
  workspace: async (db, workspaceId) =>
    (await db.workspace.findMany({ where: { id: workspaceId }, select: { id: true, name: true } })).map((w) => [
      w.id,
      { name: w.name },
    ]),
};

/**
 * The names of what the events are about, by entity type and id, one query per type. An entity deleted since
 * (a removed member) has none: the log still shows its type.
 */
export async function auditSubjects(
  db: Tx,
  workspaceId: string,
  events: { entityType: string; entityId: string }[],
): Promise<Map<string, AuditSubject>> {
  const ids = new Map<AuditEntityType, Set<string>>();
  for (const e of events) {
    const type = e.entityType as AuditEntityType;
    if (!LOOKUPS[type]) continue;
    ids.set(type, (ids.get(type) ?? new Set()).add(e.entityId));
  }
  const found = await Promise.all(
    [...ids].map(async ([type, set]) =>
      (await LOOKUPS[type]!(db, workspaceId, [...set])).map(([id, s]) => [`${type}:${id}`, s] as const),
    ),
  );
  return new Map(found.flat());
}

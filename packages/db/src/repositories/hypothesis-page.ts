import type { HypothesisStatus } from '@uplift/domain';
import type { Tx } from '../client';

export interface HypothesisPageQuery {
  status?: HypothesisStatus;
  limit: number;
  /** The id the previous page's `nextCursor` named: the first row of this page. */
  cursor?: string;
}

/** A page of a workspace's hypotheses, newest first, optionally of one status; `nextCursor` starts the next. */
export async function findHypothesisPage(db: Tx, workspaceId: string, q: HypothesisPageQuery) {
  const rows = await db.hypothesis.findMany({
    where: { workspaceId, ...(q.status ? { status: q.status } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 0 } : {}),
    select: {
      id: true,
      title: true,
      status: true,
      channel: true,
      roi: true,
      statement: true,
      segment: true,
      offer: true,
      funnelStage: true,
      baselineRate: true,
      expectedLift: true,
      createdAt: true,
    },
  });
  return { items: rows.slice(0, q.limit), nextCursor: rows.length > q.limit ? (rows[q.limit]?.id ?? null) : null };
}

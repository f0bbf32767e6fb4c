import type { Tx } from '../client';
import { Prisma } from '../generated/prisma/client';
import { LEARNING_COLUMNS, LEARNING_FROM, type RawLearning, toLearningRow } from './learning-row';

export interface RelatedFilter {
  funnelStage?: string | undefined;
  channel?: string | undefined;
  /** A `to_tsquery` of any of the draft's words (domain `relatedTerms`), or null. */
  terms: string | null;
  limit: number;
}

/**
 * Learnings related to a draft hypothesis: those of the same funnel stage and channel first, then those sharing
 * its words, best match first. Full-text search here, not ILIKE: a draft has many words, and the question is
 * "which learnings share the most of them", which `ts_rank` answers, with stemming ("discounts" finds
 * "discount") and stop words ("the", "for") ignored — ILIKE per word would match "for" everywhere.
 * The tsvector is computed per row (no index): one workspace's learnings are few, and the document spans two
 * tables (the learning and the hypothesis' title), which a stored column could not follow.
 */
export async function relatedLearnings(db: Tx, workspaceId: string, q: RelatedFilter) {
  const same = Prisma.sql`COALESCE(h."funnelStage"::text = ${q.funnelStage ?? null}::text
    AND e.channel::text = ${q.channel ?? null}::text, false)`;
  const doc = Prisma.sql`to_tsvector('english', l.text || ' ' || array_to_string(l.tags, ' ') || ' ' || h.title || ' ' || e.name)`;
  const query = q.terms === null ? Prisma.sql`NULL::tsquery` : Prisma.sql`to_tsquery('english', ${q.terms})`;
  const match = Prisma.sql`COALESCE(${doc} @@ ${query}, false)`;
  const rows = await db.$queryRaw<(RawLearning & { sameContext: boolean })[]>`
    SELECT ${LEARNING_COLUMNS}, ${same} AS "sameContext", ts_rank(${doc}, ${query}) AS rank
    FROM ${LEARNING_FROM}
    WHERE l."workspaceId" = ${workspaceId} AND (${same} OR ${match})
    ORDER BY "sameContext" DESC, rank DESC NULLS LAST, l."updatedAt" DESC, l.id
    LIMIT ${q.limit}`;
  return rows.map((r) => ({ ...toLearningRow(r), sameContext: r.sameContext }));
}

import type { BacklogQuery, Channel, FunnelStage, HypothesisStatus } from '@uplift/domain';
import { ZBacklogQuery } from '@uplift/domain';
import type { Tx } from '../client';
import { Prisma } from '../generated/prisma/client';

/** Statuses that take part in the priority ranking; the others get rank null. */
export const RANKED_STATUSES: readonly HypothesisStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'TESTING'];

export interface BacklogRow {
  id: string;
  rank: number | null;
  title: string;
  funnelStage: FunnelStage;
  channel: Channel;
  status: HypothesisStatus;
  segment: string;
  roi: number;
  paybackMonths: number | null;
  expectedGain: number;
  pinnedRank: number | null;
  authorId: string;
  authorName: string;
  createdAt: Date;
}

const SORT_SQL = {
  rank: Prisma.sql`rank_order`,
  roi: Prisma.sql`roi`,
  payback: Prisma.sql`"paybackMonths"`,
  title: Prisma.sql`lower(title)`,
  createdAt: Prisma.sql`"createdAt"`,
  status: Prisma.sql`status`,
} as const;

/**
 * The backlog listing: filtered, searched, sorted, paged — with each row's rank in the whole workspace
 * backlog (pinned items first by pin, then ROI descending), so a filter never renumbers the priorities.
 * One SQL statement so the page and the total come from the same snapshot. The single window sorts ranked
 * statuses first, so within them `rank_order` is the rank itself; the filter is applied after ranking,
 * and the author is joined only for the page.
 */
export async function listBacklog(db: Tx, workspaceId: string, query: BacklogQuery) {
  const q = ZBacklogQuery.parse(query);
  const where: Prisma.Sql[] = [];
  if (q.status?.length) where.push(Prisma.sql`status::text IN (${Prisma.join(q.status)})`);
  if (q.funnelStage?.length) where.push(Prisma.sql`"funnelStage"::text IN (${Prisma.join(q.funnelStage)})`);
  if (q.channel?.length) where.push(Prisma.sql`channel::text IN (${Prisma.join(q.channel)})`);
  const like = q.search ? `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  if (like) where.push(Prisma.sql`matches`);
  const filter = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
  const direction = q.direction === 'desc' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // Literal, not bound, so the expression matches the index "Hypothesis_backlog_rank_idx" (see its migration).
  const ranked = Prisma.raw(`h.status IN (${RANKED_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  const matches = like
    ? Prisma.sql`(h.title ILIKE ${like} OR h.statement ILIKE ${like} OR h.segment ILIKE ${like} OR h.offer ILIKE ${like})`
    : Prisma.sql`true`;
  const rows = await db.$queryRaw<(BacklogRow & { total: bigint; rank_order: bigint })[]>`
    WITH ordered AS (
      SELECT h.id, h.title, h."funnelStage", h.channel, h.status, h.segment, h.roi, h."paybackMonths",
             h."expectedGain", h."pinnedRank", h."authorId", h."createdAt", ${ranked} AS ranked, ${matches} AS matches,
             row_number() OVER (
               ORDER BY ${ranked} DESC, h."pinnedRank" ASC NULLS LAST, h.roi DESC, h."createdAt" ASC, h.id COLLATE "C"
             ) AS rank_order
      FROM "Hypothesis" h
      WHERE h."workspaceId" = ${workspaceId}
    ), page AS (
      SELECT o.*, count(*) OVER () AS total FROM ordered o
      ${filter}
      ORDER BY ${SORT_SQL[q.sort]} ${direction} NULLS LAST, rank_order
      LIMIT ${q.limit} OFFSET ${q.offset}
    )
    SELECT p.id, p.title, p."funnelStage", p.channel, p.status, p.segment, p.roi, p."paybackMonths",
           p."expectedGain", p."pinnedRank", p."authorId", p."createdAt", p.total, p.rank_order,
           CASE WHEN p.ranked THEN p.rank_order::int ELSE NULL END AS rank, u.name AS "authorName"
    FROM page p JOIN "user" u ON u.id = p."authorId"
    ORDER BY ${SORT_SQL[q.sort]} ${direction} NULLS LAST, rank_order`;
  const total = rows[0] ? Number(rows[0].total) : 0;
  const items: BacklogRow[] = rows.map(({ total: _t, rank_order: _r, ...row }) => row);
  return { items, total };
}

export function getHypothesis(db: Tx, workspaceId: string, id: string) {
  return db.hypothesis.findFirst({
    where: { id, workspaceId },
    include: { author: { select: { id: true, name: true, email: true } } },
  });
}

/** The hypothesis ROI inputs needed to rescore, in id order for stable batching. */
export function roiInputsPage(db: Tx, workspaceId: string, afterId: string | null, take: number) {
  return db.hypothesis.findMany({
    where: { workspaceId, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: 'asc' },
    take,
    select: {
      id: true,
      reachPerMonth: true,
      baselineRate: true,
      expectedLift: true,
      valuePerConversion: true,
      confidence: true,
      cost: true,
    },
  });
}

export interface ScoreUpdate {
  id: string;
  horizonMonths: number;
  expectedMonthlyGain: number;
  expectedGain: number;
  roi: number;
  paybackMonths: number | null;
}

/** Writes many scores in one statement (unnest of arrays) — rescoring 100k rows is 20 round trips, not 100k. */
export async function writeScores(db: Tx, workspaceId: string, scores: ScoreUpdate[]): Promise<number> {
  if (!scores.length) return 0;
  return db.$executeRaw`
    UPDATE "Hypothesis" h SET
      "horizonMonths" = s.h, "expectedMonthlyGain" = s.m, "expectedGain" = s.g, roi = s.r,
      "paybackMonths" = s.p, "updatedAt" = now()
    FROM unnest(${scores.map((s) => s.id)}::text[], ${scores.map((s) => s.horizonMonths)}::int[],
                ${scores.map((s) => s.expectedMonthlyGain)}::float8[], ${scores.map((s) => s.expectedGain)}::float8[],
                ${scores.map((s) => s.roi)}::float8[], ${scores.map((s) => s.paybackMonths)}::float8[])
      AS s(id, h, m, g, r, p)
    WHERE h.id = s.id AND h."workspaceId" = ${workspaceId}`;
}

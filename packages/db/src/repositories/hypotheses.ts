import type { BacklogQuery, Channel, FunnelStage, HypothesisStatus } from '@uplift/domain';
import { CALIBRATED_RANKING_FROM, RANKED_STATUSES, ZBacklogQuery } from '@uplift/domain';
import type { Db, Tx } from '../client';
import { Prisma } from '../generated/prisma/client';

export interface BacklogRow {
  id: string;
  rank: number | null;
  title: string;
  funnelStage: FunnelStage;
  channel: Channel;
  status: HypothesisStatus;
  segment: string;
  roi: number;
  /** The ROI with the workspace's calibration (issue 12 §2); null until the Insights job has run. */
  calibratedRoi: number | null;
  paybackMonths: number | null;
  expectedGain: number;
  /** R·b·l·v·c in the workspace's currency (roi.ts), and the cost it is set against: the backlog's money columns. */
  expectedMonthlyGain: number;
  cost: number;
  pinnedRank: number | null;
  authorId: string;
  authorName: string;
  createdAt: Date;
}

const SORT_SQL = {
  rank: Prisma.sql`h."backlogOrder"`,
  roi: Prisma.sql`h.roi`,
  calibratedRoi: Prisma.sql`h."calibratedRoi"`,
  payback: Prisma.sql`h."paybackMonths"`,
  title: Prisma.sql`lower(h.title)`,
  createdAt: Prisma.sql`h."createdAt"`,
  status: Prisma.sql`h.status`,
} as const;

// Literal, not bound: the same expression in the ranking and in the listing.
const RANKED_SQL = Prisma.raw(`h.status IN (${RANKED_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/**
 * The backlog listing: filtered, searched, sorted, paged — with each row's rank in the whole workspace
 * backlog (open items first, pinned items by pin, then ROI descending), so a filter never renumbers the
 * priorities. Ranks come from the stored `backlogOrder` (see rerankBacklog); within the open statuses,
 * which sort first, the order is the rank itself.
 */
export async function backlogPage(db: Tx, workspaceId: string, query: BacklogQuery) {
  const q = ZBacklogQuery.parse(query);
  const where: Prisma.Sql[] = [Prisma.sql`h."workspaceId" = ${workspaceId}`];
  if (q.status?.length) where.push(Prisma.sql`h.status::text IN (${Prisma.join(q.status)})`);
  if (q.funnelStage?.length) where.push(Prisma.sql`h."funnelStage"::text IN (${Prisma.join(q.funnelStage)})`);
  if (q.channel?.length) where.push(Prisma.sql`h.channel::text IN (${Prisma.join(q.channel)})`);
  if (q.search) {
    // "searchText" is lower(title, statement, segment, offer), a generated column; LIKE wildcards are escaped.
    const like = `%${q.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`h."searchText" LIKE ${like}`);
  }
  const direction = q.direction === 'desc' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const filter = Prisma.join(where, ' AND ');
  // The page and the total as two statements on two connections at once: counting needs only the index,
  // and the author's name (a sub-select) is looked up for the page's rows alone, after the LIMIT.
  const [items, [count]] = await Promise.all([
    db.$queryRaw<BacklogRow[]>`
      SELECT h.id, h.title, h."funnelStage", h.channel, h.status, h.segment, h.roi, h."calibratedRoi", h."paybackMonths",
             h."expectedGain", h."expectedMonthlyGain", h.cost, h."pinnedRank", h."authorId", h."createdAt",
             (SELECT u.name FROM "user" u WHERE u.id = h."authorId") AS "authorName",
             CASE WHEN ${RANKED_SQL} THEN h."backlogOrder" ELSE NULL END AS rank
      FROM "Hypothesis" h
      WHERE ${filter}
      ORDER BY ${SORT_SQL[q.sort]} ${direction} NULLS LAST, h."backlogOrder" NULLS LAST, h.id
      LIMIT ${q.limit} OFFSET ${q.offset}`,
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Hypothesis" h WHERE ${filter}`,
  ]);
  return { items, total: Number(count?.total ?? 0) };
}

/**
 * Recomputes the workspace's priority order and stores it in `backlogOrder`, writing only rows whose
 * position moved. The ORDER BY is the domain's `compareBacklogOrder` in SQL (a test proves they agree), with the ROI
 * the calibrated one once the workspace's Insights count CALIBRATED_RANKING_FROM completed tests (issue 12 §2).
 * Call it after any change to ROI, status or pins. Serialised per workspace (advisory
 * lock) so concurrent re-ranks never deadlock on each other's rows.
 */
export async function rerankBacklog(db: Db, workspaceId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('backlog-rank'), hashtext(${workspaceId}))`;
    return tx.$executeRaw`
      UPDATE "Hypothesis" t SET "backlogOrder" = r.n
      FROM (
        SELECT h.id, row_number() OVER (
          ORDER BY ${RANKED_SQL} DESC, h."pinnedRank" ASC NULLS LAST,
            CASE WHEN calibrated.on THEN COALESCE(h."calibratedRoi", h.roi) ELSE h.roi END DESC,
            h."createdAt" ASC, h.id COLLATE "C"
        )::int AS n
        FROM "Hypothesis" h
        CROSS JOIN (
          SELECT COALESCE(bool_or(i."completedTests" >= ${CALIBRATED_RANKING_FROM}), false) AS on
          FROM "WorkspaceInsights" i WHERE i."workspaceId" = ${workspaceId}
        ) calibrated
        WHERE h."workspaceId" = ${workspaceId}
      ) r
      WHERE t.id = r.id AND t."backlogOrder" IS DISTINCT FROM r.n`;
  });
}

export function getHypothesis(db: Tx, workspaceId: string, id: string) {
  return db.hypothesis.findFirst({
    where: { id, workspaceId },
    include: { author: { select: { id: true, name: true, email: true } } },
  });
}

/** Workspaces holding rows with no place in the order yet (created by hand, or a crash before the re-rank). */
export async function workspacesWithUnrankedHypotheses(db: Tx): Promise<string[]> {
  const rows = await db.$queryRaw<{ workspaceId: string }[]>`
    SELECT DISTINCT "workspaceId" FROM "Hypothesis" WHERE "backlogOrder" IS NULL`;
  return rows.map((r) => r.workspaceId);
}

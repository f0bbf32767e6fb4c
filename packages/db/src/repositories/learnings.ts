import type { LearningOutcome } from '@uplift/domain';
import type { Tx } from '../client';
import { Prisma } from '../generated/prisma/client';
import { LEARNING_SELECT, type RawLearning, toLearningRow } from './learning-row';

export interface LearningWrite {
  workspaceId: string;
  experimentId: string;
  text: string;
  tags: string[];
  authorId: string;
}

/**
 * The experiment's learning as it stands, with the experiment's row locked until the transaction ends (FOR NO KEY
 * UPDATE: writers of the learning wait for each other, nothing else does), so that of two first saves at once one
 * records and the other edits what it recorded, and each is audited as what it was.
 */
export async function lockLearningOfExperiment(db: Tx, experimentId: string) {
  await db.$queryRaw`SELECT 1 FROM "Experiment" WHERE id = ${experimentId} FOR NO KEY UPDATE`;
  return db.learning.findUnique({ where: { experimentId } });
}

/** Records the experiment's learning, or replaces its text and tags; the first author stays the author. */
export function saveLearning(db: Tx, w: LearningWrite) {
  return db.learning.upsert({
    where: { experimentId: w.experimentId },
    create: w,
    update: { text: w.text, tags: w.tags },
  });
}

/** One learning in the library's shape, or null. */
export async function getLearningRow(db: Tx, workspaceId: string, experimentId: string) {
  const rows = await db.$queryRaw<RawLearning[]>`
    ${LEARNING_SELECT} WHERE l."workspaceId" = ${workspaceId} AND l."experimentId" = ${experimentId}`;
  return rows[0] ? toLearningRow(rows[0]) : null;
}

export interface LearningFilter {
  funnelStage?: string | undefined;
  channel?: string | undefined;
  tag?: string | undefined;
  outcome?: LearningOutcome | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * The library: newest edits first, filtered by stage, channel, tag and result, searched, paged, with the total.
 * The search box uses ILIKE on the text, tags, experiment and hypothesis, not full-text search: people type
 * fragments ("urgen", "free ship") and expect substring matches, and a workspace holds hundreds of learnings,
 * not millions, so a scan of its rows is cheap. (Related learnings rank by words instead: learning-related.ts.)
 */
export async function learningPage(db: Tx, workspaceId: string, q: LearningFilter) {
  const where: Prisma.Sql[] = [Prisma.sql`l."workspaceId" = ${workspaceId}`];
  if (q.funnelStage) where.push(Prisma.sql`h."funnelStage"::text = ${q.funnelStage}`);
  if (q.channel) where.push(Prisma.sql`e.channel::text = ${q.channel}`);
  if (q.tag) where.push(Prisma.sql`l.tags @> ARRAY[${q.tag}]::text[]`);
  if (q.outcome === 'STOPPED') where.push(Prisma.sql`e.status = 'STOPPED'`);
  else if (q.outcome) where.push(Prisma.sql`e.status = 'COMPLETED' AND e.outcome::text = ${q.outcome}`);
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(l.text ILIKE ${like} OR array_to_string(l.tags, ' ') ILIKE ${like}
      OR e.name ILIKE ${like} OR e.key ILIKE ${like} OR h.title ILIKE ${like})`);
  }
  const filter = Prisma.join(where, ' AND ');
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<RawLearning[]>`${LEARNING_SELECT} WHERE ${filter}
      ORDER BY l."updatedAt" DESC, l.id LIMIT ${q.limit} OFFSET ${q.offset}`,
    db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM "Learning" l
      JOIN "Experiment" e ON e.id = l."experimentId" JOIN "Hypothesis" h ON h.id = e."hypothesisId"
      WHERE ${filter}`,
  ]);
  return { items: rows.map(toLearningRow), total: Number(count?.total ?? 0) };
}

/** Every tag the workspace's learnings carry, most used first: the library's tag filter offers these. */
export async function learningTags(db: Tx, workspaceId: string) {
  const rows = await db.$queryRaw<{ tag: string; n: bigint }[]>`
    SELECT t AS tag, count(*) AS n FROM "Learning" l, unnest(l.tags) t
    WHERE l."workspaceId" = ${workspaceId} GROUP BY t ORDER BY n DESC, t LIMIT 200`;
  return rows.map((r) => r.tag);
}

import type { Tx } from '../client';

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

export function countHypotheses(db: Tx, workspaceId: string) {
  return db.hypothesis.count({ where: { workspaceId } });
}

/** Workspaces with hypotheses scored under an old horizon (a rescore job lost with Redis, or never enqueued). */
export function workspacesWithStaleScores(db: Tx) {
  return db.$queryRaw<{ id: string; horizonMonths: number }[]>`
    SELECT w.id, w."horizonMonths" FROM "Workspace" w
    WHERE EXISTS (SELECT 1 FROM "Hypothesis" h WHERE h."workspaceId" = w.id AND h."horizonMonths" <> w."horizonMonths")`;
}

import {
  countHypotheses,
  getWorkspaceHorizon,
  rerankBacklog,
  roiInputsPage,
  type ScoreUpdate,
  writeScores,
} from '@uplift/db';
import { DomainError, type RoiScore, scoreRoi } from '@uplift/domain';
import type { JobPayload, JobProgress } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';

export const RESCORE_BATCH = 5_000;
const WRITES_IN_FLIGHT = 2;

/**
 * Rescores every hypothesis of a workspace with its current horizon, a batch at a time (keyset pages by id,
 * one bulk UPDATE per batch), reporting progress. Idempotent: running it twice writes the same numbers.
 */
export async function rescoreBacklog(
  { db }: Pick<ServiceDeps, 'db'>,
  payload: JobPayload<'backlog.rescore'>,
  onProgress: (progress: JobProgress) => Promise<void> | void,
): Promise<{ rescored: number }> {
  const { workspaceId } = payload;
  const workspace = await getWorkspaceHorizon(db, workspaceId);
  if (!workspace) return { rescored: 0 };
  // The workspace row is the truth: a stale job (horizon changed again since) still writes the current one.
  const horizonMonths = workspace.horizonMonths;
  const total = await countHypotheses(db, workspaceId);
  let done = 0;
  let afterId: string | null = null;
  await onProgress({ done, total });
  // Writing dominates (index upkeep in Postgres), so up to WRITES_IN_FLIGHT batches are written at once on
  // separate connections while the next page is read; batches touch disjoint rows, so they never conflict.
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];
  for (;;) {
    const page = await roiInputsPage(db, workspaceId, afterId, RESCORE_BATCH);
    if (!page.length) break;
    afterId = page[page.length - 1]?.id ?? null;
    const scores: ScoreUpdate[] = page.map((h) => ({
      id: h.id,
      ...finiteScore(h.id, scoreRoi({ ...h, horizonMonths })),
    }));
    // A write never rejects: its failure is kept in `failures` and thrown below (it may settle while the next
    // page is read; a rejection noticed only then was swallowed, and the job said `completed`).
    const write: Promise<void> = writeScores(db, workspaceId, scores)
      .then(async () => {
        done += scores.length;
        await onProgress({ done, total: Math.max(total, done) });
      })
      .catch((error: unknown) => {
        failures.push(error);
      })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    if (failures.length) throw failures[0];
  }
  await Promise.all(inFlight);
  if (failures.length) throw failures[0];
  await rerankBacklog(db, workspaceId);
  return { rescored: done };
}

/** A figure that is not finite would rank the idea first (or last) for no reason: refused, naming the idea. */
function finiteScore(id: string, score: RoiScore): RoiScore {
  const bad = (['expectedMonthlyGain', 'expectedGain', 'roi', 'paybackMonths'] as const).find(
    (k) => score[k] !== null && !Number.isFinite(score[k]),
  );
  if (bad) {
    throw new DomainError(
      'BAD_INPUT',
      `Hypothesis ${id}: its ROI inputs give ${bad} = ${score[bad]}, not a finite number; correct them.`,
      'valuePerConversion',
    );
  }
  return score;
}

import { type Db, roiInputsPage, type ScoreUpdate, writeScores } from '@uplift/db';
import { scoreRoi } from '@uplift/domain';
import type { JobPayload, JobProgress } from '@uplift/jobs';

export const RESCORE_BATCH = 5_000;

/**
 * Rescores every hypothesis of a workspace with its current horizon, a batch at a time (keyset pages by id,
 * one bulk UPDATE per batch), reporting progress. Idempotent: running it twice writes the same numbers.
 */
export async function rescoreBacklog(
  db: Db,
  payload: JobPayload<'backlog.rescore'>,
  onProgress: (progress: JobProgress) => Promise<void> | void,
): Promise<{ rescored: number }> {
  const { workspaceId } = payload;
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { horizonMonths: true } });
  if (!workspace) return { rescored: 0 };
  // The workspace row is the truth: a stale job (horizon changed again since) still writes the current one.
  const horizonMonths = workspace.horizonMonths;
  const total = await db.hypothesis.count({ where: { workspaceId } });
  let done = 0;
  let afterId: string | null = null;
  await onProgress({ done, total });
  for (;;) {
    const page = await roiInputsPage(db, workspaceId, afterId, RESCORE_BATCH);
    if (!page.length) break;
    const scores: ScoreUpdate[] = page.map((h) => ({ id: h.id, ...scoreRoi({ ...h, horizonMonths }) }));
    await writeScores(db, workspaceId, scores);
    done += page.length;
    afterId = page[page.length - 1]?.id ?? null;
    await onProgress({ done, total: Math.max(total, done) });
  }
  return { rescored: done };
}

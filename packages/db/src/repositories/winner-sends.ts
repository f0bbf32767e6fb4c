import { ZStoredVariants } from '@uplift/domain';
import type { Tx } from '../client';

/**
 * Records the remainder's variant once (a conditional update: of an evaluation and the deadline racing, one
 * claims it), with the outcome the experiment will complete with. False when it was already decided, or the
 * experiment no longer runs.
 */
export async function recordWinner(
  tx: Tx,
  id: string,
  w: { variant: string; reason: string; outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE'; now: Date },
): Promise<boolean> {
  const claimed = await tx.experiment.updateMany({
    where: { id, status: 'RUNNING', winnerDecidedAt: null, testShare: { not: null } },
    data: {
      winnerVariant: w.variant,
      winnerReason: w.reason,
      winnerDecidedAt: w.now,
      outcome: w.outcome,
      outcomeReason: w.reason,
      pendingOutcome: null,
    },
  });
  return claimed.count === 1;
}

/** The remainder's first exposure after the decision: when the remainder was sent (kept once). */
export async function markRemainderSent(db: Tx, ids: string[], now: Date): Promise<void> {
  if (!ids.length) return;
  await db.experiment.updateMany({
    where: { id: { in: ids }, remainderSentAt: null, winnerDecidedAt: { not: null } },
    data: { remainderSentAt: now },
  });
}

/** Running winner sends, for the reconciler's deadline and end-of-remainder checks. */
export async function listRunningWinnerSends(db: Tx) {
  const rows = await db.experiment.findMany({
    where: { status: 'RUNNING', testShare: { not: null }, startedAt: { not: null } },
    select: {
      id: true,
      key: true,
      name: true,
      workspaceId: true,
      hypothesisId: true,
      variants: true,
      startedAt: true,
      decisionHours: true,
      winnerVariant: true,
      winnerReason: true,
      winnerDecidedAt: true,
      outcome: true,
    },
  });
  return rows.map((r) => ({
    ...r,
    startedAt: r.startedAt as Date,
    decisionHours: r.decisionHours ?? 0,
    variants: ZStoredVariants.parse(r.variants),
  }));
}

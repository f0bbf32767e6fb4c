import type { Tx } from '../client';

/**
 * A running experiment ends with a terminal decision (the pending one, if any, is settled); `rolledOutAt` is
 * when its winner went live, null for any other outcome.
 */
export async function markExperimentCompleted(
  tx: Tx,
  id: string,
  c: { outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE'; reason: string; now: Date; rolledOutAt: Date | null },
) {
  const { outcome, reason, now, rolledOutAt } = c;
  await tx.experiment.update({
    where: { id },
    data: { status: 'COMPLETED', endedAt: now, outcome, outcomeReason: reason, pendingOutcome: null, rolledOutAt },
  });
}

/** A hypothesis still TESTING takes its experiment's verdict; false when it had already moved on. */
export async function concludeHypothesis(
  tx: Tx,
  id: string,
  c: { status: 'WON' | 'LOST' | 'INCONCLUSIVE'; reason: string },
): Promise<boolean> {
  const updated = await tx.hypothesis.updateMany({
    where: { id, status: 'TESTING' },
    data: { status: c.status, decisionReason: c.reason },
  });
  return updated.count === 1;
}

import type { Tx } from '../client';

/** A running experiment ends with a terminal decision (the pending one, if any, is settled). */
export async function markExperimentCompleted(
  tx: Tx,
  id: string,
  c: { outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE'; reason: string; now: Date },
) {
  await tx.experiment.update({
    where: { id },
    data: { status: 'COMPLETED', endedAt: c.now, outcome: c.outcome, outcomeReason: c.reason, pendingOutcome: null },
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

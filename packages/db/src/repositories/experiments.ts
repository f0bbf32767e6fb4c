import { HYPOTHESIS_STATUS_FOR_OUTCOME } from '@uplift/domain';
import type { Tx } from '../client';
import { recordAudit } from './audit';
import { advanceLadder } from './ladder';
import { notify } from './notifications';

export function findExperimentsByKeys(db: Tx, workspaceId: string, keys: string[]) {
  return db.experiment.findMany({ where: { workspaceId, key: { in: keys } } });
}

/**
 * Completes a running experiment with a terminal decision: the experiment, its hypothesis (WON / LOST /
 * INCONCLUSIVE), their audit entries and the notification — call inside one transaction. Returns the
 * webhook deliveries to enqueue.
 */
export async function completeExperiment(
  tx: Tx,
  input: {
    experiment: { id: string; key: string; name: string; workspaceId: string; hypothesisId: string };
    outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE';
    reason: string;
    actor: { id: string; email: string } | null;
    data: Record<string, unknown>;
    now: Date;
  },
): Promise<string[]> {
  const { experiment, outcome, reason, actor, now } = input;
  await tx.experiment.update({
    where: { id: experiment.id },
    data: { status: 'COMPLETED', endedAt: now, outcome, outcomeReason: reason, pendingOutcome: null },
  });
  const audit = { workspaceId: experiment.workspaceId, actor, reason };
  await recordAudit(tx, {
    ...audit,
    entityType: 'experiment',
    entityId: experiment.id,
    action: actor ? 'experiment.confirm' : 'experiment.complete',
    before: { status: 'RUNNING' },
    after: { status: 'COMPLETED', outcome },
  });
  const status = HYPOTHESIS_STATUS_FOR_OUTCOME[outcome];
  const hypothesis = await tx.hypothesis.findUniqueOrThrow({ where: { id: experiment.hypothesisId } });
  if (hypothesis.status === 'TESTING') {
    await tx.hypothesis.update({ where: { id: hypothesis.id }, data: { status, decisionReason: reason } });
    await recordAudit(tx, {
      ...audit,
      entityType: 'hypothesis',
      entityId: hypothesis.id,
      action: 'hypothesis.transition',
      before: { status: 'TESTING' },
      after: { status, experiment: experiment.key },
    });
  }
  const ladder = await advanceLadder(tx, experiment.id, outcome);
  const decided = await notify(tx, {
    workspaceId: experiment.workspaceId,
    experimentId: experiment.id,
    kind: 'decision',
    title: `"${experiment.name}": ${outcome}`,
    body: reason,
    data: input.data,
  });
  return [...decided, ...ladder];
}

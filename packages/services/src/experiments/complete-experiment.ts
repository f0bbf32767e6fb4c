import { concludeHypothesis, markExperimentCompleted, notify, recordAudit, type Tx } from '@uplift/db';
import { HYPOTHESIS_STATUS_FOR_OUTCOME } from '@uplift/domain';
import { proposeStep } from '../ladder/propose-step';

/**
 * Completes a running experiment with a terminal decision: the experiment (a WIN rolled out), its hypothesis (WON / LOST /
 * INCONCLUSIVE), their audit entries, the ladder's step and the notification — call inside one transaction.
 * Returns the webhook deliveries to enqueue.
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
  // A win goes live as it completes here (at once, or as a product owner confirms it): only rolled-out winners
  // earn in the realised figures (issue 12). A loss or an inconclusive test rolls nothing out.
  const rolledOutAt = outcome === 'WIN' ? now : null;
  await markExperimentCompleted(tx, experiment.id, { outcome, reason, now, rolledOutAt });
  const audit = { workspaceId: experiment.workspaceId, actor, reason };
  await recordAudit(tx, {
    ...audit,
    entityType: 'experiment',
    entityId: experiment.id,
    action: actor ? 'experiment.confirm' : 'experiment.complete',
    before: { status: 'RUNNING' },
    after: { status: 'COMPLETED', outcome, ...(rolledOutAt ? { rolledOutAt: rolledOutAt.toISOString() } : {}) },
  });
  const status = HYPOTHESIS_STATUS_FOR_OUTCOME[outcome];
  if (await concludeHypothesis(tx, experiment.hypothesisId, { status, reason })) {
    await recordAudit(tx, {
      ...audit,
      entityType: 'hypothesis',
      entityId: experiment.hypothesisId,
      action: 'hypothesis.transition',
      before: { status: 'TESTING' },
      after: { status, experiment: experiment.key },
    });
  }
  const ladder = await proposeStep(tx, { experimentId: experiment.id, outcome, now });
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

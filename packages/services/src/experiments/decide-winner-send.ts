import { notify, recordAudit, recordWinner, type Tx } from '@uplift/db';
import type { WinnerChoice } from '@uplift/domain';

/**
 * A winner send's decision (the evaluation's terminal decision, or the deadline): the remainder gets the
 * choice's variant, audited, and the email tool is told by the `experiment.winner_ready` webhook — once, as the
 * record is a conditional update. The experiment keeps running for the remainder's events (a phase, not a
 * completion). Returns the webhook deliveries to enqueue, or null when it was already decided.
 */
export async function decideWinnerSend(
  tx: Tx,
  input: {
    experiment: { id: string; key: string; name: string; workspaceId: string };
    choice: WinnerChoice;
    decidedBy: 'evaluation' | 'deadline';
    now: Date;
  },
): Promise<string[] | null> {
  const { experiment, choice, now } = input;
  const claimed = await recordWinner(tx, experiment.id, { ...choice, now });
  if (!claimed) return null;
  await recordAudit(tx, {
    workspaceId: experiment.workspaceId,
    actor: null,
    reason: choice.reason,
    entityType: 'experiment',
    entityId: experiment.id,
    action: 'experiment.winner',
    after: { winnerVariant: choice.variant, outcome: choice.outcome, decidedBy: input.decidedBy },
  });
  return notify(tx, {
    workspaceId: experiment.workspaceId,
    experimentId: experiment.id,
    kind: 'winner_ready',
    title: `"${experiment.name}": send "${choice.variant}" to the rest of the list`,
    body: choice.reason,
    data: {
      experiment: experiment.key,
      name: experiment.name,
      winnerVariant: choice.variant,
      outcome: choice.outcome,
      reason: choice.reason,
      decidedBy: input.decidedBy,
      decidedAt: now.toISOString(),
    },
  });
}

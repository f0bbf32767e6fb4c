import { listRunningWinnerSends, transaction } from '@uplift/db';
import { decisionDeadline, REMAINDER_OPEN_DAYS, winnerChoice } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { completeExperiment } from './complete-experiment';
import { decideWinnerSend } from './decide-winner-send';
import { enqueueDeliveries } from './deliveries';

const DAY_MS = 86_400_000;
const TERMINAL = new Set(['WIN', 'LOSS', 'INCONCLUSIVE']);

/**
 * The winner sends' clock (run by `experiment.reconcile`): at its deadline an undecided send's remainder gets
 * the control, saying nothing won in time; `REMAINDER_OPEN_DAYS` after its decision a send completes with the
 * outcome it was decided on (hypothesis, ladder and notification as any completion).
 */
export async function reconcileWinnerSends(deps: ServiceDeps) {
  const now = deps.clock();
  let decided = 0;
  let completed = 0;
  for (const e of await listRunningWinnerSends(deps.db)) {
    if (!e.winnerDecidedAt) {
      if (decisionDeadline(e.startedAt, e.decisionHours) > now) continue;
      const controlKey = e.variants[0]?.key ?? '';
      const choice = winnerChoice({
        outcome: 'KEEP_RUNNING',
        winner: null,
        reason: '',
        controlKey,
        deadlineHours: e.decisionHours,
      });
      const deliveries = await transaction(deps.db, (tx) =>
        decideWinnerSend(tx, { experiment: e, choice, decidedBy: 'deadline', now }),
      );
      if (deliveries) decided++;
      await enqueueDeliveries(deps, deliveries ?? []);
      continue;
    }
    if (e.winnerDecidedAt.getTime() + REMAINDER_OPEN_DAYS * DAY_MS > now.getTime()) continue;
    const outcome =
      e.outcome && TERMINAL.has(e.outcome) ? (e.outcome as 'WIN' | 'LOSS' | 'INCONCLUSIVE') : 'INCONCLUSIVE';
    const reason = e.winnerReason ?? 'The winner send ended.';
    const data = { experiment: e.key, name: e.name, decision: { outcome, reason, winner: e.winnerVariant } };
    const deliveries = await transaction(deps.db, (tx) =>
      completeExperiment(tx, { experiment: e, outcome, reason, actor: null, data, now }),
    );
    completed++;
    await enqueueDeliveries(deps, deliveries);
  }
  return { decided, completed };
}

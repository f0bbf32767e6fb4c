import {
  catchUpEvaluatedVersion,
  clearEvaluationFailure,
  type EvaluationExperiment,
  markEvaluated,
  notify,
  readEvaluationState,
  rerankBacklog,
  saveSnapshot,
  transaction,
} from '@uplift/db';
import { decisionConsequences, decisionPayload, TERMINAL_OUTCOMES, winnerChoice } from '@uplift/domain';
import { unscheduleEvaluation } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';
import { requestInsights } from '../insights/request-insights';
import { requestRoadmap } from '../roadmap/request-roadmap';
import type { Evaluated } from './analyse-experiment';
import { completeExperiment } from './complete-experiment';
import { decideWinnerSend } from './decide-winner-send';
import { enqueueDeliveries } from './deliveries';

export type EvaluateOutcome =
  | { skipped: 'not found' | 'not running' | 'up to date' | 'winner decided' | 'evaluated by another run' }
  | { dataVersion: number; outcome: string; stored: true };

/**
 * Stores the snapshot of one data version and acts on its decision (domain `decisionConsequences`). The
 * snapshot, the experiment's update, the notifications and a completion commit together, so a worker killed
 * mid-way redoes the whole step and writes it once. The snapshot's key (experiment, data version) is the claim
 * that decides which run applies a version: the first to store it. A run that finds it stored applied nothing
 * and says so ('evaluated by another run'), whichever Redis, queue prefix or claim it came through.
 */
export async function applyDecision(
  deps: ServiceDeps,
  experiment: EvaluationExperiment,
  version: number,
  evaluation: Evaluated,
): Promise<EvaluateOutcome> {
  const now = deps.clock();
  const ws = experiment.workspace;
  const { outcome, reason, winner } = evaluation.decision;
  const data = decisionPayload(experiment, evaluation, version);
  const deliveries: string[] = [];
  // A winner send's remainder cannot wait for a person: its decision is not held for confirmation.
  const winnerSend = experiment.testShare !== null;
  const confirmDecisions = ws.confirmDecisions && !winnerSend;
  const stored = await transaction(deps.db, async (tx) => {
    const { users, analysis, guardrails, segments } = evaluation;
    const snapshot = { experimentId: experiment.id, dataVersion: version, users, analysis, guardrails, segments };
    // A second insert of the key waits for the first's transaction, and finds the row once that commits.
    if (!(await saveSnapshot(tx, { ...snapshot, outcome, reason, winner }))) {
      await catchUpEvaluatedVersion(tx, experiment.id, version);
      return false;
    }
    await clearEvaluationFailure(tx, experiment.id);
    // Another worker may have evaluated a newer version, or a person stopped the experiment meanwhile.
    const consequences = decisionConsequences({
      current: await readEvaluationState(tx, experiment.id),
      experimentName: experiment.name,
      version,
      stored: true,
      decision: evaluation.decision,
      confirmDecisions,
    });
    if (!consequences.update) return true;
    await markEvaluated(tx, experiment.id, consequences.update, now);
    for (const notice of consequences.notices) {
      deliveries.push(...(await notify(tx, { workspaceId: ws.id, experimentId: experiment.id, data, ...notice })));
    }
    if (consequences.complete && winnerSend) {
      const controlKey = experiment.variants[0]?.key ?? '';
      const choice = winnerChoice({ outcome, winner, reason, controlKey });
      deliveries.push(...((await decideWinnerSend(tx, { experiment, choice, decidedBy: 'evaluation', now })) ?? []));
    } else if (consequences.complete && (outcome === 'WIN' || outcome === 'LOSS' || outcome === 'INCONCLUSIVE')) {
      deliveries.push(...(await completeExperiment(tx, { experiment, outcome, reason, actor: null, data, now })));
    }
    return true;
  });
  if (!stored) return { skipped: 'evaluated by another run' };
  await enqueueDeliveries(deps, deliveries);
  if (TERMINAL_OUTCOMES.has(outcome) && !confirmDecisions) {
    // Redis away: the reconciler removes the schedules of experiments no longer running.
    await unscheduleEvaluation(deps.queue, experiment.id).catch((e: Error) =>
      deps.log.warn('evaluation schedule not removed; the reconciler removes it', {
        experimentId: experiment.id,
        error: e.message,
      }),
    );
    await rerankBacklog(deps.db, ws.id);
    await requestInsights(deps, ws.id);
    await requestRoadmap(deps, ws.id);
  }
  return { dataVersion: version, outcome, stored: true };
}

import { latestSnapshot } from '@uplift/db';
import { experimentProgress } from '@uplift/domain';
import { z } from 'zod';
import type { ServiceDeps } from '../deps';
import { inAnalyzeOrder } from './analysis-order';
import { mustGetExperiment } from './must-get-experiment';

type Analysed = { analysis: unknown };

/** With CUPED the evaluation plans fewer users (plannedUsers × (1 − ρ²)); progress counts towards those. */
const ZCupedPlan = z.object({ cuped: z.object({ plannedUsers: z.number() }) });

/** `GET /v1/experiments/KEY/results`: the latest evaluation, the decision and progress to the planned sample. */
export async function experimentResults(
  { db, clock }: Pick<ServiceDeps, 'db' | 'clock'>,
  workspaceId: string,
  key: string,
) {
  const experiment = await mustGetExperiment(db, workspaceId, key);
  const snapshot = await latestSnapshot(db, experiment.id);
  const users = snapshot?.users ?? 0;
  return {
    experiment: experiment.key,
    name: experiment.name,
    status: experiment.status,
    evaluatedAt: snapshot?.evaluatedAt.toISOString() ?? null,
    dataVersion: experiment.dataVersion,
    analysis: inAnalyzeOrder(snapshot?.analysis ?? null),
    guardrails: ((snapshot?.guardrails ?? []) as Analysed[]).map((g) => ({
      ...g,
      analysis: inAnalyzeOrder(g.analysis),
    })),
    segments:
      ((snapshot?.segments ?? null) as Analysed[] | null)?.map((s) => ({
        ...s,
        analysis: inAnalyzeOrder(s.analysis),
      })) ?? null,
    decision: snapshot
      ? { outcome: snapshot.outcome, reason: snapshot.reason, winner: snapshot.winner }
      : { outcome: 'NO_DATA', reason: 'Not evaluated yet: no data has arrived.', winner: null },
    pendingConfirmation: experiment.pendingOutcome,
    progress: experimentProgress({
      users,
      plannedUsers: ZCupedPlan.safeParse(snapshot?.analysis).data?.cuped.plannedUsers ?? experiment.plannedUsers,
      startedAt: experiment.startedAt,
      now: clock(),
    }),
    unattributed: experiment.unattributedEvents,
    // The last evaluation failed: the figures above are from the one before it (stale), and this says why.
    evaluationFailure: experiment.lastEvaluationFailedAt
      ? {
          message: experiment.lastEvaluationError ?? 'The last evaluation failed.',
          failedAt: experiment.lastEvaluationFailedAt.toISOString(),
          stale: true as const,
        }
      : null,
  };
}

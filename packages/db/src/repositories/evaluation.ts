import {
  type DecisionConsequences,
  type EvaluatedExperimentState,
  ZAnalysisSettings,
  ZExperimentMetrics,
  ZStoredLocationSplit,
  ZStoredVariants,
} from '@uplift/domain';
import type { Tx } from '../client';

/** A running experiment with what its evaluation reads: the stored settings parsed, and its workspace's rules. */
export async function findExperimentForEvaluation(db: Tx, experimentId: string) {
  const row = await db.experiment.findUnique({
    where: { id: experimentId },
    include: {
      workspace: {
        select: {
          id: true,
          confirmDecisions: true,
          winChance: true,
          maxRisk: true,
          lossChance: true,
          priorDiscount: true,
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    workspaceId: row.workspaceId,
    hypothesisId: row.hypothesisId,
    status: row.status,
    dataVersion: row.dataVersion,
    evaluatedVersion: row.evaluatedVersion,
    lastDataAt: row.lastDataAt,
    startedAt: row.startedAt,
    noDataAlertedAt: row.noDataAlertedAt,
    plannedUsers: row.plannedUsers,
    segmentAttribute: row.segmentAttribute,
    priorFromExperimentId: row.priorFromExperimentId,
    variants: ZStoredVariants.parse(row.variants),
    metrics: ZExperimentMetrics.parse(row.metrics),
    analysis: ZAnalysisSettings.parse(row.analysis),
    locationSplit: row.locationSplit === null ? null : ZStoredLocationSplit.parse(row.locationSplit),
    /** A winner send: decided once its remainder's variant is chosen (its evaluation then stops). */
    testShare: row.testShare,
    winnerDecidedAt: row.winnerDecidedAt,
    workspace: row.workspace,
  };
}
export type EvaluationExperiment = NonNullable<Awaited<ReturnType<typeof findExperimentForEvaluation>>>;

/** The fields a decision's consequences depend on, read inside the transaction that applies them. */
export function readEvaluationState(tx: Tx, experimentId: string): Promise<EvaluatedExperimentState> {
  return tx.experiment.findUniqueOrThrow({
    where: { id: experimentId },
    select: { status: true, evaluatedVersion: true, outcome: true, pendingOutcome: true },
  });
}

/** Writes an evaluation's result on the experiment (domain `decisionConsequences` chose the fields). */
export async function markEvaluated(
  tx: Tx,
  experimentId: string,
  update: NonNullable<DecisionConsequences['update']>,
  now: Date,
) {
  await tx.experiment.update({ where: { id: experimentId }, data: { ...update, evaluatedAt: now } });
}

/** Conditional update: of two concurrent evaluations, one raises the no-data alert. */
export async function claimNoDataAlert(tx: Tx, experimentId: string, now: Date): Promise<boolean> {
  const claimed = await tx.experiment.updateMany({
    where: { id: experimentId, noDataAlertedAt: null },
    data: { noDataAlertedAt: now },
  });
  return claimed.count === 1;
}

/**
 * Records a failed evaluation on the experiment. True for the first failure of a streak (the caller notifies
 * then, once): a conditional update, so of two concurrent failures one claims it.
 */
export async function recordEvaluationFailure(tx: Tx, experimentId: string, message: string, now: Date) {
  const failure = { lastEvaluationError: message, lastEvaluationFailedAt: now };
  const first = await tx.experiment.updateMany({
    where: { id: experimentId, lastEvaluationFailedAt: null },
    data: failure,
  });
  if (first.count === 0) await tx.experiment.updateMany({ where: { id: experimentId }, data: failure });
  return first.count === 1;
}

/** A successful evaluation ends the failure streak. */
export async function clearEvaluationFailure(tx: Tx, experimentId: string) {
  await tx.experiment.updateMany({
    where: { id: experimentId, lastEvaluationFailedAt: { not: null } },
    data: { lastEvaluationError: null, lastEvaluationFailedAt: null },
  });
}

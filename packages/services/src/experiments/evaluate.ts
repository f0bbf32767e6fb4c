import {
  type Db,
  latestReports,
  type NotificationInput,
  notify,
  readAggregates,
  rerankBacklog,
  saveSnapshot,
} from '@uplift/db';
import {
  type AnalysisSettings,
  type AnalyzeResult,
  analyzeLocations,
  decideLocationTest,
  type Evaluation,
  type ExperimentDecision,
  type ExperimentMetrics,
  evaluateExperiment,
  priorFromLowerRung,
  type ReportTotals,
  TERMINAL_OUTCOMES,
  type TreatmentResult,
  type VariantDefinition,
} from '@uplift/domain';
import { enqueueDelivery, unscheduleEvaluation } from '@uplift/jobs';
import type { Queue } from 'bullmq';
import { completeExperiment } from './complete-experiment';

/** A running experiment with no new data for this long raises a no-data alert (once, until data arrives). */
export const NO_DATA_AFTER_MS = 24 * 3600 * 1000;

export type EvaluateOutcome =
  | { skipped: 'not found' | 'not running' | 'up to date' }
  | { dataVersion: number; outcome: string; stored: boolean };

/**
 * Evaluates one experiment: reads its aggregates (never raw events) at one consistent data version, stores a
 * snapshot for that version, and acts on the decision. The snapshot, the decision's effects and its
 * notifications commit together, so a worker killed mid-way redoes the whole step and writes it once.
 */
export async function evaluateExperimentJob(db: Db, queue: Queue, experimentId: string, now = new Date()) {
  const experiment = await db.experiment.findUnique({ where: { id: experimentId }, include: { workspace: true } });
  if (!experiment) return { skipped: 'not found' } as EvaluateOutcome;
  if (experiment.status !== 'RUNNING') return { skipped: 'not running' } as EvaluateOutcome;
  await alertNoData(db, queue, experiment, now);
  if (experiment.evaluatedVersion === experiment.dataVersion) return { skipped: 'up to date' } as EvaluateOutcome;

  const ws = experiment.workspace;
  const { version, evaluation } = experiment.locationSplit
    ? await evaluateLocationTest(db, experiment)
    : await evaluateAbTest(db, experiment);
  const { outcome, reason, winner } = evaluation.decision;
  // Test hook (reliability tests only): hold the evaluation here so a test can SIGKILL the worker mid-way.
  const pause = Number(process.env.UPLIFT_TEST_EVALUATION_PAUSE_MS ?? 0);
  if (pause > 0) await new Promise((r) => setTimeout(r, pause));
  const terminal = TERMINAL_OUTCOMES.has(outcome);

  const deliveries: string[] = [];
  const stored = await db.$transaction(async (tx) => {
    const fresh = await saveSnapshot(tx, {
      experimentId,
      dataVersion: version,
      users: evaluation.users,
      analysis: evaluation.analysis,
      guardrails: evaluation.guardrails,
      segments: evaluation.segments,
      outcome,
      reason,
      winner,
    });
    // Another worker may have evaluated a newer version, or a person stopped the experiment meanwhile.
    const current = await tx.experiment.findUniqueOrThrow({ where: { id: experimentId } });
    if (!fresh || current.status !== 'RUNNING' || (current.evaluatedVersion ?? -1) > version) return fresh;
    const becameSrm = outcome === 'SRM_HALT' && current.outcome !== 'SRM_HALT';
    const complete = terminal && !ws.confirmDecisions;
    const pending = terminal && ws.confirmDecisions && current.pendingOutcome !== outcome;
    await tx.experiment.update({
      where: { id: experimentId },
      data: {
        evaluatedVersion: version,
        evaluatedAt: now,
        outcome,
        outcomeReason: reason,
        ...(terminal && ws.confirmDecisions ? { pendingOutcome: outcome } : {}),
        ...(!terminal ? { pendingOutcome: null } : {}),
      },
    });
    const base = { workspaceId: ws.id, experimentId, data: payloadOf(experiment, evaluation, version) };
    const say = async (n: Omit<NotificationInput, 'workspaceId' | 'experimentId' | 'data'>) =>
      deliveries.push(...(await notify(tx, { ...base, ...n })));
    if (becameSrm) {
      await say({ kind: 'srm', title: `Sample ratio mismatch in "${experiment.name}"`, body: reason });
    }
    if (pending) {
      await say({
        kind: 'decision_pending',
        title: `"${experiment.name}" reached ${outcome}: a product owner's confirmation is needed`,
        body: reason,
      });
    }
    if (complete) {
      deliveries.push(
        ...(await completeExperiment(tx, {
          experiment,
          outcome: outcome as 'WIN' | 'LOSS' | 'INCONCLUSIVE',
          reason,
          actor: null,
          data: base.data,
          now,
        })),
      );
    }
    return fresh;
  });
  for (const id of deliveries) await enqueueDelivery(queue, id);
  if (stored && terminal && !ws.confirmDecisions) {
    await unscheduleEvaluation(queue, experimentId).catch(() => {});
    await rerankBacklog(db, ws.id);
  }
  return { dataVersion: version, outcome, stored } as EvaluateOutcome;
}

function payloadOf(
  experiment: { key: string; name: string },
  evaluation: Pick<Evaluation, 'users' | 'decision'>,
  dataVersion: number,
) {
  return {
    experiment: experiment.key,
    name: experiment.name,
    dataVersion,
    users: evaluation.users,
    decision: {
      outcome: evaluation.decision.outcome,
      reason: evaluation.decision.reason,
      winner: evaluation.decision.winner,
    },
  };
}

async function alertNoData(
  db: Db,
  queue: Queue,
  experiment: {
    id: string;
    name: string;
    key: string;
    workspaceId: string;
    lastDataAt: Date | null;
    startedAt: Date | null;
  },
  now: Date,
) {
  const since = experiment.lastDataAt ?? experiment.startedAt;
  if (!since || now.getTime() - since.getTime() < NO_DATA_AFTER_MS) return;
  const deliveries = await db.$transaction(async (tx) => {
    // Conditional update: of two concurrent evaluations, one raises the alert.
    const claimed = await tx.experiment.updateMany({
      where: { id: experiment.id, noDataAlertedAt: null },
      data: { noDataAlertedAt: now },
    });
    if (!claimed.count) return [];
    const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
    return notify(tx, {
      workspaceId: experiment.workspaceId,
      experimentId: experiment.id,
      kind: 'no_data',
      title: `No data for "${experiment.name}" in ${hours} hours`,
      body: `The experiment is running but has received no events or reports since ${since.toISOString()}. Check the email tool's integration.`,
      data: { experiment: experiment.key, since: since.toISOString() },
    });
  });
  for (const id of deliveries) await enqueueDelivery(queue, id);
}

/** The lower rung's winning result as an informative prior (README, "Evidence carries over"). */
async function priorOf(db: Db, fromExperimentId: string | null, discount: number) {
  if (!fromExperimentId) return null;
  const lower = await db.experimentSnapshot.findFirst({
    where: { experimentId: fromExperimentId },
    orderBy: { dataVersion: 'desc' },
    include: { experiment: { select: { key: true } } },
  });
  const winner = (lower?.analysis as unknown as AnalyzeResult | undefined)?.variants
    .slice(1)
    .find((v) => v.key === lower?.winner) as TreatmentResult | undefined;
  if (!lower || !winner || winner.estimate == null || !winner.se) return null;
  return {
    ...priorFromLowerRung({ estimate: winner.estimate, se: winner.se }, discount),
    variant: winner.key,
    from: lower.experiment.key,
  };
}

type ExperimentRow = NonNullable<Awaited<ReturnType<Db['experiment']['findUnique']>>> & {
  workspace: { winChance: number; maxRisk: number; lossChance: number; priorDiscount: number };
};
interface Evaluated {
  users: number;
  analysis: unknown;
  guardrails: { name: string; direction: string; analysis: unknown }[];
  segments: unknown;
  decision: ExperimentDecision;
}

/** A/B test: the aggregates (and reports) at one consistent data version, through the statistics engine. */
async function evaluateAbTest(db: Db, experiment: ExperimentRow): Promise<{ version: number; evaluation: Evaluated }> {
  const { version, aggregates, reports } = await db.$transaction(
    async (tx) => {
      const row = await tx.experiment.findUniqueOrThrow({
        where: { id: experiment.id },
        select: { dataVersion: true },
      });
      return {
        version: row.dataVersion,
        aggregates: await readAggregates(tx, experiment.id),
        reports: await latestReports(tx, experiment.id),
      };
    },
    { isolationLevel: 'RepeatableRead' },
  );
  const ws = experiment.workspace;
  const prior = await priorOf(db, experiment.priorFromExperimentId, ws.priorDiscount);
  const evaluation = evaluateExperiment({
    variants: experiment.variants as unknown as VariantDefinition[],
    metrics: experiment.metrics as unknown as ExperimentMetrics,
    analysis: experiment.analysis as unknown as AnalysisSettings,
    plannedUsers: experiment.plannedUsers,
    segmentAttribute: experiment.segmentAttribute,
    aggregates,
    reports: reports.map((r) => ({ metric: r.metric, variants: r.variants as unknown as ReportTotals['variants'] })),
    decision: { winChance: ws.winChance, maxRisk: ws.maxRisk, lossChance: ws.lossChance },
    ...(prior ? { prior } : {}),
  });
  return {
    version,
    evaluation: {
      ...evaluation,
      guardrails: evaluation.guardrails.map(({ name, direction, analysis }) => ({ name, direction, analysis })),
    },
  };
}

/** Offline location test: weekly sales per location, difference-in-differences against the holdout. */
async function evaluateLocationTest(
  db: Db,
  experiment: ExperimentRow,
): Promise<{ version: number; evaluation: Evaluated }> {
  const split = experiment.locationSplit as unknown as { treatment: string[]; holdout: string[]; start: string };
  const { version, rows } = await db.$transaction(
    async (tx) => ({
      version: (await tx.experiment.findUniqueOrThrow({ where: { id: experiment.id }, select: { dataVersion: true } }))
        .dataVersion,
      rows: await tx.locationSales.findMany({ where: { experimentId: experiment.id } }),
    }),
    { isolationLevel: 'RepeatableRead' },
  );
  const weekly = rows.map((r) => ({ location: r.location, week: r.week.toISOString().slice(0, 10), sales: r.sales }));
  const alpha = (experiment.analysis as unknown as AnalysisSettings).alpha;
  const analysis = analyzeLocations({
    rows: weekly,
    treatment: split.treatment,
    holdout: split.holdout,
    start: split.start,
    alpha,
  });
  const postWeeks = new Set(weekly.filter((r) => r.week >= split.start).map((r) => r.week)).size;
  return {
    version,
    evaluation: {
      users: analysis.treatment.locations + analysis.holdout.locations,
      analysis,
      guardrails: [],
      segments: null,
      decision: decideLocationTest(analysis, postWeeks),
    },
  };
}

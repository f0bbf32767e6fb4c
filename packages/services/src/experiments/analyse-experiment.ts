import {
  type EvaluationExperiment,
  lastLocationLook,
  lowerRungSnapshot,
  readEvaluationData,
  readLocationSalesData,
} from '@uplift/db';
import {
  carriedPrior,
  type ExperimentDecision,
  evaluateExperiment as evaluateAggregates,
  evaluateLocationTest,
  type StoredLocationSplit,
  storedLocationMethod,
} from '@uplift/domain';
import type { ServiceDeps } from '../deps';

/** What one evaluation concludes, in the shape a snapshot stores. */
export interface Evaluated {
  users: number;
  analysis: unknown;
  guardrails: { name: string; direction: string; analysis: unknown }[];
  segments: unknown;
  decision: ExperimentDecision;
}

/** Reads the experiment's data at one consistent version and runs the statistics its design calls for. */
export function analyseExperiment(
  deps: Pick<ServiceDeps, 'db'>,
  experiment: EvaluationExperiment,
): Promise<{ version: number; evaluation: Evaluated }> {
  return experiment.locationSplit
    ? analyseLocationTest(deps, experiment, experiment.locationSplit)
    : analyseAbTest(deps, experiment);
}

/** A/B test: the aggregates (and reports) at one data version, through the statistics engine. */
async function analyseAbTest(deps: Pick<ServiceDeps, 'db'>, experiment: EvaluationExperiment) {
  const { version, aggregates, reports } = await readEvaluationData(deps.db, experiment.id);
  const ws = experiment.workspace;
  const lower = experiment.priorFromExperimentId
    ? await lowerRungSnapshot(deps.db, experiment.priorFromExperimentId)
    : null;
  const prior = carriedPrior(lower, ws.priorDiscount);
  const evaluation = evaluateAggregates({
    variants: experiment.variants,
    metrics: experiment.metrics,
    analysis: experiment.analysis,
    plannedUsers: experiment.plannedUsers,
    segmentAttribute: experiment.segmentAttribute,
    aggregates,
    reports,
    decision: { winChance: ws.winChance, maxRisk: ws.maxRisk, lossChance: ws.lossChance },
    ...(prior ? { prior } : {}),
  });
  const guardrails = evaluation.guardrails.map(({ name, direction, analysis }) => ({ name, direction, analysis }));
  return { version, evaluation: { ...evaluation, guardrails } };
}

/**
 * Offline location test: weekly sales per location against the holdout, by the method stored with the split
 * (domain evaluateLocationTest). A difference-in-differences is held each week to its group-sequential boundary,
 * and only a new week is a new look: data that adds none (a corrected upload) is stored but decides nothing
 * (domain decideLocationTest). A synthetic control (few treated locations) decides at its last planned week only.
 */
async function analyseLocationTest(
  deps: Pick<ServiceDeps, 'db'>,
  experiment: EvaluationExperiment,
  split: StoredLocationSplit,
) {
  const { version, weekly } = await readLocationSalesData(deps.db, experiment.id);
  const previousLook = await lastLocationLook(deps.db, experiment.id, version);
  const { analysis, decision } = evaluateLocationTest(
    {
      rows: weekly,
      treatment: split.treatment,
      holdout: split.holdout,
      start: split.start,
      alpha: experiment.analysis.alpha,
      method: storedLocationMethod(split),
      ...(split.plannedWeeks ? { plannedWeeks: split.plannedWeeks } : {}),
    },
    previousLook,
  );
  const evaluation: Evaluated = {
    users: analysis.treatment.locations + analysis.holdout.locations,
    analysis,
    guardrails: [],
    segments: null,
    decision,
  };
  return { version, evaluation };
}

import { sequenceSettings } from './bayesian-gate';
import { type DecisionSettings, decideExperiment, type ExperimentDecision, type GuardrailAnalysis } from './decision';
import type { ExperimentMetrics } from './experiment-metrics';
import { bayesianWithPrior, type NormalPrior } from './ladder/prior';
import { analyzeMetric, type MetricAnalysis } from './metric-analysis';
import type { MetricAnalysisInput } from './metric-inputs';
import { cupedPlannedUsers } from './planned-users';
import type { AnalyzeResult, BayesianTreatmentResult } from './stats/types';

export type { AggregateRow, ReportTotals } from './metric-inputs';

export interface EvaluationInput extends MetricAnalysisInput {
  metrics: ExperimentMetrics;
  plannedUsers: number;
  segmentAttribute: string | null;
  decision: Pick<DecisionSettings, 'winChance' | 'maxRisk' | 'lossChance'>;
  /** Evidence carried up the ladder: the lower rung's result as a prior for this treatment (Bayesian only). */
  prior?: NormalPrior & { variant: string; from: string };
}

export interface Evaluation {
  users: number;
  /** With CUPED, `analysis.cuped` holds coverage, ρ and the planned users it allows (plannedUsers × (1 − ρ²)). */
  analysis: MetricAnalysis;
  guardrails: (GuardrailAnalysis & { direction: 'up' | 'down' })[];
  /** Per value of the segment attribute, the primary metric's analysis; null when no breakdown is configured. */
  segments: { segment: string; analysis: AnalyzeResult }[] | null;
  decision: ExperimentDecision;
}

/** Evaluates a running experiment from its aggregates: the `analyze` output per metric (and segment) and the decision. */
export function evaluateExperiment(input: EvaluationInput): Evaluation {
  // CUPED for the primary metric: its covariates are the units' pre-period values of that metric.
  const analysis = withPrior(analyzeMetric(input, input.metrics.primary, null, { cuped: true }), input);
  const rho = analysis.cuped?.correlation;
  const plannedUsers = rho == null ? input.plannedUsers : cupedPlannedUsers(input.plannedUsers, rho);
  if (analysis.cuped && rho != null) analysis.cuped.plannedUsers = plannedUsers;
  // Bayesian: the always-valid confidence sequence over the same data (bayesian-gate.ts), which must confirm a
  // decision before the planned sample: the engine's sequential test on the absolute difference, tuned at the plan.
  const sequences =
    input.analysis.engine === 'bayesian'
      ? analyzeMetric(sequenceInput(input, plannedUsers), input.metrics.primary, null, {
          difference: 'absolute',
          cuped: true,
        })
      : null;
  const guardrails = input.metrics.guardrails.map((g) => ({
    name: g.name,
    direction: g.direction,
    harmful: g.direction === 'down' ? ('up' as const) : ('down' as const),
    // Absolute difference: a guardrail such as unsubscribes is often 0 in the control, where a relative
    // difference is undefined and would hide the harm.
    analysis: analyzeMetric(input, g, null, { difference: 'absolute' }),
  }));
  const segmentValues = [...new Set(input.aggregates.map((a) => a.segment))].sort();
  const segments = input.segmentAttribute
    ? segmentValues.map((segment) => ({
        segment,
        analysis: analyzeMetric(input, input.metrics.primary, segment, { cuped: true }),
      }))
    : null;
  const users = analysis.variants.reduce((s, v) => s + v.users, 0);
  const decision = decideExperiment({
    primary: analysis,
    guardrails,
    plannedUsers,
    sequences,
    settings: {
      engine: input.analysis.engine,
      sequential: input.analysis.sequential,
      alpha: input.analysis.alpha,
      minLift: input.analysis.minLift ?? null,
      ...input.decision,
    },
  });
  return { users, analysis, guardrails, segments, decision };
}

/**
 * A Bayesian primary analysis of the prior's treatment starts from the lower rung's result: chance to win,
 * interval and risk come from the posterior (ladder/prior.ts); the estimate and se stay the data's own.
 */
function withPrior(analysis: MetricAnalysis, input: EvaluationInput): MetricAnalysis {
  const { prior } = input;
  if (!prior || input.analysis.engine !== 'bayesian' || analysis.srm.flagged) return analysis;
  const variants = analysis.variants.map((v) => {
    const t = v as BayesianTreatmentResult;
    if (t.key !== prior.variant || t.estimate === null || t.estimate === undefined || !t.se) return v;
    const posterior = bayesianWithPrior(t.estimate, t.se, input.analysis.alpha, prior);
    const significant = posterior.ci[0] > 0 || posterior.ci[1] < 0;
    return {
      ...t,
      chanceToWin: posterior.chanceToWin,
      ci: posterior.ci,
      risk: posterior.risk,
      significant,
      decision: significant ? (posterior.ci[0] > 0 ? 'win' : 'loss') : 'inconclusive',
    };
  }) as AnalyzeResult['variants'];
  const note = `informative prior from "${prior.from}" for "${prior.variant}": Normal(${prior.mean.toPrecision(4)}, variance ${prior.variance.toPrecision(4)})`;
  return { ...analysis, variants, warnings: [...analysis.warnings, note] };
}

/** The evaluation input with the settings of `sequenceRequest` (frequentist, sequential at the plan, no correction). */
function sequenceInput(input: EvaluationInput, plannedUsers: number): EvaluationInput {
  const { engine, alpha, sequential, correction } = sequenceSettings(input.analysis.alpha, plannedUsers);
  return { ...input, analysis: { ...input.analysis, engine, alpha, sequential, correction } };
}

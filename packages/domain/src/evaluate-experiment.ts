import { type DecisionSettings, decideExperiment, type ExperimentDecision, type GuardrailAnalysis } from './decision';
import type { AnalysisSettings, ExperimentMetrics, MetricKind, VariantDefinition } from './experiment';
import { bayesianWithPrior, type NormalPrior } from './ladder/prior';
import { analyze } from './stats/analyze';
import type { AnalyzeRequest, VariantStats } from './stats/request';
import type { AnalyzeResult, BayesianTreatmentResult } from './stats/types';

/** One row of the aggregates kept at ingestion: metric "" counts exposed units; others sum unit values. */
export interface AggregateRow {
  variant: string;
  segment: string;
  metric: string;
  units: number;
  sum: number;
  sumSquares: number;
  /** CUPED, metric "": exposed units with a covariate x, Σx and Σx² over them. */
  covariateUnits?: number;
  covariateSum?: number;
  covariateSumSquares?: number;
  /** CUPED, metric rows: Σxy and Σy over the units with a covariate. */
  sumProduct?: number;
  coveredSum?: number;
  /** Ratio metric rows: Σ numerator·denominator per unit. */
  crossSum?: number;
}

export interface ReportTotals {
  metric: string;
  variants: { key: string; users: number; conversions?: number; sum?: number; sumSquares?: number }[];
}

export interface EvaluationInput {
  variants: VariantDefinition[];
  metrics: ExperimentMetrics;
  analysis: AnalysisSettings;
  plannedUsers: number;
  segmentAttribute: string | null;
  aggregates: AggregateRow[];
  /** The newest campaign report per metric; where one exists it replaces the event data of that metric. */
  reports: ReportTotals[];
  decision: Pick<DecisionSettings, 'winChance' | 'maxRisk' | 'lossChance'>;
  /** Evidence carried up the ladder: the lower rung's result as a prior for this treatment (Bayesian only). */
  prior?: NormalPrior & { variant: string; from: string };
}

export interface Evaluation {
  users: number;
  analysis: AnalyzeResult;
  guardrails: (GuardrailAnalysis & { direction: 'up' | 'down' })[];
  /** Per value of the segment attribute, the primary metric's analysis; null when no breakdown is configured. */
  segments: { segment: string; analysis: AnalyzeResult }[] | null;
  decision: ExperimentDecision;
}

/** Sufficient statistics of one metric per variant, from a report when there is one, else from the events. */
function statsOf(input: EvaluationInput, metric: string, segment: string | null): VariantStats[] {
  const report = segment === null ? input.reports.find((r) => r.metric === metric) : undefined;
  return input.variants.map(({ key }) => {
    if (report) {
      const row = report.variants.find((v) => v.key === key);
      const sum = row?.conversions ?? row?.sum ?? 0;
      return { key, users: row?.users ?? 0, sum, sumSquares: row?.sumSquares ?? sum };
    }
    const rows = input.aggregates.filter((a) => a.variant === key && (segment === null || a.segment === segment));
    const total = (m: string, f: 'units' | 'sum' | 'sumSquares') =>
      rows.reduce((s, a) => (a.metric === m ? s + a[f] : s), 0);
    return { key, users: total('', 'units'), sum: total(metric, 'sum'), sumSquares: total(metric, 'sumSquares') };
  });
}

function analyzeMetric(
  input: EvaluationInput,
  metric: { name: string; kind: MetricKind },
  segment: string | null,
  difference: 'relative' | 'absolute' = 'relative',
) {
  const request: AnalyzeRequest = {
    metric: metric.kind,
    variants: statsOf(input, metric.name, segment),
    engine: input.analysis.engine,
    difference,
    alpha: input.analysis.alpha,
    sequential: input.analysis.sequential,
    weights: input.variants.map((v) => v.weight),
    correction: input.analysis.correction,
    cuped: false,
  };
  return analyze(request);
}

/** Evaluates a running experiment from its aggregates: the `analyze` output per metric (and segment) and the decision. */
export function evaluateExperiment(input: EvaluationInput): Evaluation {
  const analysis = withPrior(analyzeMetric(input, input.metrics.primary, null), input);
  const guardrails = input.metrics.guardrails.map((g) => ({
    name: g.name,
    direction: g.direction,
    harmful: g.direction === 'down' ? ('up' as const) : ('down' as const),
    // Absolute difference: a guardrail such as unsubscribes is often 0 in the control, where a relative
    // difference is undefined and would hide the harm.
    analysis: analyzeMetric(input, g, null, 'absolute'),
  }));
  const segmentValues = [...new Set(input.aggregates.map((a) => a.segment))].sort();
  const segments = input.segmentAttribute
    ? segmentValues.map((segment) => ({ segment, analysis: analyzeMetric(input, input.metrics.primary, segment) }))
    : null;
  const users = analysis.variants.reduce((s, v) => s + v.users, 0);
  const decision = decideExperiment({
    primary: analysis,
    guardrails,
    plannedUsers: input.plannedUsers,
    settings: { engine: input.analysis.engine, sequential: input.analysis.sequential, ...input.decision },
  });
  return { users, analysis, guardrails, segments, decision };
}

/**
 * A Bayesian primary analysis of the prior's treatment starts from the lower rung's result: chance to win,
 * interval and risk come from the posterior (ladder/prior.ts); the estimate and se stay the data's own.
 */
function withPrior(analysis: AnalyzeResult, input: EvaluationInput): AnalyzeResult {
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

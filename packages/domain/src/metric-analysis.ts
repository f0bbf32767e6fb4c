import { type CoveredStats, type CupedInput, cupedInput, engineTakesCuped } from './cuped/adjust';
import type { MetricDefinition } from './experiment-metrics';
import { type MetricAnalysisInput, type ReportTotals, requestSettings, totalOf } from './metric-inputs';
import { analyzeRatio } from './ratio-analysis';
import { analyze } from './stats/analyze';
import type { AnalyzeRequest, VariantStats } from './stats/request';
import type { AnalyzeResult, TreatmentResult } from './stats/types';

/**
 * A treatment analysed with CUPED: the unadjusted comparison beside the adjusted one, and what CUPED cut (the
 * engine's per-treatment `cuped` when it gives one; else the pipeline fills the same fields from a raw run).
 */
export interface TreatmentCuped {
  raw: { estimate: number | null; se: number | null; ci: [number, number] | null } | null;
  /** 1 − (adjusted se / raw se)²; null when either se is. */
  varianceReduction: number | null;
  /** 1 − adjusted interval width / raw width: "CUPED cut the interval by 31%" reads 0.31. */
  intervalReduction?: number | null;
}

/** The engine's CUPED summary, and what the pipeline adds: coverage, ρ and the planned users it allows. */
export interface CupedSummary {
  theta: number | null;
  coverage: number;
  correlation: number | null;
  plannedUsers?: number;
}

export type MetricAnalysis = Omit<AnalyzeResult, 'cuped'> & { cuped?: CupedSummary };

/** Each variant's sums of one metric (and the CUPED sums), from the events' aggregates. */
function coveredOf(input: MetricAnalysisInput, metric: string, segment: string | null): CoveredStats[] {
  return input.variants.map(({ key }) => {
    const total = totalOf(input, key, segment);
    return {
      key,
      users: total('', 'units'),
      sum: total(metric, 'sum'),
      sumSquares: total(metric, 'sumSquares'),
      covered: total('', 'covariateUnits'),
      covariateSum: total('', 'covariateSum'),
      covariateSumSquares: total('', 'covariateSumSquares'),
      sumProduct: total(metric, 'sumProduct'),
      coveredSum: total(metric, 'coveredSum'),
    };
  });
}

/** A report's totals as sufficient statistics (binomial: conversions; mean: sum and Σx²). */
function reportStats(report: ReportTotals, input: MetricAnalysisInput): VariantStats[] {
  return input.variants.map(({ key }) => {
    const row = report.variants.find((v) => v.key === key);
    const sum = row?.conversions ?? row?.sum ?? 0;
    return { key, users: row?.users ?? 0, sum, sumSquares: row?.sumSquares ?? sum };
  });
}

/**
 * One metric's `analyze` output, from its report when there is one, else from the events' aggregates. With
 * `cuped`, the metric is analysed with its covariates when the engine takes CUPED for its kind and at least 80%
 * of the users have one (cuped/adjust.ts); each treatment then carries its raw figures beside the adjusted ones.
 */
export function analyzeMetric(
  input: MetricAnalysisInput,
  metric: Pick<MetricDefinition, 'name' | 'kind' | 'numerator' | 'denominator'>,
  segment: string | null,
  options: { difference?: 'relative' | 'absolute'; cuped?: boolean } = {},
): MetricAnalysis {
  if (metric.kind === 'ratio') return analyzeRatio(input, metric, segment, options.difference);
  const report = segment === null ? input.reports.find((r) => r.metric === metric.name) : undefined;
  const covered = report ? null : coveredOf(input, metric.name, segment);
  const request: AnalyzeRequest = {
    metric: metric.kind,
    variants: report
      ? reportStats(report, input)
      : (covered ?? []).map(({ key, users, sum, sumSquares }) => ({ key, users, sum, sumSquares })),
    ...requestSettings(input, options.difference),
    cuped: false,
  };
  const adjusted = options.cuped && covered && engineTakesCuped(metric.kind) ? cupedInput(covered) : null;
  const raw = analyze(request);
  if (!adjusted) return raw as MetricAnalysis; // no cuped asked for: the engine added no summary
  return withCuped(raw, analyze({ ...request, variants: adjusted.variants, cuped: true }), adjusted);
}

/** The adjusted analysis, its treatments carrying their raw figures (unless the engine gives them itself). */
function withCuped(raw: AnalyzeResult, result: AnalyzeResult, input: CupedInput): MetricAnalysis {
  const variants = result.variants.map((v, i) => {
    const t = v as TreatmentResult & { cuped?: TreatmentCuped };
    const r = raw.variants[i] as TreatmentResult;
    if (i === 0 || t.cuped || r.estimate === undefined) return v;
    const reduction = t.se != null && r.se != null && r.se > 0 ? 1 - (t.se / r.se) ** 2 : null;
    const [a, b] = [t.ci, r.ci];
    const narrower = a && b && b[1] > b[0] ? 1 - (a[1] - a[0]) / (b[1] - b[0]) : null;
    const unadjusted = r.estimate === null ? null : { estimate: r.estimate, se: r.se, ci: r.ci };
    return { ...t, cuped: { raw: unadjusted, varianceReduction: reduction, intervalReduction: narrower } };
  }) as AnalyzeResult['variants'];
  const theta = result.cuped?.theta ?? null;
  return { ...result, variants, cuped: { theta, coverage: input.coverage, correlation: input.correlation } };
}

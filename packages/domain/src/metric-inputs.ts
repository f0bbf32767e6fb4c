import type { AnalysisSettings, VariantDefinition } from './experiment';
import type { AnalyzeRequest } from './stats/request';

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

export interface MetricAnalysisInput {
  variants: VariantDefinition[];
  analysis: AnalysisSettings;
  aggregates: AggregateRow[];
  /** The newest campaign report per metric; where one exists it replaces the event data of that metric. */
  reports: ReportTotals[];
}

/** The request fields every metric of an experiment shares (all but metric, variants and cuped). */
export function requestSettings(input: MetricAnalysisInput, difference: 'relative' | 'absolute' = 'relative') {
  return {
    engine: input.analysis.engine,
    difference,
    alpha: input.analysis.alpha,
    sequential: input.analysis.sequential,
    weights: input.variants.map((v) => v.weight),
    // A correction adjusts fixed-horizon p-values only: a Bayesian or sequential experiment keeps the setting (it
    // applies again if the rule is switched back) but does not send it, so its results carry no "ignored" note.
    correction:
      input.analysis.engine === 'frequentist' && input.analysis.sequential == null ? input.analysis.correction : 'none',
  } satisfies Partial<AnalyzeRequest>;
}

export type Summed =
  | 'units'
  | 'sum'
  | 'sumSquares'
  | 'covariateUnits'
  | 'covariateSum'
  | 'covariateSumSquares'
  | 'sumProduct'
  | 'coveredSum'
  | 'crossSum';

/** The sum of one field of one metric's rows of a variant (all segments when `segment` is null). */
export function totalOf(input: MetricAnalysisInput, variant: string, segment: string | null) {
  const rows = input.aggregates.filter((a) => a.variant === variant && (segment === null || a.segment === segment));
  return (metric: string, field: Summed) => rows.reduce((s, a) => (a.metric === metric ? s + (a[field] ?? 0) : s), 0);
}

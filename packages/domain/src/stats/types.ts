/** Mean, variance and unit count of one variant: all the tests below need. */
export interface Moments {
  users: number;
  mean: number;
  variance: number;
}

/** One treatment against the control, before it is worded as a result row. */
export interface Comparison {
  estimate: number;
  se: number;
  ci: [number, number];
  /** Fixed-horizon frequentist only; null for sequential and Bayesian. */
  pValue: number | null;
  /** Bayesian only. */
  chanceToWin: number | null;
  risk: [number, number] | null;
}

/** What CUPED did to one treatment's comparison (present when CUPED was applied). */
export interface CupedEffect {
  /** The same comparison without the adjustment (uncorrected p-value); null when that one is degenerate. */
  raw: Comparison | null;
  /** 1 − se²(adjusted)/se²(raw): the share of the difference's variance CUPED removed (about ρ²). */
  varianceReduction: number | null;
  /** 1 − width(adjusted interval)/width(raw interval): "CUPED cut the interval by 31%" reads 0.31. */
  intervalReduction: number | null;
}

export interface SrmResult {
  chiSquare: number;
  pValue: number;
  /** p < 0.001: the traffic split is broken, so no comparison may be read as a result. */
  flagged: boolean;
}

/**
 * What a caller should do with one treatment, assuming higher metric values are better:
 * `srm` whenever the split is broken (never a win), `win`/`loss` when significant, else `inconclusive`
 * (which includes degenerate data, whose statistics are null).
 */
export type Decision = 'win' | 'loss' | 'inconclusive' | 'srm';

export interface ControlResult {
  key: string;
  users: number;
  /** null when the variant has no users. */
  mean: number | null;
}

interface ComparisonFields extends ControlResult {
  estimate: number | null;
  se: number | null;
  ci: [number, number] | null;
  /** Frequentist: adjusted p (or p) < α, or for sequential the interval excludes 0; Bayesian: the
   *  interval excludes 0. Always false when SRM is flagged or the statistics are null. */
  significant: boolean;
  decision: Decision;
  /** Present on treatments when CUPED was applied (the request asked for it and θ could be estimated). */
  cuped?: CupedEffect;
}

export interface FrequentistTreatmentResult extends ComparisonFields {
  /** null under the sequential engine (a confidence sequence has no p-value) or for degenerate data. */
  pValue: number | null;
  /** Present only when a correction other than "none" was asked for. */
  adjustedPValue?: number | null;
}

export interface BayesianTreatmentResult extends ComparisonFields {
  chanceToWin: number | null;
  /** [expected loss of choosing control, expected loss of choosing the treatment]. */
  risk: [number, number] | null;
}

export type TreatmentResult = FrequentistTreatmentResult | BayesianTreatmentResult;

export interface AnalyzeResult {
  srm: SrmResult;
  /** The control first (no comparison fields), then each treatment against it, in request order. */
  variants: [ControlResult, ...TreatmentResult[]];
  /** Why a statistic is null, or an option was ignored; one sentence each. */
  warnings: string[];
  /**
   * Present when CUPED was asked for; theta is null when it could not be estimated (no pre-period variance),
   * and then nothing was adjusted. correlation is the pooled ρ of the metric and its covariate over all
   * units (null when either does not vary): a plan needs about (1 − ρ²) of the users with CUPED.
   */
  cuped?: { theta: number | null; correlation: number | null };
}

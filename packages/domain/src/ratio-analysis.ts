import type { MetricDefinition } from './experiment-metrics';
import { type MetricAnalysisInput, requestSettings, totalOf } from './metric-inputs';
import { analyze } from './stats/analyze';
import { ZAnalyzeRequest } from './stats/request';
import type { AnalyzeResult } from './stats/types';

/** What `analyze` takes per variant for a ratio metric (GrowthBook's ratio statistics). */
export interface RatioVariantStats {
  key: string;
  users: number;
  numSum: number;
  numSumSquares: number;
  denSum: number;
  denSumSquares: number;
  numDenSum: number;
}

/**
 * A ratio metric's per-variant statistics from the aggregates: each unit's numerator m and denominator d are its
 * values of two event metrics (0 without events), so Σm, Σm² and Σd, Σd² are those metrics' sums, and Σm·d is
 * the ratio's own row (`crossSum`, kept per unit at ingestion). Users are the exposed units.
 */
export function ratioStats(
  input: MetricAnalysisInput,
  metric: Pick<MetricDefinition, 'name' | 'numerator' | 'denominator'>,
  segment: string | null,
): RatioVariantStats[] {
  const [num, den] = [metric.numerator ?? '', metric.denominator ?? ''];
  return input.variants.map(({ key }) => {
    const total = totalOf(input, key, segment);
    return {
      key,
      users: total('', 'units'),
      numSum: total(num, 'sum'),
      numSumSquares: total(num, 'sumSquares'),
      denSum: total(den, 'sum'),
      denSumSquares: total(den, 'sumSquares'),
      numDenSum: total(metric.name, 'crossSum'),
    };
  });
}

/**
 * A ratio metric analysed per unit by the delta method (Deng et al. 2018, "Applying the Delta Method in Metric
 * Analytics"), done by the engine's `metric: "ratio"`. The request goes through the engine's schema, so an engine
 * without ratio metrics (or statistics it refuses) gives null figures and a warning saying why, not a crash.
 */
export function analyzeRatio(
  input: MetricAnalysisInput,
  metric: Pick<MetricDefinition, 'name' | 'numerator' | 'denominator'>,
  segment: string | null,
  difference: 'relative' | 'absolute' = 'relative',
): Omit<AnalyzeResult, 'cuped'> {
  const variants = ratioStats(input, metric, segment);
  const settings = requestSettings(input, difference);
  const parsed = ZAnalyzeRequest.safeParse({ metric: 'ratio', variants, ...settings });
  if (parsed.success) return analyze(parsed.data);
  const empty = variants.map(({ key, users }) => ({ key, users, sum: 0, sumSquares: 0 }));
  const result = analyze({ metric: 'mean', variants: empty, ...settings, difference: 'absolute' });
  const [first] = parsed.error.issues;
  const why = `${first?.path.join('.') || 'metric'}: ${first?.message}`;
  const warning = `ratio metric "${metric.name}" could not be analysed (${why}); its figures are null`;
  return { ...result, warnings: [warning, ...result.warnings.filter((w) => !w.includes('zero variance'))] };
}

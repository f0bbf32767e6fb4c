import { DomainError } from './errors';
import type { ReportInput } from './events';
import type { ExperimentMetrics, MetricKind } from './experiment-metrics';

/**
 * Checks an email tool's campaign report against its experiment: the metric and every variant must be the
 * experiment's, every variant must be covered exactly once, and a mean metric needs sum and sumSquares with
 * sumSquares ≥ sum²/users (a variance cannot be negative; 1e-9 forgives rounding). Returns the metric reported.
 */
export function validateReport(
  report: ReportInput,
  experiment: { key: string; variants: { key: string }[]; metrics: ExperimentMetrics },
): { metric: string; kind: MetricKind } {
  const { key, variants, metrics } = experiment;
  const name = report.metric ?? metrics.primary.name;
  const metric = [metrics.primary, ...metrics.guardrails].find((m) => m.name === name);
  if (!metric) throw new DomainError('BAD_INPUT', `"${name}" is not a metric of this experiment.`, 'metric');
  if (metric.kind === 'ratio') {
    const parts = `"${metric.numerator}" and "${metric.denominator}"`;
    throw new DomainError('BAD_INPUT', `"${name}" is a ratio metric; report its parts (${parts}) instead.`, 'metric');
  }
  report.variants.forEach((v, i) => {
    const field = (f: string) => `variants.${i}.${f}`;
    if (!variants.some((d) => d.key === v.key)) {
      throw new DomainError(
        'BAD_INPUT',
        `"${v.key}" is not a variant of "${key}" (${variants.map((d) => d.key).join(', ')}).`,
        field('key'),
      );
    }
    if (report.variants.findIndex((w) => w.key === v.key) < i) {
      throw new DomainError('BAD_INPUT', `"${v.key}" is listed twice; send one row per variant.`, field('key'));
    }
    if (metric.kind !== 'mean') return;
    if (v.sum === undefined || v.sumSquares === undefined) {
      throw new DomainError(
        'BAD_INPUT',
        `sum and sumSquares are required for the mean metric "${name}".`,
        field('sum'),
      );
    }
    if (v.users > 0 && v.sumSquares < (v.sum ** 2 / v.users) * (1 - 1e-9)) {
      throw new DomainError('BAD_INPUT', 'cannot be below sum²/users.', field('sumSquares'));
    }
  });
  const missing = variants.filter((d) => !report.variants.some((v) => v.key === d.key)).map((d) => d.key);
  if (missing.length) {
    throw new DomainError(
      'BAD_INPUT',
      `the report must cover every variant; missing: ${missing.join(', ')}.`,
      'variants',
    );
  }
  return { metric: name, kind: metric.kind };
}

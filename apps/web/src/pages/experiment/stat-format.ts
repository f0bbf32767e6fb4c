import type { MetricKind } from '@uplift/domain';
import { formatAmount, formatLift } from '../../lib/format';

const rate = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const points = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const signedAmount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/** A variant's mean: a rate for conversions, an amount for averages. */
export const formatMean = (kind: MetricKind, mean: number | null) =>
  mean === null ? '—' : kind === 'binomial' ? rate.format(mean) : formatAmount(mean);

/**
 * A difference to the control: relative (the primary metric's lift, +12.3%) or absolute (guardrails: points
 * for rates, units for averages — a relative change from a control at 0 means nothing).
 */
export function formatDifference(value: number, kind: MetricKind, difference: 'relative' | 'absolute') {
  if (difference === 'relative') return formatLift(value);
  return kind === 'binomial' ? `${points.format(value * 100)} pp` : signedAmount.format(value);
}

export const formatInterval = (
  ci: [number, number] | null,
  kind: MetricKind,
  difference: 'relative' | 'absolute' = 'relative',
) => (ci ? `${formatDifference(ci[0], kind, difference)} to ${formatDifference(ci[1], kind, difference)}` : '—');

/** "95% interval" for α = 0.05. */
export const intervalLabel = (alpha: number) => `${+((1 - alpha) * 100).toFixed(1)}% interval`;

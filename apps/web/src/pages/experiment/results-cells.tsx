import { Badge, Text, Tooltip } from '@mantine/core';
import type { Decision, MetricKind } from '@uplift/domain';
import { formatCount, formatPValue, formatRate } from '../../lib/format';
import type { LiftView, ResultRow } from './results-model';
import { formatDifference, formatInterval } from './stat-format';

export const SIGNIFICANCE: Record<Decision, { label: string; color: string }> = {
  win: { label: 'Better', color: 'green' },
  loss: { label: 'Worse', color: 'red' },
  inconclusive: { label: 'Not significant', color: 'gray' },
  srm: { label: 'Split broken', color: 'red' },
};

/** The column labels every reading of the results shares: table, phone cards and CSV agree on words. */
export const meanLabel = (kind: MetricKind) =>
  kind === 'binomial' ? 'Conversion rate' : kind === 'ratio' ? 'Ratio' : 'Mean';
export const liftLabel = (view: LiftView) => (view === 'relative' ? 'Lift' : 'Difference');
/** What the evidence column holds, the same in the table and on a phone's cards. */
export const evidenceLabel = (bayesian: boolean, adjusted: boolean) =>
  bayesian ? 'Chance to win' : adjusted ? 'p-value (adjusted)' : 'p-value';
export const RISK_HINT =
  'Expected loss: how much of the metric you lose on average, should this variant in truth be worse than the control. Small is safe.';

export function Evidence({ row, bayesian }: { row: ResultRow; bayesian: boolean }) {
  if (bayesian) return <>{row.evidence === null ? '—' : formatRate(row.evidence)}</>;
  if (row.evidence === null)
    return (
      <Tooltip label="Sequential tests have no p-value: read the interval, which is valid at every look.">
        <Text span size="sm" c="dimmed">
          —
        </Text>
      </Tooltip>
    );
  return <>{formatPValue(row.evidence)}</>;
}

export const differenceText = (row: ResultRow, kind: MetricKind, view: LiftView) =>
  row.difference === null ? '—' : formatDifference(row.difference, kind, view);

export const intervalText = (row: ResultRow, kind: MetricKind, view: LiftView) =>
  formatInterval(row.interval, kind, view);

const riskShare = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });

/** Risk reads as a share of the metric (relative) or in its units (absolute), never signed. */
export function riskText(row: ResultRow, kind: MetricKind, view: LiftView) {
  if (row.risk === null) return '—';
  if (view === 'absolute') return formatDifference(row.risk, kind, 'absolute').replace(/^\+/, '');
  return row.risk > 0 && row.risk < 0.0001 ? '< 0.01%' : riskShare.format(row.risk);
}

export const conversionsText = (row: ResultRow) => (row.conversions === null ? '—' : formatCount(row.conversions));

export const differenceColor = (row: ResultRow) =>
  row.significant ? ((row.difference ?? 0) > 0 ? 'green.8' : 'red.8') : undefined;

export function SignificanceBadge({ decision }: { decision: Decision }) {
  return (
    <Badge color={SIGNIFICANCE[decision].color} variant="light" miw="max-content" data-testid="results-significance">
      {SIGNIFICANCE[decision].label}
    </Badge>
  );
}

export function ControlBadge() {
  return (
    <Badge size="xs" variant="outline" color="gray" miw="max-content">
      control
    </Badge>
  );
}

import { Badge, Table, Text, Tooltip } from '@mantine/core';
import type { AnalyzeResult, Decision, MetricKind, TreatmentResult } from '@uplift/domain';
import { formatCount, formatPValue, formatRate } from '../../lib/format';
import { formatDifference, formatInterval, formatMean, intervalLabel } from './stat-format';
import { isBayesian, treatmentsOf } from './types';

const SIGNIFICANCE: Record<Decision, { label: string; color: string }> = {
  win: { label: 'Better', color: 'green' },
  loss: { label: 'Worse', color: 'red' },
  inconclusive: { label: 'Not significant', color: 'gray' },
  srm: { label: 'Split broken', color: 'red' },
};

function Evidence({ t }: { t: TreatmentResult }) {
  if (isBayesian(t)) return <>{t.chanceToWin === null ? '—' : formatRate(t.chanceToWin)}</>;
  const p = t.adjustedPValue ?? t.pValue;
  if (p === null || p === undefined)
    return (
      <Tooltip label="Sequential tests have no p-value: read the interval, which is valid at every look.">
        <Text span size="sm" c="dimmed">
          —
        </Text>
      </Tooltip>
    );
  return <>{formatPValue(p)}</>;
}

interface Props {
  analysis: AnalyzeResult;
  kind: MetricKind;
  alpha: number;
  difference?: 'relative' | 'absolute';
  names?: Record<string, string>;
}

/** One row per variant: units, rate or mean, and for treatments the lift, its interval and the evidence. */
export function ResultsTable({ analysis, kind, alpha, difference = 'relative', names = {} }: Props) {
  const [control] = analysis.variants;
  const treatments = treatmentsOf(analysis);
  const bayesian = treatments.some(isBayesian);
  const adjusted = treatments.some((t) => !isBayesian(t) && t.adjustedPValue !== undefined);
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table verticalSpacing="xs" data-testid="results-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Variant</Table.Th>
            <Table.Th ta="right">Users</Table.Th>
            <Table.Th ta="right">
              {kind === 'binomial' ? 'Conversion rate' : kind === 'ratio' ? 'Ratio' : 'Mean'}
            </Table.Th>
            <Table.Th ta="right">{difference === 'relative' ? 'Lift' : 'Difference'}</Table.Th>
            <Table.Th ta="right">{intervalLabel(alpha)}</Table.Th>
            <Table.Th ta="right">{bayesian ? 'Chance to win' : adjusted ? 'p-value (adjusted)' : 'p-value'}</Table.Th>
            <Table.Th>Significance</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr data-testid="results-row" data-variant={control.key}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {names[control.key] ?? control.key}{' '}
                <Badge size="xs" variant="outline" color="gray">
                  control
                </Badge>
              </Text>
            </Table.Td>
            <Table.Td ta="right">{formatCount(control.users)}</Table.Td>
            <Table.Td ta="right">{formatMean(kind, control.mean)}</Table.Td>
            <Table.Td ta="right" c="dimmed" colSpan={4}>
              The baseline the others are compared to
            </Table.Td>
          </Table.Tr>
          {treatments.map((t) => (
            <Table.Tr key={t.key} data-testid="results-row" data-variant={t.key} data-decision={t.decision}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {names[t.key] ?? t.key}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatCount(t.users)}</Table.Td>
              <Table.Td ta="right">{formatMean(kind, t.mean)}</Table.Td>
              <Table.Td
                ta="right"
                fw={600}
                c={t.significant ? ((t.estimate ?? 0) > 0 ? 'green.8' : 'red.8') : undefined}
              >
                {t.estimate === null ? '—' : formatDifference(t.estimate, kind, difference)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatInterval(t.ci, kind, difference)}
              </Table.Td>
              <Table.Td ta="right">
                <Evidence t={t} />
              </Table.Td>
              <Table.Td>
                <Badge color={SIGNIFICANCE[t.decision].color} variant="light" miw="max-content">
                  {SIGNIFICANCE[t.decision].label}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

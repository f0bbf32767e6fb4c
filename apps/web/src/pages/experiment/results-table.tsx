import { Group, Table, Text, Tooltip } from '@mantine/core';
import type { MetricKind } from '@uplift/domain';
import { formatCount } from '../../lib/format';
import {
  ControlBadge,
  conversionsText,
  differenceColor,
  differenceText,
  Evidence,
  evidenceLabel,
  intervalText,
  liftLabel,
  meanLabel,
  RISK_HINT,
  riskText,
  SignificanceBadge,
} from './results-cells';
import type { LiftView, ResultRow } from './results-model';
import { formatMean, intervalLabel } from './stat-format';

interface Props {
  rows: ResultRow[];
  kind: MetricKind;
  alpha: number;
  view: LiftView;
  bayesian: boolean;
  adjusted: boolean;
}

/** One row per variant: units, conversions, rate or mean, and for treatments the lift, its interval and the evidence. */
export function ResultsTable({ rows, kind, alpha, view, bayesian, adjusted }: Props) {
  const binomial = kind === 'binomial';
  const span = 4 + (bayesian ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table verticalSpacing="xs" data-testid="results-table" data-view={view}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Variant</Table.Th>
            <Table.Th ta="right">Users</Table.Th>
            {binomial && <Table.Th ta="right">Conversions</Table.Th>}
            <Table.Th ta="right">{meanLabel(kind)}</Table.Th>
            <Table.Th ta="right">{liftLabel(view)}</Table.Th>
            <Table.Th ta="right">{intervalLabel(alpha)}</Table.Th>
            <Table.Th ta="right">{evidenceLabel(bayesian, adjusted)}</Table.Th>
            {bayesian && (
              <Table.Th ta="right">
                <Tooltip label={RISK_HINT} multiline w={280}>
                  <span>Risk</span>
                </Tooltip>
              </Table.Th>
            )}
            <Table.Th>Significance</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.key}
              data-testid="results-row"
              data-variant={r.key}
              data-decision={r.decision ?? undefined}
            >
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500} className="uplift-title">
                    {r.name}
                  </Text>
                  {r.control && <ControlBadge />}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{formatCount(r.users)}</Table.Td>
              {binomial && (
                <Table.Td ta="right" data-testid="results-conversions">
                  {conversionsText(r)}
                </Table.Td>
              )}
              <Table.Td ta="right">{formatMean(kind, r.mean)}</Table.Td>
              {r.control ? (
                <Table.Td ta="right" c="dimmed" colSpan={span}>
                  The baseline the others are compared to
                </Table.Td>
              ) : (
                <>
                  <Table.Td ta="right" fw={600} c={differenceColor(r)} data-testid="results-lift">
                    {differenceText(r, kind, view)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="results-interval">
                    {intervalText(r, kind, view)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Evidence row={r} bayesian={bayesian} />
                  </Table.Td>
                  {bayesian && (
                    <Table.Td ta="right" data-testid="results-risk">
                      {riskText(r, kind, view)}
                    </Table.Td>
                  )}
                  <Table.Td>{r.decision && <SignificanceBadge decision={r.decision} />}</Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

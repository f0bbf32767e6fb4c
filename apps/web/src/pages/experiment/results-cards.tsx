import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MetricKind } from '@uplift/domain';
import type { ReactNode } from 'react';
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
  riskText,
  SignificanceBadge,
} from './results-cells';
import type { LiftView, ResultRow } from './results-model';
import { formatMean, intervalLabel } from './stat-format';

function Cell({ label, children, testId, c }: { label: string; children: ReactNode; testId?: string; c?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} c={c} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

interface Props {
  rows: ResultRow[];
  kind: MetricKind;
  alpha: number;
  view: LiftView;
  bayesian: boolean;
  /** The p-values are corrected for several comparisons (Holm, Benjamini–Hochberg). */
  adjusted: boolean;
}

/** The results on a phone: one card per variant, the lift, its interval and the decision first. */
export function ResultsCards({ rows, kind, alpha, view, bayesian, adjusted }: Props) {
  return (
    <Stack gap="xs" data-testid="results-cards" data-view={view}>
      {rows.map((r) => (
        <Paper key={r.key} withBorder p="sm" data-testid="results-card" data-variant={r.key} data-decision={r.decision}>
          <Stack gap="xs">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Group gap={6}>
                <Text size="sm" fw={600} className="uplift-title">
                  {r.name}
                </Text>
                {r.control && <ControlBadge />}
              </Group>
              {r.decision && <SignificanceBadge decision={r.decision} />}
            </Group>
            {!r.control && (
              <SimpleGrid cols={2} spacing="xs">
                <Cell label={liftLabel(view)} testId="results-lift" c={differenceColor(r)}>
                  {differenceText(r, kind, view)}
                </Cell>
                <Cell label={intervalLabel(alpha)} testId="results-interval">
                  {intervalText(r, kind, view)}
                </Cell>
                <Cell label={evidenceLabel(bayesian, adjusted)}>
                  <Evidence row={r} bayesian={bayesian} />
                </Cell>
                {bayesian && (
                  <Cell label="Risk" testId="results-risk">
                    {riskText(r, kind, view)}
                  </Cell>
                )}
              </SimpleGrid>
            )}
            <Text size="xs" c="dimmed">
              {formatCount(r.users)} users
              {r.conversions !== null && ` · ${conversionsText(r)} conversions`} · {meanLabel(kind).toLowerCase()}{' '}
              {formatMean(kind, r.mean)}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

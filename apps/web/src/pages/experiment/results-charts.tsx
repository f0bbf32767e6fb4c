import { Grid, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { AnalyzeResult, MetricKind } from '@uplift/domain';
import { lazy, type ReactNode, Suspense } from 'react';
import { intervalLabel } from './stat-format';
import type { Snapshot } from './types';

// recharts is most of a chart's weight: the numbers show first, the charts when their chunk arrives.
const LiftChart = lazy(() => import('./lift-chart').then((m) => ({ default: m.LiftChart })));
const LiftHistoryChart = lazy(() => import('./lift-history-chart').then((m) => ({ default: m.LiftHistoryChart })));
const RateHistoryChart = lazy(() => import('./rate-history-chart').then((m) => ({ default: m.RateHistoryChart })));

interface Props {
  analysis: AnalyzeResult;
  history: Snapshot[] | undefined;
  variants: { key: string; name: string }[];
  alpha: number;
  kind: MetricKind;
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" h="100%">
      <Stack gap="xs">
        <Title order={5}>{title}</Title>
        <Suspense fallback={<Skeleton h={160} />}>{children}</Suspense>
      </Stack>
    </Paper>
  );
}

/** The primary metric's charts: today's intervals, the lift over time with its band, each variant's rate. */
export function ResultsCharts({ analysis, history, variants, alpha, kind }: Props) {
  const names = Object.fromEntries(variants.map((v) => [v.key, v.name]));
  const interval = intervalLabel(alpha);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <ChartCard title={`Lift with its ${interval}`}>
          <LiftChart analysis={analysis} names={names} />
          <Text size="xs" c="dimmed">
            Bar: the interval; dot: the estimate; line: no change. A bar clear of the line is a real difference.
          </Text>
        </ChartCard>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <ChartCard title="Cumulative lift over time">
          <LiftHistoryChart snapshots={history ?? []} treatments={variants.slice(1)} intervalName={interval} />
        </ChartCard>
      </Grid.Col>
      <Grid.Col span={12}>
        <ChartCard title={kind === 'binomial' ? 'Conversion rate per variant over time' : 'Mean per variant over time'}>
          <RateHistoryChart snapshots={history ?? []} variants={variants} kind={kind} />
        </ChartCard>
      </Grid.Col>
    </Grid>
  );
}

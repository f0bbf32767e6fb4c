import { Skeleton, Stack, Table, Text } from '@mantine/core';
import type { SyntheticAnalysis } from '@uplift/domain';
import { lazy, Suspense } from 'react';
import { formatRate } from '../lib/format';
import { LocationHeadline, LocationWarnings } from './location-figure';

// recharts is most of a chart's weight: the numbers show first, the chart when its chunk arrives.
const SyntheticSeriesChart = lazy(() =>
  import('./synthetic-series-chart').then((m) => ({ default: m.SyntheticSeriesChart })),
);

/** The holdouts that weigh most in the synthetic control. */
const TOP_WEIGHTS = 5;

function Timing({ analysis: a }: { analysis: SyntheticAnalysis }) {
  const floor = a.holdout.locations > 0 ? ` (1/${a.holdout.locations + 1})` : '';
  return (
    <Text size="sm" data-testid="synthetic-look">
      Week {a.look} of {a.plannedWeeks}: a synthetic control decides at week {a.plannedWeeks} of {a.plannedWeeks} only,
      since its placebo p-value cannot go below one over the holdouts plus one{floor} and so cannot pass an early look's
      strict threshold.
      {a.preRmspe !== null && ` Fit before the start: off by ${formatRate(a.preRmspe)} of weekly sales on average.`}
    </Text>
  );
}

/**
 * A synthetic-control location test (few treated locations): the extra weekly sales per treated location, the
 * relative lift, the placebo p-value, when it decides, the holdouts it is built from, and the two series.
 */
export function SyntheticAnalysisPanel({ analysis: a }: { analysis: SyntheticAnalysis }) {
  const top = a.weights.slice(0, TOP_WEIGHTS);
  return (
    <Stack gap="sm" data-testid="location-analysis" data-method="synthetic">
      <LocationHeadline a={a} estimateLabel="Extra weekly sales / treated location" pLabel="Placebo p-value" />
      <Timing analysis={a} />
      {top.length > 0 && (
        <Table fz="sm" verticalSpacing={4} data-testid="synthetic-weights">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                Holdout location ({a.treatment.locations} treated, {a.holdout.locations} holdouts)
              </Table.Th>
              <Table.Th ta="right">Weight in the synthetic control</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {top.map((w) => (
              <Table.Tr key={w.location}>
                <Table.Td>{w.location}</Table.Td>
                <Table.Td ta="right">{formatRate(w.weight)}</Table.Td>
              </Table.Tr>
            ))}
            {a.weights.length > top.length && (
              <Table.Tr>
                <Table.Td c="dimmed" colSpan={2}>
                  and {a.weights.length - top.length} more holdouts
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      {a.series.length > 0 && (
        <Suspense fallback={<Skeleton h={220} />}>
          <SyntheticSeriesChart analysis={a} />
        </Suspense>
      )}
      <LocationWarnings warnings={a.warnings} />
    </Stack>
  );
}

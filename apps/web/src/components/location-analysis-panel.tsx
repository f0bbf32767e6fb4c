import { Skeleton, Stack, Table } from '@mantine/core';
import { isSyntheticAnalysis, type StoredLocationAnalysis } from '@uplift/domain';
import { lazy, Suspense } from 'react';
import { formatAmount } from '../lib/format';
import { LocationHeadline, LocationWarnings, maybe, signed } from './location-figure';
import { SyntheticAnalysisPanel } from './synthetic-analysis-panel';

// recharts is most of a chart's weight: the numbers show first, the chart when its chunk arrives.
const LocationBoundaryChart = lazy(() =>
  import('./location-boundary-chart').then((m) => ({ default: m.LocationBoundaryChart })),
);
const LocationWeeklyChart = lazy(() =>
  import('./location-weekly-chart').then((m) => ({ default: m.LocationWeeklyChart })),
);

/** A stored analysis is a location test's (difference-in-differences or synthetic control) rather than an A/B test's. */
export const isLocationAnalysis = (json: unknown): json is StoredLocationAnalysis =>
  Boolean(json) && typeof json === 'object' && 'treatment' in (json as object) && 'holdout' in (json as object);

/**
 * Treated locations against the holdout: the extra weekly sales per location, its interval, p-value and power, and
 * (snapshots since weekly looks) this week's statistic against the group-sequential boundary.
 */
export function LocationAnalysisPanel({ analysis: a }: { analysis: StoredLocationAnalysis }) {
  if (isSyntheticAnalysis(a)) return <SyntheticAnalysisPanel analysis={a} />;
  return (
    <Stack gap="sm" data-testid="location-analysis">
      <LocationHeadline a={a} estimateLabel="Extra weekly sales / location" pLabel="p-value" />
      <Table fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Group</Table.Th>
            <Table.Th ta="right">Locations</Table.Th>
            <Table.Th ta="right">Weekly sales before</Table.Th>
            <Table.Th ta="right">Weekly sales since</Table.Th>
            <Table.Th ta="right">Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(['treatment', 'holdout'] as const).map((group) => (
            <Table.Tr key={group}>
              <Table.Td>{group === 'treatment' ? 'Treatment' : 'Holdout'}</Table.Td>
              <Table.Td ta="right">{a[group].locations}</Table.Td>
              <Table.Td ta="right">{maybe(a[group].preMean, formatAmount)}</Table.Td>
              <Table.Td ta="right">{maybe(a[group].postMean, formatAmount)}</Table.Td>
              <Table.Td ta="right">{maybe(a[group].change, signed)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {a.weekly && a.weekly.length > 0 && (
        <Suspense fallback={<Skeleton h={240} />}>
          <LocationWeeklyChart weekly={a.weekly} look={a.sequential?.look ?? null} />
        </Suspense>
      )}
      {a.sequential && (
        <Suspense fallback={<Skeleton h={220} />}>
          <LocationBoundaryChart sequential={a.sequential} />
        </Suspense>
      )}
      <LocationWarnings warnings={a.warnings} />
    </Stack>
  );
}

import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { SyntheticAnalysis } from '@uplift/domain';
import { formatAmount } from '../lib/format';

/**
 * The treated locations' mean weekly sales against their synthetic control, week by week: the two lines should
 * agree before the start (the fit) and part after it by the effect.
 */
export function SyntheticSeriesChart({ analysis: a }: { analysis: SyntheticAnalysis }) {
  if (a.series.length === 0) return null;
  const start = a.series[a.series.length - a.look]?.week;
  return (
    <>
      <LineChart
        h={220}
        data={a.series}
        dataKey="week"
        series={[
          { name: 'treated', color: 'indigo.6', label: 'Treated locations (mean)' },
          { name: 'synthetic', color: 'gray.6', label: 'Synthetic control', strokeDasharray: '4 4' },
        ]}
        curveType="linear"
        withDots={false}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={formatAmount}
        referenceLines={start && a.look > 0 ? [{ x: start, color: 'dark.3', label: 'start' }] : []}
        data-testid="synthetic-series-chart"
      />
      <Text size="xs" c="dimmed">
        Weekly sales per treated location and the holdouts' weighted stand-in for them; the gap after the start is the
        estimated effect.
      </Text>
    </>
  );
}

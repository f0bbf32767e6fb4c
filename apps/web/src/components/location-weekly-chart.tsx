import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { WeeklyGroupMeans } from '@uplift/domain';
import { formatAmount, formatDate } from '../lib/format';

interface Props {
  weekly: WeeklyGroupMeans[];
  /** Post-period weeks so far: the last `look` weeks are after the start. */
  look: number | null;
}

/**
 * A difference-in-differences location test week by week: the treated and holdout locations' mean weekly sales.
 * Before the start the two lines should move together (parallel trends); after it the treated line should part
 * from the holdout's by the effect.
 */
export function LocationWeeklyChart({ weekly, look }: Props) {
  if (weekly.length === 0) return null;
  const data = weekly.map((w) => ({ ...w, label: formatDate(w.week) }));
  const start = look && look > 0 ? data[data.length - look]?.label : undefined;
  return (
    <>
      <LineChart
        h={240}
        data={data}
        dataKey="label"
        series={[
          { name: 'treated', color: 'indigo.6', label: 'Treated locations (mean)' },
          { name: 'holdout', color: 'gray.6', label: 'Holdout locations (mean)' },
        ]}
        curveType="linear"
        connectNulls
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={formatAmount}
        referenceLines={start ? [{ x: start, color: 'dark.3', label: 'start' }] : []}
        data-testid="location-weekly-chart"
      />
      <Text size="xs" c="dimmed">
        Mean weekly sales per location of each group. Before the start the lines should move together; the gap that
        opens after it is the effect.
      </Text>
    </>
  );
}

import { AreaChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { formatDate, humanize } from '../../lib/format';
import { formatMoney, useCurrency } from '../../lib/money';
import { CHANNEL_COLORS } from './chart-colors';
import type { Figures } from './types';

/** Cumulative realised gain at the start of each month and today, one stacked area per channel. */
export function GainChart({ points }: { points: Figures['gainOverTime'] }) {
  const currency = useCurrency();
  if (points.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No win has been rolled out yet: gain starts counting from the first rollout.
      </Text>
    );
  }
  const channels = points[0]?.byChannel.map((c) => c.channel) ?? [];
  const data = points.map((p) => ({
    at: formatDate(p.at),
    ...Object.fromEntries(p.byChannel.map((c) => [c.channel, c.gain])),
  }));
  return (
    <AreaChart
      h={280}
      data={data}
      dataKey="at"
      type="stacked"
      series={channels.map((c) => ({ name: c, label: humanize(c), color: CHANNEL_COLORS[c] }))}
      curveType="linear"
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      valueFormatter={(v) => formatMoney(v, currency)}
    />
  );
}

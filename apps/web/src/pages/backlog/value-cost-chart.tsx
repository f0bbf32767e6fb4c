import { ScatterChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import type { TooltipContentProps } from 'recharts';
import { formatRoi, humanize } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { CHANNEL_COLORS } from '../insights/chart-colors';
import type { BacklogItem } from './backlog-table';

interface Props {
  items: BacklogItem[];
  currency: string | null;
}

/** The idea under the pointer: its title, and the figures that place it. */
function PointTooltip({ items, currency, payload }: Props & Partial<TooltipContentProps>) {
  const index = (payload?.[0]?.payload as { i?: number } | undefined)?.i;
  const h = index === undefined ? undefined : items[index];
  if (!h) return null;
  return (
    <Paper withBorder p="xs" shadow="sm" maw={320} data-testid="value-cost-tooltip">
      <Text size="sm" fw={500} className="uplift-title" lineClamp={3}>
        {h.title}
      </Text>
      <Text size="xs">
        Costs {formatMoney(h.cost, currency)}, expected {formatMoney(h.expectedMonthlyGain, currency)} a month · ROI{' '}
        {formatRoi(h.roi)}
      </Text>
      <Text size="xs" c="dimmed">
        {humanize(h.status)} · {humanize(h.channel)}
      </Text>
    </Paper>
  );
}

/** The open ideas: cost (x) against expected monthly gain (y), one colour per channel; up and left pays best. */
export function ValueCostChart({ items, currency }: Props) {
  const channels = [...new Set(items.map((h) => h.channel))];
  const data = channels.map((channel) => ({
    name: humanize(channel),
    color: CHANNEL_COLORS[channel],
    data: items.flatMap((h, i) => (h.channel === channel ? [{ cost: h.cost, gain: h.expectedMonthlyGain, i }] : [])),
  }));
  const money = (value: number) => formatMoney(value, currency);
  return (
    <ScatterChart
      h={280}
      data={data}
      dataKey={{ x: 'cost', y: 'gain' }}
      labels={{ x: 'Cost', y: 'Expected gain / month' }}
      xAxisLabel={currency ? `Cost (${currency})` : 'Cost'}
      yAxisLabel={currency ? `Gain / month (${currency})` : 'Gain / month'}
      valueFormatter={money}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      xAxisProps={{ domain: [0, 'auto'] }}
      yAxisProps={{ width: 72 }}
      tooltipProps={{ content: (props) => <PointTooltip items={items} currency={currency} {...props} /> }}
      data-testid="value-cost-chart"
    />
  );
}

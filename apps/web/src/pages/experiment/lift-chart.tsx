import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { AnalyzeResult } from '@uplift/domain';
import { niceTicks, percentTicks } from '../../lib/charts/nice-ticks';
import { formatLift } from '../../lib/format';
import { treatmentsOf } from './types';

const colorOf = (significant: boolean, estimate: number) =>
  !significant ? 'gray.5' : estimate > 0 ? 'green.6' : 'red.6';

/**
 * Each treatment's lift over the control as a floating bar from the lower to the upper end of its interval, a
 * dot at the estimate, and a line at 0: a bar clear of the line is a real difference.
 */
export function LiftChart({ analysis, names = {} }: { analysis: AnalyzeResult; names?: Record<string, string> }) {
  const rows = treatmentsOf(analysis).filter((t) => t.ci && t.estimate !== null);
  if (!rows.length) {
    return (
      <Text size="sm" c="dimmed">
        No interval yet: each variant needs a few units and conversions first.
      </Text>
    );
  }
  const data = rows.map((t) => ({
    variant: names[t.key] ?? t.key,
    interval: t.ci as [number, number],
    color: colorOf(t.significant, t.estimate ?? 0),
  }));
  const ends = rows.flatMap((t) => t.ci as [number, number]);
  // Evenly spaced 1-2-5 ticks (5%, 10%, …) through 0; the first and last are the axis's ends.
  const ticks = niceTicks(Math.min(...ends), Math.max(...ends));
  const domain: [number, number] = [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0];
  return (
    <BarChart
      h={Math.max(120, 60 * rows.length + 50)}
      data={data}
      dataKey="variant"
      orientation="vertical"
      series={[{ name: 'interval', label: 'Interval' }]}
      withTooltip={false}
      maxBarWidth={22}
      gridAxis="y"
      valueFormatter={formatLift}
      xAxisProps={{
        domain,
        ticks,
        interval: 0,
        tickFormatter: percentTicks(ticks),
        type: 'number',
        allowDataOverflow: true,
      }}
      yAxisProps={{ width: 110 }}
      referenceLines={[{ x: 0, color: 'dark.3' }]}
      referenceDots={rows.map((t) => ({
        x: t.estimate ?? 0,
        y: names[t.key] ?? t.key,
        color: 'dark.7',
        r: 5,
        label: formatLift(t.estimate ?? 0),
        labelPosition: 'top',
      }))}
      data-testid="lift-chart"
    />
  );
}

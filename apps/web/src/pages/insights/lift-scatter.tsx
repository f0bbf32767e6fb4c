import { ScatterChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import type { TooltipContentProps } from 'recharts';
import { formatLift, humanize } from '../../lib/format';
import { CHANNEL_COLORS } from './chart-colors';
import type { Figures } from './types';

type Experiment = Figures['experiments'][number];

/** The experiment under the pointer: its key, what its author expected and what it (shrunk) delivered. */
function PointTooltip({ experiments, payload }: { experiments: Experiment[] } & Partial<TooltipContentProps>) {
  const index = (payload?.[0]?.payload as { i?: number } | undefined)?.i;
  const e = index === undefined ? undefined : experiments[index];
  if (!e) return null;
  return (
    <Paper withBorder p="xs" shadow="sm" data-testid="insights-scatter-tooltip">
      <Text size="sm" fw={500}>
        {e.key}
      </Text>
      <Text size="xs">
        Expected {formatLift(e.predicted.expectedLift)}, realised {formatLift(e.shrunkEstimate)} ({humanize(e.channel)},{' '}
        {humanize(e.stage)})
      </Text>
      {e.estimatedAfterTheFact && (
        <Text size="xs" c="dimmed">
          Expected lift estimated after the fact: the test ran before approvals froze their figures.
        </Text>
      )}
    </Paper>
  );
}

/** Each completed test: the author's expected lift (x) against its shrunk measured lift (y); on the diagonal = as predicted. */
export function LiftScatter({ experiments }: { experiments: Experiment[] }) {
  const channels = [...new Set(experiments.map((e) => e.channel))];
  const data = channels.map((channel) => ({
    name: humanize(channel),
    color: CHANNEL_COLORS[channel],
    data: experiments.flatMap((e, i) =>
      e.channel === channel ? [{ expected: e.predicted.expectedLift, realised: e.shrunkEstimate, i }] : [],
    ),
  }));
  const values = experiments.flatMap((e) => [e.predicted.expectedLift, e.shrunkEstimate]);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  return (
    <ScatterChart
      h={320}
      data={data}
      dataKey={{ x: 'expected', y: 'realised' }}
      labels={{ x: 'Expected lift', y: 'Realised lift (shrunk)' }}
      valueFormatter={formatLift}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      xAxisProps={{ domain: [low, high] }}
      yAxisProps={{ domain: [low, high] }}
      referenceLines={[
        {
          segment: [
            { x: low, y: low },
            { x: high, y: high },
          ],
          color: 'dark.3',
          label: 'as predicted',
          strokeDasharray: '4 4',
        },
      ]}
      tooltipProps={{ content: (props) => <PointTooltip experiments={experiments} {...props} /> }}
    />
  );
}

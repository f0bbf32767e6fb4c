import { Text } from '@mantine/core';
import type { MetricKind } from '@uplift/domain';
import { niceTicks, padded, percentTicks } from '../../lib/charts/nice-ticks';
import { CONTROL_COLOR, seriesColor } from '../../lib/charts/palette';
import { TimeSeriesChart } from '../../lib/charts/time-series-chart';
import { formatAmount, formatRate } from '../../lib/format';
import { rateRows, valueRange } from './chart-series';
import { analysisOf, type Snapshot } from './types';

interface Props {
  snapshots: Snapshot[];
  /** Every variant, the control first: key and name. */
  variants: { key: string; name: string }[];
  kind: MetricKind;
}

/** Each variant's conversion rate (or mean value) as each evaluation saw it, over dates. */
export function RateHistoryChart({ snapshots, variants, kind }: Props) {
  const data = rateRows(snapshots.map((s) => ({ ...s, analysis: analysisOf(s.analysis) })));
  if (data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No evaluation yet. The chart grows with each one.
      </Text>
    );
  }
  const lines = variants.map(({ key, name }, i) => ({
    key,
    label: name,
    color: i === 0 ? CONTROL_COLOR : seriesColor(i - 1),
  }));
  const range = padded(
    valueRange(
      data,
      lines.map((l) => l.key),
    ) ?? [0, 0],
  );
  const yTicks = niceTicks(range[0], range[1], 5, false);
  return (
    <TimeSeriesChart
      data={data}
      lines={lines}
      yTicks={yTicks}
      yFormat={kind === 'binomial' ? percentTicks(yTicks, false) : formatAmount}
      format={kind === 'binomial' ? formatRate : formatAmount}
      testId="rate-history-chart"
    />
  );
}

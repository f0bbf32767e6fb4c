import { Text } from '@mantine/core';
import { niceTicks, padded, percentTicks } from '../../lib/charts/nice-ticks';
import { seriesColor } from '../../lib/charts/palette';
import { TimeSeriesChart } from '../../lib/charts/time-series-chart';
import { formatLift } from '../../lib/format';
import { bandKey, errorKey, liftRows, valueRange } from './chart-series';
import { analysisOf, type Snapshot } from './types';

/** The lift as each evaluation saw it, with its interval shaded, over dates: does the effect hold or fade? */
interface Props {
  snapshots: Snapshot[];
  /** The treatments, in order: key and name. */
  treatments: { key: string; name: string }[];
  /** How the interval is called (95% interval, credible interval, …). */
  intervalName: string;
}

export function LiftHistoryChart({ snapshots, treatments, intervalName }: Props) {
  const data = liftRows(snapshots.map((s) => ({ ...s, analysis: analysisOf(s.analysis) })));
  if (data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No evaluation yet. The chart grows with each one.
      </Text>
    );
  }
  // One evaluation draws no band: its interval shows as an error bar instead.
  const lines = treatments.map(({ key, name }, i) => ({
    key,
    label: `${name}: lift`,
    color: seriesColor(i),
    ...(data.length === 1 && { errorKey: errorKey(key) }),
  }));
  const bands = treatments.map(({ key, name }, i) => ({
    key: bandKey(key),
    label: `${name}: ${intervalName}`,
    color: seriesColor(i),
  }));
  const keys = [...lines, ...bands].map((s) => s.key);
  const range = padded(valueRange(data, keys) ?? [0, 0]);
  const yTicks = niceTicks(range[0], range[1]);
  return (
    <>
      <TimeSeriesChart
        data={data}
        lines={lines}
        bands={bands}
        yTicks={yTicks}
        yFormat={percentTicks(yTicks)}
        format={formatLift}
        zeroLine
        testId="lift-history-chart"
      />
      <Text size="xs" c="dimmed">
        {data.length === 1
          ? `Dot: the lift at the one evaluation so far; bar: its ${intervalName}. A line and a shaded band appear from the second evaluation on.`
          : `Line: the lift at each evaluation; shaded: its ${intervalName}; dashed: no change.`}
      </Text>
    </>
  );
}

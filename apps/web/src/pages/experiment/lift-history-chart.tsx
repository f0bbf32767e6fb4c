import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { formatLift } from '../../lib/format';
import { analysisOf, type Snapshot, treatmentsOf } from './types';

const PALETTE = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'pink.6', 'lime.7'];
const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** The lift as each evaluation saw it, with its interval, oldest first: does the effect hold or fade? */
interface Props {
  snapshots: Snapshot[];
  /** The treatments, in order: key and name. */
  treatments: { key: string; name: string }[];
}

export function LiftHistoryChart({ snapshots, treatments }: Props) {
  const data = snapshots.flatMap((s) => {
    const analysis = analysisOf(s.analysis);
    if (!analysis) return [];
    const row: Record<string, number | string | null> = {
      at: `${when.format(new Date(s.evaluatedAt))} · ${s.users.toLocaleString('en-US')} users`,
    };
    for (const t of treatmentsOf(analysis)) {
      row[t.key] = t.estimate;
      row[`${t.key} low`] = t.ci?.[0] ?? null;
      row[`${t.key} high`] = t.ci?.[1] ?? null;
    }
    return [row];
  });
  if (data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No evaluation yet. The chart grows with each one.
      </Text>
    );
  }
  const series = treatments.flatMap(({ key, name }, i) => {
    const color = PALETTE[i % PALETTE.length];
    return [
      { name: key, color, label: `${name}: lift` },
      { name: `${key} low`, color, label: `${name}: interval low`, strokeDasharray: '4 4' },
      { name: `${key} high`, color, label: `${name}: interval high`, strokeDasharray: '4 4' },
    ];
  });
  return (
    <>
      <LineChart
        h={260}
        data={data}
        dataKey="at"
        series={series}
        curveType="linear"
        connectNulls
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={formatLift}
        xAxisProps={{ tick: false }}
        referenceLines={[{ y: 0, color: 'dark.3', label: 'no change' }]}
        data-testid="lift-history-chart"
      />
      {data.length < 2 && (
        <Text size="xs" c="dimmed">
          One evaluation so far; a line appears from the second one on.
        </Text>
      )}
    </>
  );
}

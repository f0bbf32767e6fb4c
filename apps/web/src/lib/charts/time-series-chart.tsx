import { Box } from '@mantine/core';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount } from '../format';
import { onWholeDays, timeAxis } from './nice-ticks';

export interface TimeLine {
  key: string;
  label: string;
  color: string;
  /** A row key holding [below, above] distances: drawn as an error bar on each point. */
  errorKey?: string;
}
export interface TimeBand {
  /** A row key holding [low, high]. */
  key: string;
  label: string;
  color: string;
}

interface Props {
  data: ({ t: number; users: number } & Record<string, unknown>)[];
  lines: TimeLine[];
  bands?: TimeBand[];
  /** The value axis's ticks (nice-ticks.ts); its first and last are the domain. */
  yTicks: number[];
  /** The value axis's labels (percentTicks for rates); `format` when not given. */
  yFormat?: (value: number) => string;
  format: (value: number) => string;
  /** A dashed line at 0 ("no change"). */
  zeroLine?: boolean;
  height?: number;
  testId: string;
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/**
 * Values over real time: a date axis (evaluations are not evenly spaced, so an axis of evaluation numbers would
 * bend the trend), shaded bands under lines, a point at every evaluation so a single one shows, and a legend
 * with one colour per series.
 */
export function TimeSeriesChart(props: Props) {
  const { data, lines, bands = [], yTicks, format, yFormat = format, zeroLine, height = 260, testId } = props;
  const times = data.map((d) => d.t);
  const x = timeAxis(Math.min(...times), Math.max(...times));
  const label = onWholeDays(x.ticks) ? day : dayTime;
  const formatValue = (value: unknown) =>
    Array.isArray(value)
      ? `${format(value[0])} to ${format(value[1])}`
      : typeof value === 'number'
        ? format(value)
        : '—';
  return (
    <Box h={height} data-testid={testId} data-points={data.length}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={x.domain}
            ticks={x.ticks}
            tickFormatter={(t: number) => label.format(t)}
            // On a phone the date labels would overlap: recharts leaves out those that would touch.
            interval="preserveStartEnd"
            minTickGap={8}
            fontSize={12}
          />
          <YAxis
            type="number"
            domain={[yTicks[0] ?? 0, yTicks[yTicks.length - 1] ?? 1]}
            ticks={yTicks}
            tickFormatter={yFormat}
            interval={0}
            fontSize={12}
            width={64}
          />
          {zeroLine && <ReferenceLine y={0} stroke="var(--mantine-color-dark-3)" strokeDasharray="4 4" />}
          {bands.map((b) => (
            <Area
              key={b.key}
              dataKey={b.key}
              name={b.label}
              stroke="none"
              fill={b.color}
              fillOpacity={0.18}
              isAnimationActive={false}
              connectNulls
              legendType="none"
            />
          ))}
          {lines.map((l) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.label}
              stroke={l.color}
              strokeWidth={2}
              dot={{ r: 3, fill: l.color, strokeWidth: 0 }}
              isAnimationActive={false}
              connectNulls
            >
              {l.errorKey && <ErrorBar dataKey={l.errorKey} width={8} stroke={l.color} direction="y" />}
            </Line>
          ))}
          <Tooltip
            labelFormatter={(t, payload) =>
              `${dayTime.format(Number(t))} · ${formatCount(Number(payload?.[0]?.payload?.users ?? 0))} users`
            }
            formatter={(value, name) => [formatValue(value), name]}
          />
          <Legend verticalAlign="bottom" iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
        </ComposedChart>
      </ResponsiveContainer>
    </Box>
  );
}

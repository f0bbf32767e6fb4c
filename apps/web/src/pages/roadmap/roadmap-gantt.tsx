import { Text } from '@mantine/core';
import { CHANNELS, type ChannelCapacities, QUARTER_WEEKS, type Roadmap } from '@uplift/domain';
import { formatCount } from '../../lib/format';
import type { Labels } from './use-roadmap';

const ROW = 28;
const LABEL = 130;
const WEEK = 22;
const AXIS = 24;

interface Bar {
  id: string;
  channel: string;
  slot: number;
  startWeek: number;
  endWeek: number;
  weeks: number;
  requiredUnits: number;
  score: number | null;
}

/** A Gantt of the plan: one row per channel slot, a bar per test by week; running tests are grey. */
export function RoadmapGantt({
  roadmap,
  channels,
  labels,
}: {
  roadmap: Roadmap;
  channels: ChannelCapacities;
  labels: Labels;
}) {
  const bars: Bar[] = [
    ...roadmap.running.map((r) => ({ ...r, score: null })),
    ...roadmap.scheduled.map((s) => ({ ...s })),
  ];
  const rows = CHANNELS.flatMap((channel) => {
    const capacity = channels[channel];
    if (!capacity || !bars.some((b) => b.channel === channel)) return [];
    return Array.from({ length: capacity.maxConcurrent }, (_, slot) => ({ channel, slot }));
  });
  if (rows.length === 0) return <Text c="dimmed">No test is planned or running.</Text>;
  const weeks = Math.max(QUARTER_WEEKS + 1, ...bars.map((b) => b.endWeek));
  const width = LABEL + weeks * WEEK + 8;
  const height = AXIS + rows.length * ROW;
  const ticks = Array.from({ length: Math.floor(weeks / 4) + 1 }, (_, i) => i * 4);
  const x = (week: number) => LABEL + week * WEEK;
  const rowOf = (b: Bar) => rows.findIndex((r) => r.channel === b.channel && r.slot === b.slot);
  return (
    <div style={{ overflowX: 'auto' }}>
      <svg
        width={width}
        height={height + 18}
        role="img"
        aria-label="Test roadmap by channel and week"
        data-testid="roadmap-gantt"
      >
        {rows.map((r, i) => (
          <text key={`${r.channel}-${r.slot}`} x={4} y={AXIS + i * ROW + 18} fontSize={12}>
            {`${r.channel.toLowerCase()} · slot ${r.slot + 1}`}
          </text>
        ))}
        {bars.map((b) => {
          const running = b.score === null;
          const label = labels[b.id];
          const title = [
            `${label?.title ?? b.id}${running ? ' (running)' : ''}`,
            `weeks ${b.startWeek}–${b.endWeek} (${b.weeks} ${b.weeks === 1 ? 'week' : 'weeks'})`,
            `${formatCount(b.requiredUnits)} units ${running ? 'still needed' : 'required'}`,
            ...(running ? [] : [`score ${formatCount(Math.round((b.score ?? 0) * 100) / 100)}`]),
          ].join('\n');
          return (
            <g
              key={b.id}
              data-testid="roadmap-bar"
              data-id={b.id}
              data-kind={running ? 'running' : 'planned'}
              data-channel={b.channel}
            >
              <title>{title}</title>
              <rect
                x={x(b.startWeek) + 1}
                y={AXIS + rowOf(b) * ROW + 4}
                width={Math.max(2, b.weeks * WEEK - 2)}
                height={ROW - 8}
                rx={3}
                fill={running ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-blue-6)'}
                data-weeks={b.weeks}
              />
            </g>
          );
        })}
        {ticks.map((week) => (
          <text
            key={week}
            x={x(week)}
            y={height + 14}
            fontSize={10}
            textAnchor="middle"
            fill="var(--mantine-color-dimmed)"
          >
            {week === 0 ? 'week 0' : week}
          </text>
        ))}
        <WeekLine x={x(0)} height={height} label="today" color="var(--mantine-color-red-6)" />
        <WeekLine x={x(QUARTER_WEEKS)} height={height} label="quarter end" color="var(--mantine-color-orange-6)" />
      </svg>
    </div>
  );
}

function WeekLine({ x, height, label, color }: { x: number; height: number; label: string; color: string }) {
  return (
    <g>
      <line x1={x} x2={x} y1={AXIS - 6} y2={height} stroke={color} strokeDasharray="4 3" />
      <text x={x + 3} y={12} fontSize={11} fill={color}>
        {label}
      </text>
    </g>
  );
}

import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { CHANNELS, type Channel, type ChannelCapacities } from '@uplift/domain';

interface Props {
  channels: ChannelCapacities;
  /** Channels the plan needs, shown even when no capacity is set. */
  used: Channel[];
  changed: boolean;
  onChange: (channels: ChannelCapacities) => void;
  onReset: () => void;
}

/** What-if capacities: edits redraw the plan at once and stay on this page; the settings are unchanged. */
export function CapacityWhatIf({ channels, used, changed, onChange, onReset }: Props) {
  const shown = CHANNELS.filter((c) => channels[c] || used.includes(c));
  const set = (channel: Channel, field: 'unitsPerWeek' | 'maxConcurrent', value: number | string) => {
    const current = channels[channel] ?? { unitsPerWeek: 1, maxConcurrent: 1 };
    const n = typeof value === 'number' ? value : Number.parseFloat(value);
    // An emptied or non-positive box keeps the last usable value: the plan cannot be drawn without one.
    if (!Number.isFinite(n) || n <= 0) return;
    const next = field === 'maxConcurrent' ? Math.max(1, Math.round(n)) : n;
    onChange({ ...channels, [channel]: { ...current, [field]: next } });
  };
  return (
    <Paper withBorder p="md" data-testid="roadmap-what-if">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>What if the capacity were…</Title>
          <Button size="xs" variant="light" disabled={!changed} onClick={onReset} data-testid="what-if-reset">
            Reset
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Changes here only redraw this plan; the workspace’s settings are unchanged.
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Units per week</Table.Th>
              <Table.Th>Tests side by side</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((channel) => (
              <Table.Tr key={channel}>
                <Table.Td>{channel.toLowerCase()}</Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={1}
                    value={channels[channel]?.unitsPerWeek ?? ''}
                    onChange={(v) => set(channel, 'unitsPerWeek', v)}
                    aria-label={`${channel} units per week`}
                    data-testid={`what-if-${channel}-unitsPerWeek`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={1}
                    allowDecimal={false}
                    value={channels[channel]?.maxConcurrent ?? ''}
                    onChange={(v) => set(channel, 'maxConcurrent', v)}
                    aria-label={`${channel} tests side by side`}
                    data-testid={`what-if-${channel}-maxConcurrent`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

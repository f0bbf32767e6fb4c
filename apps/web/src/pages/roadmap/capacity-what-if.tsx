import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { CHANNELS, type Channel, type ChannelCapacities } from '@uplift/domain';
import { useState } from 'react';
import { boxValue, capacitiesOf, draftOf, type WhatIfDraft } from './what-if-draft';

interface Props {
  /** The capacities the boxes start from (the saved ones); remount the component to start again. */
  channels: ChannelCapacities;
  /** Channels the plan needs, shown even when no capacity is set. */
  used: Channel[];
  changed: boolean;
  onChange: (channels: ChannelCapacities) => void;
  onReset: () => void;
}

type Field = 'unitsPerWeek' | 'maxConcurrent';

/**
 * What-if capacities: edits redraw the plan at once and stay on this page; the settings are unchanged. Emptying
 * a box clears that channel's capacity, and the page says which channel the plan then lacks.
 */
export function CapacityWhatIf({ channels, used, changed, onChange, onReset }: Props) {
  const [draft, setDraft] = useState<WhatIfDraft>(() => draftOf(channels));
  const shown = CHANNELS.filter((c) => draft[c] || used.includes(c));
  const set = (channel: Channel, field: Field, value: number | string) => {
    const boxes = draft[channel] ?? { unitsPerWeek: '', maxConcurrent: '' };
    const next = { ...draft, [channel]: { ...boxes, [field]: boxValue(value) } };
    setDraft(next);
    onChange(capacitiesOf(next));
  };
  const box = (channel: Channel, field: Field, label: string, max: number) => (
    <NumberInput
      size="xs"
      min={1}
      max={max}
      clampBehavior="strict"
      allowDecimal={field === 'unitsPerWeek'}
      placeholder="not set"
      value={draft[channel]?.[field] ?? ''}
      onChange={(v) => set(channel, field, v)}
      aria-label={`${channel} ${label}`}
      data-testid={`what-if-${channel}-${field}`}
    />
  );
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
          Changes here only redraw this plan; the workspace’s settings are unchanged. Empty a box to see the plan
          without that channel’s capacity.
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
                <Table.Td>{box(channel, 'unitsPerWeek', 'units per week', 1e12)}</Table.Td>
                <Table.Td>{box(channel, 'maxConcurrent', 'tests side by side', 1000)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

import { ActionIcon, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { Channel } from '@uplift/domain';
import { rungName } from '../../lib/ladder-words';
import type { PolicyValues } from './ladder-settings-values';
import { RungPolicyFields } from './rung-policy-fields';

interface Props {
  rung: Channel;
  index: number;
  count: number;
  /** Offers standing on this rung: it cannot be removed under them. */
  standing: number;
  policy: PolicyValues;
  errors: Record<string, string>;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onPolicy: <K extends keyof PolicyValues>(field: K, value: PolicyValues[K]) => void;
}

/** One rung in the settings: its place (up / down), removal, and — past the first — its policy. */
export function LadderRungRow({ rung, index, count, standing, policy, errors, onMove, onRemove, onPolicy }: Props) {
  const name = rungName(rung);
  return (
    <Paper withBorder p="sm" data-testid="ladder-rung" data-rung={rung}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {index + 1}. {name}
          </Text>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              aria-label={`Move ${name} up`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
              data-testid={`rung-up-${rung}`}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={`Move ${name} down`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              data-testid={`rung-down-${rung}`}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${name}`}
              // A ladder needs two rungs; an offer standing on a rung keeps it.
              disabled={count <= 2 || standing > 0}
              title={standing > 0 ? `${standing} offer(s) stand on this rung` : undefined}
              onClick={onRemove}
              data-testid={`rung-remove-${rung}`}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        {index === 0 ? (
          <Text size="sm" c="dimmed">
            Every offer starts here with its first experiment.
          </Text>
        ) : (
          <RungPolicyFields rung={rung} value={policy} onChange={onPolicy} errors={errors} />
        )}
      </Stack>
    </Paper>
  );
}

import { Group, Stack, Text } from '@mantine/core';
import type { ExperimentStatus } from '@uplift/domain';
import { ExperimentStatusBadge } from '../../components/experiment-status-badge';
import { ListCard } from '../../components/list-card';
import { OutcomeBadge } from '../../components/outcome-badge';
import { TitleText } from '../../components/title-text';
import { formatCount, humanize } from '../../lib/format';
import { ExperimentLift } from './experiment-lift';
import { type ExperimentListRow, experimentPath } from './experiments-table';

/** The experiments on a phone: name, status, lift and decision first; the rest in one line. */
export function ExperimentsCards({ rows }: { rows: ExperimentListRow[] }) {
  return (
    <Stack gap={0} data-testid="experiments-cards">
      {rows.map((e) => (
        <ListCard key={e.id} data-testid="experiment-card" data-key={e.key} data-status={e.status}>
          <Stack gap={6}>
            <TitleText to={experimentPath(e.key)} fw={600} size="sm" data-testid="experiment-name">
              {e.name}
            </TitleText>
            <Group gap="xs">
              <ExperimentStatusBadge status={e.status as ExperimentStatus} size="sm" />
              <ExperimentLift lift={e.lift} />
              <OutcomeBadge outcome={e.latestOutcome} size="sm" />
            </Group>
            <Text size="xs" c="dimmed">
              {humanize(e.channel)} · {e.owner.name} · {formatCount(e.users)} / {formatCount(e.plannedUsers)} users
            </Text>
          </Stack>
        </ListCard>
      ))}
    </Stack>
  );
}

import { Anchor, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ExperimentStatus } from '@uplift/domain';
import { Link } from 'react-router';
import { ExperimentStatusBadge } from '../../components/experiment-status-badge';
import { OutcomeBadge } from '../../components/outcome-badge';
import { formatCount } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

/** The experiments that test this hypothesis, so a TESTING or WON idea links to its evidence. */
export function HypothesisExperiments({ hypothesisId }: { hypothesisId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.experiment.list.queryOptions({ hypothesisId }));
  if (!list.data?.length) return null;
  return (
    <Paper withBorder p="md" data-testid="hypothesis-experiments">
      <Stack gap="xs">
        <Title order={4}>Experiments</Title>
        {list.data.map((e) => (
          <Group key={e.id} gap="sm" data-testid="hypothesis-experiment">
            <Anchor component={Link} to={`/experiments/${encodeURIComponent(e.key)}`} fw={500}>
              {e.name}
            </Anchor>
            <Code>{e.key}</Code>
            <ExperimentStatusBadge status={e.status as ExperimentStatus} />
            <OutcomeBadge outcome={e.latestOutcome} />
            <Text size="sm" c="dimmed">
              {formatCount(e.users)} of {formatCount(e.plannedUsers)} users
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

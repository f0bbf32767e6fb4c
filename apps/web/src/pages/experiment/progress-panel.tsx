import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { formatCount } from '../../lib/format';
import type { Results } from './types';

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

function daysLeftText(results: Results): string {
  const { daysLeft } = results.progress;
  if (results.status === 'DRAFT') return 'Counting starts when the experiment starts.';
  if (results.status !== 'RUNNING') return 'The experiment has ended.';
  if (daysLeft === 0) return 'The planned sample is reached.';
  if (daysLeft === null) return 'Days left: not known until data arrives.';
  return `About ${daysLeft} day${daysLeft === 1 ? '' : 's'} left at the current pace.`;
}

/** Units so far against the planned sample, and how long the rest should take at today's pace. */
export function ProgressPanel({ results }: { results: Results }) {
  const { users, plannedUsers, fraction } = results.progress;
  return (
    <Paper withBorder p="md" h="100%" data-testid="progress">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Progress</Title>
          <Text size="sm" fw={600}>
            {percent.format(fraction)}
          </Text>
        </Group>
        <Progress
          value={fraction * 100}
          size="lg"
          color={fraction >= 1 ? 'green' : 'indigo'}
          striped={results.status === 'RUNNING' && fraction < 1}
          animated={results.status === 'RUNNING' && fraction < 1}
          aria-label="Progress to the planned sample"
        />
        <Text size="sm" data-testid="progress-users">
          {formatCount(users)} of {formatCount(plannedUsers)} planned users
        </Text>
        <Text size="xs" c="dimmed" data-testid="progress-days">
          {daysLeftText(results)}
        </Text>
      </Stack>
    </Paper>
  );
}

import { Alert, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { useTRPC } from '../../lib/trpc';

const DONE = new Set(['completed', 'failed']);

/** Follows the rescoring job the settings change started, polling until it ends. */
export function RescoreProgress({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(
    trpc.workspace.rescoreStatus.queryOptions(
      { jobId },
      { refetchInterval: (q) => (q.state.data && DONE.has(q.state.data.state) ? false : 500), staleTime: 0 },
    ),
  );
  const state = status.data?.state;
  // New scores mean a new order: the backlog must not show the old one from cache.
  useEffect(() => {
    if (state === 'completed') void queryClient.invalidateQueries({ queryKey: trpc.hypothesis.pathKey() });
  }, [state, queryClient, trpc]);

  if (status.isError) return <ErrorAlert error={status.error} title="Cannot follow the rescoring" />;
  if (state === 'failed') {
    return (
      <ErrorAlert
        error={new Error(status.data?.failedReason ?? 'The rescoring job failed.')}
        title="Rescoring failed"
        testId="rescore-failed"
      />
    );
  }
  if (state === 'completed') {
    return (
      <Alert color="teal" icon={<IconCheck />} title="Backlog rescored" data-testid="rescore-done">
        Every hypothesis now uses the new horizon.
      </Alert>
    );
  }
  const done = status.data?.progress?.done ?? 0;
  const total = status.data?.progress?.total ?? 0;
  return (
    <Paper withBorder p="md" data-testid="rescore-progress">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            Rescoring the backlog…
          </Text>
          <Text size="sm" c="dimmed">
            {total ? `${done} / ${total}` : (state ?? 'starting')}
          </Text>
        </Group>
        <Progress value={total ? (done / total) * 100 : 0} animated striped />
      </Stack>
    </Paper>
  );
}

import { Button, Center, EmptyState, Group, Loader, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFlask, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { EXPERIMENT_STATUSES, type ExperimentStatus } from '@uplift/domain';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { ExperimentsTable } from './experiments-table';

/** Every experiment of the workspace, newest first, filterable by status (kept in the URL to share). */
export function ExperimentsPage() {
  const trpc = useTRPC();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params
    .getAll('status')
    .filter((s): s is ExperimentStatus => (EXPERIMENT_STATUSES as readonly string[]).includes(s));
  const list = useQuery(
    trpc.experiment.list.queryOptions(
      { status: status.length ? status : undefined },
      // Running experiments gain users as events arrive.
      { refetchInterval: 15_000 },
    ),
  );
  const create = can('experiment.create') && (
    <Button component={Link} to="/experiments/new" leftSection={<IconPlus size={16} />} data-testid="experiments-new">
      New experiment
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Experiments</Title>
        {create}
      </Group>
      <MultiSelect
        label="Status"
        placeholder={status.length ? undefined : 'All statuses'}
        data={EXPERIMENT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
        value={status}
        onChange={(values) =>
          setParams(
            values.map((v): [string, string] => ['status', v]),
            { replace: true },
          )
        }
        clearable
        maw={480}
        data-testid="experiments-status-filter"
      />
      {list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState
          mt="lg"
          icon={<IconFlask />}
          title={status.length ? 'No experiment with this status' : 'No experiments yet'}
          description={
            status.length
              ? 'Clear the filter to see them all.'
              : 'An approved hypothesis becomes an experiment: open it and choose “Start an experiment”.'
          }
          data-testid="experiments-empty"
        >
          {!status.length && create && <EmptyState.Actions>{create}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <Paper withBorder>
          <ExperimentsTable rows={list.data} />
        </Paper>
      )}
      {list.data && list.data.length >= 500 && (
        <Text size="xs" c="dimmed">
          Showing the newest 500; filter by status to narrow down.
        </Text>
      )}
    </Stack>
  );
}

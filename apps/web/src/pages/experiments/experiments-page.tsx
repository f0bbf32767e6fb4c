import { Button, Center, EmptyState, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFlask, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { ExperimentsCards } from './experiments-cards';
import { ExperimentsFilters } from './experiments-filters';
import { ExperimentsTable } from './experiments-table';
import { experimentsQuery, isFiltered, NO_FILTERS, useExperimentsView } from './experiments-view';

/** Every experiment of the workspace, running ones first, then newest; filters are kept in the URL to share. */
export function ExperimentsPage() {
  const trpc = useTRPC();
  const { can } = useSession();
  const [view, update] = useExperimentsView();
  const phone = useMediaQuery('(max-width: 47.99em)');
  const list = useQuery(
    trpc.experiment.list.queryOptions(
      experimentsQuery(view),
      // Running experiments gain users as events arrive.
      { refetchInterval: 15_000 },
    ),
  );
  const filtered = isFiltered(view);
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
      <ExperimentsFilters view={view} onChange={update} />
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
          title={filtered ? 'No experiment matches' : 'No experiments yet'}
          description={
            filtered
              ? 'No experiment matches these filters.'
              : 'An approved hypothesis becomes an experiment: open it and choose “Start an experiment”.'
          }
          data-testid="experiments-empty"
        >
          {(filtered || create) && (
            <EmptyState.Actions>
              {filtered ? (
                <Button variant="default" onClick={() => update(NO_FILTERS)}>
                  Clear filters
                </Button>
              ) : (
                create
              )}
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        <Paper withBorder>
          {phone ? <ExperimentsCards rows={list.data} /> : <ExperimentsTable rows={list.data} />}
        </Paper>
      )}
      {list.data && list.data.length >= 500 && (
        <Text size="xs" c="dimmed">
          Showing 500 (running ones first, then the newest); filter to narrow down.
        </Text>
      )}
    </Stack>
  );
}

import { Box, Button, EmptyState, Group, LoadingOverlay, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBulb, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { useCurrency } from '../../lib/money';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { BacklogCards } from './backlog-cards';
import { BacklogFilters } from './backlog-filters';
import { BacklogPager } from './backlog-pager';
import { BacklogSortSelect } from './backlog-sort-select';
import { BacklogTable } from './backlog-table';
import { isFiltered, toQuery, useBacklogView } from './backlog-view';
import { RankingNote } from './ranking-note';
import { ValueCostSection } from './value-cost-section';

export function BacklogPage() {
  const trpc = useTRPC();
  const { can } = useSession();
  const [view, update] = useBacklogView();
  const currency = useCurrency();
  // Below Mantine's "sm" (48em) the rows become cards that keep ROI, gain, status and payback in view.
  const phone = useMediaQuery('(max-width: 47.99em)');
  // The previous page stays on screen (dimmed) while the next one loads, so the table does not jump.
  const list = useQuery(trpc.hypothesis.list.queryOptions(toQuery(view), { placeholderData: keepPreviousData }));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Backlog</Title>
        {can('hypothesis.create') && (
          <Button component={Link} to="/hypotheses/new" leftSection={<IconPlus size={16} />} data-testid="backlog-new">
            New hypothesis
          </Button>
        )}
      </Group>
      <BacklogFilters view={view} onChange={update} />
      {phone && <BacklogSortSelect view={view} onChange={update} />}
      <RankingNote />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      <Paper withBorder pos="relative">
        {list.isPending ? (
          <Stack p="md" gap="sm" data-testid="backlog-loading">
            {[0, 1, 2, 3, 4].map((i) => (
              <Skeleton key={i} h={28} />
            ))}
          </Stack>
        ) : list.data?.items.length ? (
          <Box>
            <LoadingOverlay visible={list.isPlaceholderData} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
            {phone ? (
              <BacklogCards items={list.data.items} currency={currency} />
            ) : (
              <BacklogTable items={list.data.items} view={view} onChange={update} currency={currency} />
            )}
          </Box>
        ) : isFiltered(view) ? (
          <EmptyState
            py="xl"
            icon={<IconFilterOff />}
            title="Nothing matches"
            description="No hypothesis matches these filters."
            data-testid="backlog-empty"
          >
            <EmptyState.Actions>
              <Button
                variant="default"
                onClick={() => update({ status: [], funnelStage: [], channel: [], search: '' })}
              >
                Clear filters
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <EmptyState
            py="xl"
            icon={<IconBulb />}
            title="No hypotheses yet"
            description="Ideas land here, ranked by expected return on investment."
            data-testid="backlog-empty"
          >
            {can('hypothesis.create') && (
              <EmptyState.Actions>
                <Button component={Link} to="/hypotheses/new">
                  Write the first one
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )}
      </Paper>
      {list.data && list.data.total > 0 && <BacklogPager view={view} total={list.data.total} onChange={update} />}
      <ValueCostSection currency={currency} />
    </Stack>
  );
}

import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { RANKED_STATUSES } from '@uplift/domain';
import { lazy, Suspense } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { useTRPC } from '../../lib/trpc';

// recharts is most of a chart's weight: the backlog's table shows first, the chart when its chunk arrives.
const ValueCostChart = lazy(() => import('./value-cost-chart').then((m) => ({ default: m.ValueCostChart })));

/** Every open idea (not only the page on screen) on one value-versus-cost scatter. */
export function ValueCostSection({ currency }: { currency: string | null }) {
  const trpc = useTRPC();
  const open = useQuery(
    trpc.hypothesis.list.queryOptions({ status: [...RANKED_STATUSES], sort: 'rank', direction: 'asc', limit: 500 }),
  );
  return (
    <Paper withBorder p="md" data-testid="value-cost">
      <Stack gap="xs">
        <Title order={4}>Value versus cost of the open ideas</Title>
        <Text size="sm" c="dimmed">
          Each dot is a hypothesis not yet decided: further up gains more each month, further left costs less. Point at
          a dot for its title.
        </Text>
        {open.isError ? (
          <ErrorAlert error={open.error} onRetry={() => open.refetch()} />
        ) : (
          <Suspense
            fallback={
              <Center h={280}>
                <Loader size="sm" />
              </Center>
            }
          >
            {open.data ? (
              <ValueCostChart items={open.data.items} currency={currency} />
            ) : (
              <Center h={280}>
                <Loader size="sm" />
              </Center>
            )}
          </Suspense>
        )}
        {open.data && open.data.total > open.data.items.length && (
          <Text size="xs" c="dimmed">
            Showing the {open.data.items.length} best-ranked of {open.data.total} open ideas.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

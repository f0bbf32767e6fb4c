import { Center, EmptyState, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LearningQuery } from '@uplift/domain';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { LearningItem } from '../../components/learning-item';
import { useSearchParamsState } from '../../lib/search-params';
import { useTRPC } from '../../lib/trpc';
import { FILTER_KEYS, type FilterKey, LearningFilters } from './learning-filters';

const PAGE = 20;

/** The learnings library: what ended experiments taught, filterable and searchable (filters kept in the URL). */
export function LearningsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParamsState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  // A query per keystroke would flood the api; 300 ms after the last one reads as instant.
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k)])) as Record<FilterKey, string | null>;
  const query = {
    ...Object.fromEntries(FILTER_KEYS.filter((k) => values[k]).map((k) => [k, values[k]])),
    search: debounced || undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  } as LearningQuery;
  const list = useQuery(trpc.learning.list.queryOptions(query, { placeholderData: keepPreviousData }));

  const update = (key: string, value: string | null) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      if (key !== 'page') p.delete('page');
      return p;
    });
  const filtered = FILTER_KEYS.some((k) => values[k]) || Boolean(debounced);

  return (
    <Stack gap="md" data-testid="learnings-page">
      <Title order={2}>Learnings</Title>
      <Text c="dimmed" size="sm">
        What each ended experiment taught the team, with its result. Record one from a completed experiment’s page.
      </Text>
      <LearningFilters
        values={values}
        search={search}
        tags={list.data?.tags ?? []}
        onChange={update}
        onSearch={(s) => {
          setSearch(s);
          update('q', s.trim() || null);
        }}
      />
      {list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          mt="lg"
          icon={<IconBulb />}
          title={filtered ? 'No learning matches' : 'No learnings yet'}
          description={
            filtered
              ? 'Clear a filter or change the search.'
              : 'When an experiment ends, its owner records what it taught on the experiment’s page.'
          }
          data-testid="learnings-empty"
        />
      ) : (
        <Stack gap="sm" data-testid="learnings-list" data-total={list.data.total}>
          {list.data.items.map((l) => (
            <LearningItem key={l.id} learning={l} />
          ))}
          {list.data.total > PAGE && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(list.data.total / PAGE)}
                value={page}
                onChange={(p) => update('page', String(p))}
              />
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

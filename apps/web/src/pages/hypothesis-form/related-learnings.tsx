import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RelatedLearningsQuery } from '@uplift/domain';
import { useMemo } from 'react';
import { LearningItem } from '../../components/learning-item';
import { useTRPC } from '../../lib/trpc';
import type { HypothesisFormValues } from './form-values';

type Context = Pick<HypothesisFormValues, 'funnelStage' | 'channel' | 'title' | 'statement' | 'offer'>;

/**
 * What earlier tests taught about this kind of idea, while it is being written: learnings of the same stage and
 * channel first, then those sharing its words. Follows the form half a second after the typing stops.
 */
export function RelatedLearnings({ values }: { values: Context }) {
  const trpc = useTRPC();
  // Debounced as a string: a fresh object each render would restart the timer forever.
  const [debounced] = useDebouncedValue(
    JSON.stringify({
      funnelStage: values.funnelStage ?? undefined,
      channel: values.channel,
      title: values.title.slice(0, 200),
      statement: values.statement.slice(0, 4000),
      offer: values.offer.slice(0, 200),
    }),
    500,
  );
  const ctx = useMemo(() => JSON.parse(debounced) as RelatedLearningsQuery, [debounced]);
  const related = useQuery(trpc.learning.related.queryOptions(ctx, { placeholderData: keepPreviousData }));
  const items = related.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="related-learnings" data-count={items.length}>
      <Stack gap="xs">
        <Title order={5}>
          <IconBulb size={16} style={{ verticalAlign: 'text-bottom' }} /> Related learnings
        </Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="related-learnings-empty">
            {values.funnelStage
              ? 'No earlier test at this stage and channel, nor one sharing these words.'
              : 'Pick a funnel stage and write a title to see what earlier tests taught.'}
          </Text>
        ) : (
          items.map((l) => <LearningItem key={l.id} learning={l} compact />)
        )}
      </Stack>
    </Paper>
  );
}

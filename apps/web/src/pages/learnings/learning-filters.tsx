import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { CHANNELS, FUNNEL_STAGES, LEARNING_OUTCOMES } from '@uplift/domain';
import { humanize } from '../../lib/format';

export const FILTER_KEYS = ['funnelStage', 'channel', 'tag', 'outcome'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

interface Props {
  values: Record<FilterKey, string | null>;
  search: string;
  tags: string[];
  onChange: (key: FilterKey, value: string | null) => void;
  onSearch: (search: string) => void;
}

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: humanize(v) }));

/** The library's filters: stage, channel, tag and result, and a search box over text, tags and experiment. */
export function LearningFilters({ values, search, tags, onChange, onSearch }: Props) {
  const select = (key: FilterKey, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      placeholder="Any"
      data={data}
      value={values[key]}
      onChange={(v) => onChange(key, v)}
      clearable
      searchable={key === 'tag'}
      data-testid={`learnings-filter-${key}`}
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
      <TextInput
        label="Search"
        placeholder="Words in the lesson, tags, test"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        data-testid="learnings-search"
      />
      {select('funnelStage', 'Funnel stage', options(FUNNEL_STAGES))}
      {select('channel', 'Channel', options(CHANNELS))}
      {select(
        'tag',
        'Tag',
        tags.map((t) => ({ value: t, label: t })),
      )}
      {select('outcome', 'Result', options(LEARNING_OUTCOMES))}
    </SimpleGrid>
  );
}

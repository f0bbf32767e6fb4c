import { Button, Group, MultiSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { CHANNELS, FUNNEL_STAGES, HYPOTHESIS_STATUSES } from '@uplift/domain';
import { useEffect, useState } from 'react';
import { humanize } from '../../lib/format';
import { type BacklogView, isFiltered } from './backlog-view';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));

interface Props {
  view: BacklogView;
  onChange: (patch: Partial<BacklogView>) => void;
}

export function BacklogFilters({ view, onChange }: Props) {
  // Typing stays local and instant; the query follows 250 ms after the last key.
  const [search, setSearch] = useState(view.search);
  const [debounced] = useDebouncedValue(search, 250);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search should change the view
  useEffect(() => {
    if (debounced !== view.search) onChange({ search: debounced });
  }, [debounced]);
  // Back/forward or "Clear" changes the URL; the box follows it.
  useEffect(() => setSearch(view.search), [view.search]);

  const common = { clearable: true, w: { base: '100%', sm: 200 }, maxDropdownHeight: 280 } as const;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Title, statement, segment, offer"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={{ base: '100%', sm: 260 }}
        data-testid="backlog-search"
      />
      <MultiSelect
        label="Status"
        placeholder={view.status.length ? undefined : 'Any'}
        data={options(HYPOTHESIS_STATUSES)}
        value={view.status}
        onChange={(v) => onChange({ status: v as BacklogView['status'] })}
        data-testid="filter-status"
        {...common}
      />
      <MultiSelect
        label="Funnel stage"
        placeholder={view.funnelStage.length ? undefined : 'Any'}
        data={options(FUNNEL_STAGES)}
        value={view.funnelStage}
        onChange={(v) => onChange({ funnelStage: v as BacklogView['funnelStage'] })}
        data-testid="filter-stage"
        {...common}
      />
      <MultiSelect
        label="Channel"
        placeholder={view.channel.length ? undefined : 'Any'}
        data={options(CHANNELS)}
        value={view.channel}
        onChange={(v) => onChange({ channel: v as BacklogView['channel'] })}
        data-testid="filter-channel"
        {...common}
      />
      {isFiltered(view) && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconX size={16} />}
          onClick={() => onChange({ status: [], funnelStage: [], channel: [], search: '' })}
          data-testid="filters-clear"
        >
          Clear
        </Button>
      )}
    </Group>
  );
}

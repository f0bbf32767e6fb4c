import { Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CHANNELS, EXPERIMENT_STATUSES } from '@uplift/domain';
import { DebouncedSearch } from '../../components/debounced-search';
import { ClearFilters, EnumFilter } from '../../components/enum-filter';
import { useTRPC } from '../../lib/trpc';
import { type ExperimentsView, isFiltered, NO_FILTERS } from './experiments-view';

interface Props {
  view: ExperimentsView;
  onChange: (patch: Partial<ExperimentsView>) => void;
}

/** Search (name, key, hypothesis title), status, channel and owner (the hypothesis' author). */
export function ExperimentsFilters({ view, onChange }: Props) {
  const trpc = useTRPC();
  const members = useQuery(trpc.member.list.queryOptions());
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <DebouncedSearch
        placeholder="Name, key or hypothesis"
        value={view.search}
        onSearch={(search) => onChange({ search })}
        w={{ base: '100%', sm: 240 }}
        data-testid="experiments-search"
      />
      <EnumFilter
        label="Status"
        values={EXPERIMENT_STATUSES}
        value={view.status}
        onChange={(status) => onChange({ status })}
        data-testid="experiments-status-filter"
      />
      <EnumFilter
        label="Channel"
        values={CHANNELS}
        value={view.channel}
        onChange={(channel) => onChange({ channel })}
        data-testid="experiments-channel-filter"
      />
      <Select
        label="Owner"
        placeholder="Anyone"
        data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
        value={view.owner || null}
        onChange={(v) => onChange({ owner: v ?? '' })}
        searchable
        clearable
        w={{ base: '100%', sm: 200 }}
        data-testid="experiments-owner-filter"
      />
      {isFiltered(view) && <ClearFilters onClear={() => onChange(NO_FILTERS)} testId="experiments-filters-clear" />}
    </Group>
  );
}

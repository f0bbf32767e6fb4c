import { Group } from '@mantine/core';
import { CHANNELS, FUNNEL_STAGES, HYPOTHESIS_STATUSES } from '@uplift/domain';
import { DebouncedSearch } from '../../components/debounced-search';
import { ClearFilters, EnumFilter } from '../../components/enum-filter';
import { type BacklogView, isFiltered } from './backlog-view';

interface Props {
  view: BacklogView;
  onChange: (patch: Partial<BacklogView>) => void;
}

export function BacklogFilters({ view, onChange }: Props) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <DebouncedSearch
        placeholder="Title, statement, segment, offer"
        value={view.search}
        onSearch={(search) => onChange({ search })}
        w={{ base: '100%', sm: 260 }}
        data-testid="backlog-search"
      />
      <EnumFilter
        label="Status"
        values={HYPOTHESIS_STATUSES}
        value={view.status}
        onChange={(status) => onChange({ status })}
        data-testid="filter-status"
      />
      <EnumFilter
        label="Funnel stage"
        values={FUNNEL_STAGES}
        value={view.funnelStage}
        onChange={(funnelStage) => onChange({ funnelStage })}
        data-testid="filter-stage"
      />
      <EnumFilter
        label="Channel"
        values={CHANNELS}
        value={view.channel}
        onChange={(channel) => onChange({ channel })}
        data-testid="filter-channel"
      />
      {isFiltered(view) && (
        <ClearFilters
          onClear={() => onChange({ status: [], funnelStage: [], channel: [], search: '' })}
          testId="filters-clear"
        />
      )}
    </Group>
  );
}

import {
  CHANNELS,
  type Channel,
  EXPERIMENT_STATUSES,
  type ExperimentListQuery,
  type ExperimentStatus,
} from '@uplift/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParamsState } from '../../lib/search-params';

/** The experiments page's filters; they live in the URL so a filtered list can be shared and reloaded. */
export interface ExperimentsView {
  status: ExperimentStatus[];
  channel: Channel[];
  owner: string;
  search: string;
}

const listOf = <T extends string>(values: string[], allowed: readonly T[]): T[] =>
  values.filter((v): v is T => (allowed as readonly string[]).includes(v));

export function readExperimentsView(params: URLSearchParams): ExperimentsView {
  return {
    // Repeated keys (?status=RUNNING&status=DRAFT), as links written before the other filters existed.
    status: listOf(params.getAll('status'), EXPERIMENT_STATUSES),
    channel: listOf(params.getAll('channel'), CHANNELS),
    owner: params.get('owner') ?? '',
    search: params.get('q') ?? '',
  };
}

function writeView(view: ExperimentsView): URLSearchParams {
  const params = new URLSearchParams();
  for (const s of view.status) params.append('status', s);
  for (const c of view.channel) params.append('channel', c);
  if (view.owner) params.set('owner', view.owner);
  if (view.search) params.set('q', view.search);
  return params;
}

export const experimentsQuery = (view: ExperimentsView): ExperimentListQuery => ({
  status: view.status.length ? view.status : undefined,
  channel: view.channel.length ? view.channel : undefined,
  ownerId: view.owner || undefined,
  search: view.search.trim() || undefined,
});

export const isFiltered = (view: ExperimentsView) =>
  view.status.length + view.channel.length > 0 || view.owner !== '' || view.search.trim() !== '';

export const NO_FILTERS: ExperimentsView = { status: [], channel: [], owner: '', search: '' };

export function useExperimentsView() {
  const [params, setParams] = useSearchParamsState();
  const view = useMemo(() => readExperimentsView(params), [params]);
  const update = useCallback(
    (patch: Partial<ExperimentsView>) => setParams((prev) => writeView({ ...readExperimentsView(prev), ...patch })),
    [setParams],
  );
  return [view, update] as const;
}

import {
  BACKLOG_SORTS,
  type BacklogQuery,
  CHANNELS,
  type Channel,
  FUNNEL_STAGES,
  type FunnelStage,
  HYPOTHESIS_STATUSES,
  type HypothesisStatus,
} from '@uplift/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParamsState } from '../../lib/search-params';

export type BacklogSort = (typeof BACKLOG_SORTS)[number];
export type Direction = 'asc' | 'desc';

/** What the reader chose to see; it lives in the URL so a view can be shared, reloaded and gone back to. */
export interface BacklogView {
  status: HypothesisStatus[];
  funnelStage: FunnelStage[];
  channel: Channel[];
  search: string;
  sort: BacklogSort;
  direction: Direction;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [25, 50, 100] as const;

/** The direction a first click sorts by: best ROI and newest first, everything else ascending. */
export const FIRST_DIRECTION: Record<BacklogSort, Direction> = {
  rank: 'asc',
  roi: 'desc',
  calibratedRoi: 'desc',
  payback: 'asc',
  title: 'asc',
  createdAt: 'desc',
  status: 'asc',
};

const listOf = <T extends string>(raw: string | null, allowed: readonly T[]): T[] =>
  (raw ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));

const oneOf = <T extends string>(raw: string | null, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(raw ?? '') ? (raw as T) : fallback;

export function readView(params: URLSearchParams): BacklogView {
  const pageSize = Number(params.get('size'));
  return {
    status: listOf(params.get('status'), HYPOTHESIS_STATUSES),
    funnelStage: listOf(params.get('stage'), FUNNEL_STAGES),
    channel: listOf(params.get('channel'), CHANNELS),
    search: params.get('q') ?? '',
    sort: oneOf(params.get('sort'), BACKLOG_SORTS, 'rank'),
    direction: oneOf(params.get('dir'), ['asc', 'desc'] as const, 'asc'),
    page: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : PAGE_SIZES[0],
  };
}

function writeView(view: BacklogView): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string, fallback = '') => value !== fallback && params.set(key, value);
  set('status', view.status.join(','));
  set('stage', view.funnelStage.join(','));
  set('channel', view.channel.join(','));
  set('q', view.search);
  set('sort', view.sort, 'rank');
  set('dir', view.direction, 'asc');
  set('page', String(view.page), '1');
  set('size', String(view.pageSize), String(PAGE_SIZES[0]));
  return params;
}

export function toQuery(view: BacklogView): BacklogQuery {
  return {
    status: view.status.length ? view.status : undefined,
    funnelStage: view.funnelStage.length ? view.funnelStage : undefined,
    channel: view.channel.length ? view.channel : undefined,
    search: view.search.trim() || undefined,
    sort: view.sort,
    direction: view.direction,
    limit: view.pageSize,
    offset: (view.page - 1) * view.pageSize,
  };
}

export const isFiltered = (view: BacklogView) =>
  view.status.length + view.funnelStage.length + view.channel.length > 0 || view.search.trim() !== '';

/** The view and a setter; any change but a page turn goes back to page 1. */
export function useBacklogView() {
  const [params, setParams] = useSearchParamsState();
  const view = useMemo(() => readView(params), [params]);
  const update = useCallback(
    (patch: Partial<BacklogView>) => setParams((prev) => writeView({ ...readView(prev), page: 1, ...patch })),
    [setParams],
  );
  return [view, update] as const;
}

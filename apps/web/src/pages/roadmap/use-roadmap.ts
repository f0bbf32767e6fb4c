import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@uplift/api';
import { type ChannelCapacities, DomainError, type Roadmap, scheduleRoadmap } from '@uplift/domain';
import { useMemo, useState } from 'react';
import { useTRPC } from '../../lib/trpc';

export type RoadmapData = RouterOutputs['roadmap']['input'];
export type Labels = RoadmapData['labels'];

/** The plan, or the channel whose capacity is missing (scheduleRoadmap names it in a BAD_INPUT error). */
export type Plan = { roadmap: Roadmap; missing: null } | { roadmap: null; missing: { field: string; message: string } };

function plan(data: RoadmapData, channels: ChannelCapacities): Plan {
  try {
    return { roadmap: scheduleRoadmap({ ...data.input, channels }), missing: null };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_INPUT') {
      return { roadmap: null, missing: { field: error.field ?? 'channels', message: error.message } };
    }
    throw error;
  }
}

/**
 * The roadmap computed in the browser from roadmap.input, with the same domain scheduler the CLI uses. The
 * what-if capacities are local state: the plan redraws at once, the workspace's settings stay as they are.
 */
export function useRoadmap() {
  const trpc = useTRPC();
  const query = useQuery(trpc.roadmap.input.queryOptions());
  const [whatIf, setWhatIf] = useState<ChannelCapacities | null>(null);
  const channels = whatIf ?? query.data?.input.channels ?? {};
  const result = useMemo(() => (query.data ? plan(query.data, channels) : null), [query.data, channels]);
  return { query, channels, result, whatIf, setWhatIf, reset: () => setWhatIf(null) };
}

import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@uplift/api';
import { type ChannelCapacities, planRoadmap } from '@uplift/domain';
import { useMemo, useState } from 'react';
import { useTRPC } from '../../lib/trpc';

export type RoadmapData = RouterOutputs['roadmap']['input'];
export type Labels = RoadmapData['labels'];

/**
 * The roadmap computed in the browser from roadmap.input, with the same domain scheduler the CLI and the worker
 * use. The what-if capacities are local state: the plan redraws at once, the workspace's settings stay as they are.
 */
export function useRoadmap() {
  const trpc = useTRPC();
  const query = useQuery(trpc.roadmap.input.queryOptions());
  const [whatIf, setWhatIf] = useState<ChannelCapacities | null>(null);
  // Bumped by a reset: the what-if boxes start again from the saved capacities.
  const [generation, setGeneration] = useState(0);
  const channels = whatIf ?? query.data?.input.channels ?? {};
  const result = useMemo(
    () => (query.data ? planRoadmap({ ...query.data.input, channels }) : null),
    [query.data, channels],
  );
  const reset = () => {
    setWhatIf(null);
    setGeneration((g) => g + 1);
  };
  return { query, channels, result, whatIf, setWhatIf, reset, generation };
}

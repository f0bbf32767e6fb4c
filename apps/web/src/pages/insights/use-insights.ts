import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../lib/trpc';

const POLL_MS = 2_000;
const iso = (at: Date | string | undefined | null) => (at ? new Date(at).toISOString() : null);

/**
 * The stored figures and a recompute that waits for them: the worker computes in the background, so after asking
 * the page polls insights.get until computedAt moves (or, before the first computation, until figures exist).
 */
export function useInsights() {
  const trpc = useTRPC();
  // The computedAt the page saw when Recompute was pressed; undefined when not waiting.
  const [waitingPast, setWaitingPast] = useState<string | null | undefined>(undefined);
  const waiting = waitingPast !== undefined;
  const insights = useQuery(
    trpc.insights.get.queryOptions(undefined, {
      refetchInterval: (q) => (waiting || q.state.data === null ? POLL_MS : false),
    }),
  );
  const computedAt = iso(insights.data?.computedAt);
  useEffect(() => {
    if (waiting && computedAt !== null && computedAt !== waitingPast) setWaitingPast(undefined);
  }, [waiting, computedAt, waitingPast]);
  const recompute = useMutation(trpc.insights.recompute.mutationOptions({ onError: () => setWaitingPast(undefined) }));
  return {
    insights,
    recompute: () => {
      setWaitingPast(computedAt);
      recompute.mutate();
    },
    recomputing: waiting,
    recomputeError: recompute.error,
  };
}

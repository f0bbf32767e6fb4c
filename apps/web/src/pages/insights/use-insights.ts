import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../lib/trpc';

const POLL_MS = 2_000;
/** A worker that has not answered in this long is busy or down: stop spinning and say so. */
const GIVE_UP_MS = 60_000;
const iso = (at: Date | string | undefined | null) => (at ? new Date(at).toISOString() : null);

/**
 * The stored figures and a recompute that waits for them: the worker computes in the background, so after asking
 * the page polls insights.get until computedAt moves (or, before the first computation, until figures exist).
 */
export function useInsights() {
  const trpc = useTRPC();
  // The computedAt the page saw when Recompute was pressed; undefined when not waiting.
  const [waitingPast, setWaitingPast] = useState<string | null | undefined>(undefined);
  const [slow, setSlow] = useState(false);
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
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => {
      setWaitingPast(undefined);
      setSlow(true);
    }, GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  const recompute = useMutation(trpc.insights.recompute.mutationOptions({ onError: () => setWaitingPast(undefined) }));
  return {
    insights,
    recompute: () => {
      setSlow(false);
      setWaitingPast(computedAt);
      recompute.mutate();
    },
    recomputing: waiting,
    /** The worker did not answer within a minute: the figures will change on their own when it does. */
    slow,
    recomputeError: recompute.error,
  };
}

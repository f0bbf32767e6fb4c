import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../lib/trpc';

/** While an experiment runs the worker may decide at any moment: look every few seconds. */
const POLL_MS = 3_000;

/**
 * The results and the evaluation history of one experiment, polled while it runs so a decision shows without a
 * reload. When the status or a pending decision changes, everything that shows them is read again.
 */
export function useExperimentLive(key: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const results = useQuery(
    trpc.experiment.results.queryOptions(
      { key },
      { refetchInterval: (q) => (q.state.data?.status === 'RUNNING' ? POLL_MS : false), staleTime: 0 },
    ),
  );
  const running = results.data?.status === 'RUNNING';
  const history = useQuery(
    trpc.experiment.history.queryOptions({ key }, { refetchInterval: running ? POLL_MS : false, staleTime: 0 }),
  );

  const refetchHistory = history.refetch;
  const state = results.data && `${results.data.status}:${results.data.pendingConfirmation ?? ''}`;
  const previous = useRef(state);
  useEffect(() => {
    if (!state || previous.current === state) return;
    const first = previous.current === undefined;
    previous.current = state;
    if (first) return;
    // A decision completes the experiment, moves its hypothesis (WON, LOST, …) and its offer on the ladder
    // (the header's ladder badge), and raises a notification.
    for (const queryKey of [
      trpc.experiment.get.queryKey({ key }),
      trpc.ladder.pathKey(),
      trpc.experiment.list.pathKey(),
      trpc.hypothesis.pathKey(),
      trpc.notification.pathKey(),
      trpc.audit.pathKey(),
    ]) {
      void queryClient.invalidateQueries({ queryKey });
    }
    void refetchHistory();
  }, [state, key, trpc, queryClient, refetchHistory]);

  return { results, history };
}

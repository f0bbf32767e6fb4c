import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from './trpc';

/**
 * The worker tells the workspace what it did (a decision, a step on the ladder, an alert) by a notification.
 * When a new one arrives, whatever open page shows hypotheses, experiments or offers reads them again, so no
 * badge keeps a status the worker has changed. `newestId` is the newest notification's id.
 */
export function useRefreshOnNews(newestId: string | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (newestId === undefined || seen.current === newestId) return;
    const first = seen.current === undefined;
    seen.current = newestId;
    if (first) return;
    for (const queryKey of [trpc.hypothesis.pathKey(), trpc.experiment.pathKey(), trpc.ladder.pathKey()]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  }, [newestId, trpc, queryClient]);
}

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** A ladder decision changes offers, experiments (a next one is created), notifications and the audit log. */
export function useLadderInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [trpc.ladder.pathKey(), trpc.experiment.pathKey(), trpc.notification.pathKey(), trpc.audit.pathKey()].map(
        (queryKey) => queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../lib/trpc';

export type ExperimentOp = { kind: 'start' | 'confirm' } | { kind: 'stop'; reason: string };

/** Start, stop and confirm as one mutation: one pending flag and one error for the action bar. */
export function useExperimentAction(key: string, onDone: () => void) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (op: ExperimentOp) => {
      switch (op.kind) {
        case 'start':
          return client.experiment.start.mutate({ key });
        case 'stop':
          return client.experiment.stop.mutate({ key, reason: op.reason });
        case 'confirm':
          return client.experiment.confirmDecision.mutate({ key });
      }
    },
    onSuccess: async () => {
      onDone();
      // Each changes the experiment and, for stop and confirm, its hypothesis.
      await Promise.all(
        [trpc.experiment.pathKey(), trpc.hypothesis.pathKey(), trpc.audit.pathKey()].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

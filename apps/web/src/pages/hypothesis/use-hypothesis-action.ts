import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../lib/trpc';

export type HypothesisOp =
  | { kind: 'submit' | 'withdraw' | 'unpin' }
  | { kind: 'approve' | 'reject' | 'archive'; reason: string }
  | { kind: 'pin'; rank: number; reason: string };

/**
 * Every lifecycle and pin action as one mutation: one pending flag and one error for the whole action bar,
 * and afterwards the hypothesis, the backlog and the audit trail are read again.
 */
export function useHypothesisAction(id: string, onDone: () => void) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (op: HypothesisOp) => {
      // An empty optional reason is no reason.
      const reason = 'reason' in op && op.reason ? op.reason : undefined;
      switch (op.kind) {
        case 'submit':
          return client.hypothesis.submit.mutate({ id });
        case 'withdraw':
          return client.hypothesis.withdraw.mutate({ id });
        case 'approve':
          return client.hypothesis.approve.mutate({ id, reason });
        case 'reject':
          return client.hypothesis.reject.mutate({ id, reason: op.reason });
        case 'archive':
          return client.hypothesis.archive.mutate({ id, reason });
        case 'pin':
          return client.hypothesis.pin.mutate({ id, pinnedRank: op.rank, reason: op.reason });
        case 'unpin':
          return client.hypothesis.pin.mutate({ id, pinnedRank: null });
      }
    },
    onSuccess: async () => {
      onDone();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.hypothesis.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
      ]);
    },
  });
}

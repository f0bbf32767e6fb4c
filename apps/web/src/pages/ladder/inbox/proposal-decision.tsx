import { Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ReasonModal } from '../../../components/reason-modal';
import { rungName, rungPlace } from '../../../lib/ladder-words';
import { useSession } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';
import type { InboxPromotion } from '../types';
import { useLadderInvalidate } from '../use-ladder-invalidate';

interface Props {
  promotion: InboxPromotion;
  /** The scope the approver chose (empty = everyone). */
  segments: string[];
  /** The next rung's reach the approver set; null keeps the proposal's. */
  reachPerMonth?: number | null;
}

/** Approve (a reason is optional) or reject (a reason is required); the api's refusal shows in the dialog. */
export function ProposalDecision({ promotion: p, segments, reachPerMonth }: Props) {
  const trpc = useTRPC();
  const { can } = useSession();
  const invalidate = useLadderInvalidate();
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const done = {
    onSuccess: async () => {
      setDeciding(null);
      await invalidate();
    },
  };
  const approve = useMutation(trpc.ladder.approve.mutationOptions(done));
  const reject = useMutation(trpc.ladder.reject.mutationOptions(done));
  const demote = p.kind === 'DEMOTE';
  const open = (which: 'approve' | 'reject') => {
    approve.reset();
    reject.reset();
    setDeciding(which);
  };
  if (!can('promotion.decide')) {
    return (
      <Text size="sm" c="dimmed">
        A product owner decides on this proposal.
      </Text>
    );
  }
  const target = rungName(p.toRung).toLowerCase();
  // The api's own reasons to refuse the step (stepBlockers: a final decision, a passed readiness check).
  const blockers = p.blockers;
  return (
    <>
      {blockers.length > 0 && (
        <Text size="sm" c="orange.8" data-testid="approve-blocked">
          Cannot approve yet: {blockers.join('; ')}.
        </Text>
      )}
      <Group gap="sm">
        <Button
          color="green"
          leftSection={demote ? <IconArrowBackUp size={16} /> : <IconCheck size={16} />}
          // A proposal scoped to segments has no overall win to apply to everyone.
          disabled={blockers.length > 0 || (p.segments.length > 0 && segments.length === 0)}
          title={blockers.length ? `Cannot approve yet: ${blockers.join('; ')}.` : undefined}
          onClick={() => open('approve')}
          data-testid="proposal-approve"
        >
          {demote ? `Step back to ${target}` : `Approve: go ${rungPlace(p.toRung)}`}
        </Button>
        <Button
          color="red"
          variant="light"
          leftSection={<IconX size={16} />}
          onClick={() => open('reject')}
          data-testid="proposal-reject"
        >
          Reject
        </Button>
      </Group>
      <ReasonModal
        opened={deciding === 'approve'}
        title={demote ? `Step “${p.offer.name}” back` : `Approve the step ${rungPlace(p.toRung)}`}
        description={
          demote
            ? `The offer returns to ${target}.`
            : `“${p.offer.name}” moves to ${target}${segments.length ? ` for ${segments.join(', ')}` : ''} and its next experiment is created.`
        }
        confirmLabel={demote ? 'Step back' : 'Approve'}
        color="green"
        reasonRequired={false}
        pending={approve.isPending}
        error={approve.error}
        onConfirm={(reason) =>
          approve.mutate({
            id: p.id,
            reason: reason || undefined,
            segments: segments.length ? segments : undefined,
            reachPerMonth: demote ? undefined : (reachPerMonth ?? undefined),
          })
        }
        onClose={() => setDeciding(null)}
        testId="approve-modal"
      />
      <ReasonModal
        opened={deciding === 'reject'}
        title="Reject the proposal"
        description={demote ? 'The offer stays where it is.' : 'The offer keeps its win but stays on its rung.'}
        confirmLabel="Reject"
        color="red"
        reasonRequired
        pending={reject.isPending}
        error={reject.error}
        onConfirm={(reason) => reject.mutate({ id: p.id, reason })}
        onClose={() => setDeciding(null)}
        testId="reject-modal"
      />
    </>
  );
}

import { ReasonModal } from '../../components/reason-modal';
import { PinModal } from './pin-modal';
import type { HypothesisOp } from './use-hypothesis-action';

export type Dialog = 'approve' | 'reject' | 'archive' | 'pin' | null;

interface Props {
  open: Dialog;
  pending: boolean;
  error: unknown;
  run: (op: HypothesisOp) => void;
  onClose: () => void;
}

/** The product owner's decisions that ask for a reason (required to reject or pin, optional otherwise). */
export function DecisionDialogs({ open, pending, error, run, onClose }: Props) {
  const common = { pending, error, onClose };
  return (
    <>
      <ReasonModal
        {...common}
        opened={open === 'approve'}
        title="Approve hypothesis"
        description="It moves on to testing. A note for the team is optional."
        confirmLabel="Approve"
        color="teal"
        reasonRequired={false}
        onConfirm={(reason) => run({ kind: 'approve', reason })}
        testId="approve-modal"
      />
      <ReasonModal
        {...common}
        opened={open === 'reject'}
        title="Reject hypothesis"
        description="The author sees this reason and may rework the idea."
        confirmLabel="Reject"
        color="red"
        reasonRequired
        onConfirm={(reason) => run({ kind: 'reject', reason })}
        testId="reject-modal"
      />
      <ReasonModal
        {...common}
        opened={open === 'archive'}
        title="Archive hypothesis"
        description="Archived hypotheses leave the ranking for good."
        confirmLabel="Archive"
        reasonRequired={false}
        onConfirm={(reason) => run({ kind: 'archive', reason })}
        testId="archive-modal"
      />
      <PinModal {...common} opened={open === 'pin'} onConfirm={(rank, reason) => run({ kind: 'pin', rank, reason })} />
    </>
  );
}

import { Button, type ButtonProps, Group } from '@mantine/core';
import {
  IconArchive,
  IconArrowBackUp,
  IconCheck,
  IconFlask,
  IconPencil,
  IconPin,
  IconPinnedOff,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import type { RouterOutputs } from '@uplift/api';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { useSession } from '../../lib/session';
import { DecisionDialogs, type Dialog } from './decision-dialogs';
import { type HypothesisOp, useHypothesisAction } from './use-hypothesis-action';

export type HypothesisDetail = RouterOutputs['hypothesis']['get'];

/**
 * The buttons a person may press here: their role must allow the action (me.get's `actions`) and the
 * lifecycle must allow the next status (`allowedNext`). The api checks both again.
 */
export function HypothesisActions({ hypothesis: h }: { hypothesis: HypothesisDetail }) {
  const { can, user } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const action = useHypothesisAction(h.id, () => setDialog(null));
  const run = (op: HypothesisOp) => action.mutate(op);
  const open = (d: Dialog) => {
    action.reset();
    setDialog(d);
  };

  const next = new Set(h.allowedNext);
  const isAuthor = h.authorId === user.id;
  const busy = action.isPending;
  const button = (kind: string, label: ReactNode, icon: ReactNode, onClick: () => void, props: ButtonProps = {}) => (
    <Button
      key={kind}
      leftSection={icon}
      onClick={onClick}
      loading={busy && action.variables?.kind === kind}
      disabled={busy}
      data-testid={`action-${kind}`}
      {...props}
    >
      {label}
    </Button>
  );

  const buttons = [
    can('experiment.create') && h.status === 'APPROVED' && (
      <Button
        key="experiment"
        component={Link}
        to={`/experiments/new?hypothesisId=${encodeURIComponent(h.id)}`}
        leftSection={<IconFlask size={16} />}
        data-testid="action-start-experiment"
      >
        Start an experiment
      </Button>
    ),
    can('hypothesis.edit') && isAuthor && h.status === 'DRAFT' && (
      <Button
        key="edit"
        component={Link}
        to={`/hypotheses/${h.id}/edit`}
        variant="default"
        leftSection={<IconPencil size={16} />}
        data-testid="action-edit"
      >
        Edit draft
      </Button>
    ),
    can('hypothesis.submit') &&
      isAuthor &&
      next.has('SUBMITTED') &&
      button('submit', 'Submit', <IconSend size={16} />, () => run({ kind: 'submit' })),
    can('hypothesis.submit') &&
      isAuthor &&
      next.has('DRAFT') &&
      button(
        'withdraw',
        h.status === 'REJECTED' ? 'Rework as draft' : 'Withdraw',
        <IconArrowBackUp size={16} />,
        () => run({ kind: 'withdraw' }),
        { variant: 'default' },
      ),
    can('hypothesis.decide') &&
      next.has('APPROVED') &&
      button('approve', 'Approve', <IconCheck size={16} />, () => open('approve'), { color: 'teal' }),
    can('hypothesis.decide') &&
      next.has('REJECTED') &&
      button('reject', 'Reject', <IconX size={16} />, () => open('reject'), { color: 'red', variant: 'light' }),
    can('hypothesis.pin') &&
      h.pinnedRank === null &&
      button('pin', 'Pin', <IconPin size={16} />, () => open('pin'), { variant: 'default' }),
    can('hypothesis.pin') &&
      h.pinnedRank !== null &&
      button('unpin', 'Unpin', <IconPinnedOff size={16} />, () => run({ kind: 'unpin' }), { variant: 'default' }),
    can('hypothesis.decide') &&
      next.has('ARCHIVED') &&
      button('archive', 'Archive', <IconArchive size={16} />, () => open('archive'), {
        variant: 'subtle',
        color: 'gray',
      }),
  ].filter(Boolean);

  return (
    <>
      {action.error && !dialog && (
        <ErrorAlert error={action.error} title="Not done" onClose={() => action.reset()} testId="action-error" />
      )}
      {buttons.length > 0 && (
        <Group gap="sm" data-testid="hypothesis-actions">
          {buttons}
        </Group>
      )}
      <DecisionDialogs open={dialog} pending={busy} error={action.error} run={run} onClose={() => setDialog(null)} />
    </>
  );
}

import { Button, Group } from '@mantine/core';
import { IconCheck, IconPencil, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import type { ExperimentStatus, HypothesisStatus } from '@uplift/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import { ReasonModal } from '../../components/reason-modal';
import { isOutcome, OUTCOME_LABEL } from '../../lib/experiment-words';
import { rungPlace } from '../../lib/ladder-words';
import { useSession } from '../../lib/session';
import { RetestButton } from './retest-button';
import { stopSentence } from './stop-words';
import { useExperimentAction } from './use-experiment-action';

interface Props {
  experiment: { key: string; name: string; channel: string; offerId: string | null };
  status: ExperimentStatus;
  hypothesisStatus: HypothesisStatus;
  /** The terminal outcome the worker proposes, waiting for a product owner. */
  pendingConfirmation: string | null;
}

/**
 * Edit or start a draft (after a confirmation, as on the ladder board), stop a test with a reason, confirm a
 * proposed decision, test a stopped promoted offer again — each only for roles that may.
 */
export function ExperimentActions({ experiment, status, hypothesisStatus, pendingConfirmation }: Props) {
  const experimentKey = experiment.key;
  const { can } = useSession();
  const [dialog, setDialog] = useState<'start' | 'stop' | null>(null);
  const stopping = dialog === 'stop';
  const action = useExperimentAction(experimentKey, () => setDialog(null));
  const busy = action.isPending;
  const running = (kind: string) => busy && action.variables?.kind === kind;
  const pending = isOutcome(pendingConfirmation) ? pendingConfirmation : null;

  const buttons = [
    can('experiment.start') && status === 'DRAFT' && (
      <Button
        key="start"
        leftSection={<IconPlayerPlay size={16} />}
        loading={running('start')}
        disabled={busy}
        onClick={() => {
          action.reset();
          setDialog('start');
        }}
        data-testid="action-start"
      >
        Start experiment
      </Button>
    ),
    // Only a draft: once running, the setup is frozen (the api refuses the edit too).
    can('experiment.create') && status === 'DRAFT' && (
      <Button
        key="edit"
        component={Link}
        to={`/experiments/${encodeURIComponent(experimentKey)}/edit`}
        variant="default"
        leftSection={<IconPencil size={16} />}
        data-testid="action-edit"
      >
        Edit setup
      </Button>
    ),
    can('experiment.confirm') && status === 'RUNNING' && pending && (
      <Button
        key="confirm"
        color="green"
        leftSection={<IconCheck size={16} />}
        loading={running('confirm')}
        disabled={busy}
        onClick={() => action.mutate({ kind: 'confirm' })}
        data-testid="action-confirm"
      >
        Confirm decision: {OUTCOME_LABEL[pending]}
      </Button>
    ),
    can('experiment.stop') && (status === 'DRAFT' || status === 'RUNNING') && (
      <Button
        key="stop"
        color="red"
        variant="light"
        leftSection={<IconPlayerStop size={16} />}
        disabled={busy}
        onClick={() => {
          action.reset();
          setDialog('stop');
        }}
        data-testid="action-stop"
      >
        Stop
      </Button>
    ),
    can('promotion.decide') && status === 'STOPPED' && experiment.offerId && (
      <RetestButton key="retest" experiment={{ ...experiment, status }} />
    ),
  ].filter(Boolean);

  return (
    <>
      {action.error && !dialog && (
        <ErrorAlert error={action.error} title="Not done" onClose={() => action.reset()} testId="action-error" />
      )}
      {buttons.length > 0 && (
        <Group gap="sm" data-testid="experiment-actions">
          {buttons}
        </Group>
      )}
      <ReasonModal
        opened={stopping}
        title="Stop the experiment"
        description={stopSentence({
          hypothesisStatus,
          hasOffer: Boolean(experiment.offerId),
          channel: experiment.channel,
          draft: status === 'DRAFT',
        })}
        confirmLabel="Stop experiment"
        color="red"
        reasonRequired
        pending={running('stop')}
        error={action.error}
        onConfirm={(reason) => action.mutate({ kind: 'stop', reason })}
        onClose={() => setDialog(null)}
        testId="stop-modal"
      />
      <ConfirmModal
        opened={dialog === 'start'}
        title="Start the experiment"
        message={`“${experiment.name}” starts ${rungPlace(experiment.channel)} now: units are assigned from this moment and its variants can no longer change.`}
        confirmLabel="Start experiment"
        color="indigo"
        pending={running('start')}
        error={dialog === 'start' ? action.error : null}
        onConfirm={() => action.mutate({ kind: 'start' })}
        onClose={() => setDialog(null)}
      />
    </>
  );
}

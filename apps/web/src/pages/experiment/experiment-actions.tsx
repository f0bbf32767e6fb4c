import { Button, Group } from '@mantine/core';
import { IconCheck, IconPencil, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import type { ExperimentStatus } from '@uplift/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { ReasonModal } from '../../components/reason-modal';
import { isOutcome, OUTCOME_LABEL } from '../../lib/experiment-words';
import { useSession } from '../../lib/session';
import { useExperimentAction } from './use-experiment-action';

interface Props {
  experimentKey: string;
  status: ExperimentStatus;
  /** The terminal outcome the worker proposes, waiting for a product owner. */
  pendingConfirmation: string | null;
}

/** Edit or start a draft, stop a test with a reason, confirm a proposed decision — each only for roles that may. */
export function ExperimentActions({ experimentKey, status, pendingConfirmation }: Props) {
  const { can } = useSession();
  const [stopping, setStopping] = useState(false);
  const action = useExperimentAction(experimentKey, () => setStopping(false));
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
        onClick={() => action.mutate({ kind: 'start' })}
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
          setStopping(true);
        }}
        data-testid="action-stop"
      >
        Stop
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      {action.error && !stopping && (
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
        description="It ends without a decision and its hypothesis becomes inconclusive. The team sees your reason."
        confirmLabel="Stop experiment"
        color="red"
        reasonRequired
        pending={running('stop')}
        error={action.error}
        onConfirm={(reason) => action.mutate({ kind: 'stop', reason })}
        onClose={() => setStopping(false)}
        testId="stop-modal"
      />
    </>
  );
}

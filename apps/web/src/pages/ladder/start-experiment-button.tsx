import { Button, type ButtonProps } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { rungPlace } from '../../lib/ladder-words';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { useLadderInvalidate } from './use-ladder-invalidate';

interface Props extends ButtonProps {
  experiment: { key: string; name: string; channel: string };
}

/** Starts the draft a promotion created, after a confirmation: from then on it collects data. */
export function StartExperimentButton({ experiment, ...props }: Props) {
  const trpc = useTRPC();
  const { can } = useSession();
  const invalidate = useLadderInvalidate();
  const [opened, setOpened] = useState(false);
  const start = useMutation(
    trpc.experiment.start.mutationOptions({
      onSuccess: async () => {
        setOpened(false);
        await invalidate();
      },
    }),
  );
  if (!can('experiment.start')) return null;
  return (
    <>
      <Button
        size="xs"
        leftSection={<IconPlayerPlay size={14} />}
        onClick={() => {
          start.reset();
          setOpened(true);
        }}
        title={`Start ${experiment.key}`}
        data-testid="offer-start-experiment"
        {...props}
      >
        Start experiment
      </Button>
      <ConfirmModal
        opened={opened}
        title="Start the experiment"
        message={`“${experiment.name}” starts ${rungPlace(experiment.channel)} now: units are assigned from this moment and its variants can no longer change.`}
        confirmLabel="Start experiment"
        color="indigo"
        pending={start.isPending}
        error={start.error}
        onConfirm={() => start.mutate({ key: experiment.key })}
        onClose={() => setOpened(false)}
      />
    </>
  );
}

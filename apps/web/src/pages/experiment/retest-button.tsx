import { Button, type MantineSize } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { retestProblem } from '@uplift/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmModal } from '../../components/confirm-modal';
import { rungPlace } from '../../lib/ladder-words';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { useLadderInvalidate } from '../ladder/use-ladder-invalidate';

interface Props {
  experiment: { key: string; status: string; channel: string; offerId: string | null };
  size?: MantineSize;
}

/** A stopped test of a promoted offer: a product owner opens a new draft on the same rung (the api's own rule). */
export function RetestButton({ experiment, size = 'sm' }: Props) {
  const trpc = useTRPC();
  const { can } = useSession();
  const navigate = useNavigate();
  const invalidate = useLadderInvalidate();
  const [opened, setOpened] = useState(false);
  const allowed = can('promotion.decide') && experiment.status === 'STOPPED' && Boolean(experiment.offerId);
  const offer = useQuery(trpc.ladder.offer.queryOptions({ id: experiment.offerId ?? '' }, { enabled: allowed }));
  const retest = useMutation(
    trpc.ladder.retest.mutationOptions({
      onSuccess: async (next) => {
        setOpened(false);
        await invalidate();
        await navigate(`/experiments/${encodeURIComponent(next.key)}`);
      },
    }),
  );
  if (!allowed || !offer.data || retestProblem({ experiment, offer: offer.data })) return null;
  return (
    <>
      <Button
        leftSection={<IconRepeat size={size === 'xs' ? 14 : 16} />}
        variant="light"
        size={size}
        onClick={() => {
          retest.reset();
          setOpened(true);
        }}
        data-testid="action-retest"
      >
        Test again on this rung
      </Button>
      <ConfirmModal
        opened={opened}
        title="Test again on this rung"
        message={`A new draft tests “${offer.data.name}” ${rungPlace(experiment.channel)} again, with this experiment's variants and metrics. It starts when someone starts it.`}
        confirmLabel="Create the draft"
        color="indigo"
        pending={retest.isPending}
        error={retest.error}
        onConfirm={() => retest.mutate({ key: experiment.key })}
        onClose={() => setOpened(false)}
      />
    </>
  );
}

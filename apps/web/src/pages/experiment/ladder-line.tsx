import { Anchor, Group, Text } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { OfferStateBadge } from '../../components/offer-state-badge';
import { rungName } from '../../lib/ladder-words';
import { useTRPC } from '../../lib/trpc';

/** The worker and other people move offers (a step applied, a proposal decided): look again now and then. */
const POLL_MS = 10_000;

/**
 * The offer this experiment tests on the channel ladder, linking to its journey. Read again when the
 * experiment's status changes (useExperimentLive) and every few seconds, so the badge never shows a rung the
 * offer has left.
 */
export function LadderLine({ offerId }: { offerId: string }) {
  const trpc = useTRPC();
  const offer = useQuery(trpc.ladder.offer.queryOptions({ id: offerId }, { refetchInterval: POLL_MS }));
  const to = `/ladder/offers/${encodeURIComponent(offerId)}`;
  return (
    <Group gap="xs" data-testid="experiment-ladder">
      <IconStairsUp size={16} />
      <Text size="sm" c="dimmed">
        Channel ladder:
      </Text>
      <Anchor component={Link} to={to} size="sm" data-testid="experiment-ladder-link">
        {offer.data ? offer.data.name : 'the offer'}
      </Anchor>
      {offer.data && (
        <>
          <Text size="sm" c="dimmed">
            now on the {rungName(offer.data.rung).toLowerCase()} rung
          </Text>
          <OfferStateBadge state={offer.data.state} size="sm" />
        </>
      )}
    </Group>
  );
}

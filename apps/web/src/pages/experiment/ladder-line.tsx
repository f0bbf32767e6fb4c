import { Anchor, Group, Text } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { OfferStateBadge } from '../../components/offer-state-badge';
import { rungName } from '../../lib/ladder-words';
import { useTRPC } from '../../lib/trpc';

/** The offer this experiment tests on the channel ladder, linking to its journey. */
export function LadderLine({ offerId }: { offerId: string }) {
  const trpc = useTRPC();
  const offer = useQuery(trpc.ladder.offer.queryOptions({ id: offerId }));
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

import { Button, Card, Code, Group, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ExperimentStatus } from '@uplift/domain';
import { Link } from 'react-router';
import { ExperimentStatusBadge } from '../../../components/experiment-status-badge';
import { OfferStateBadge } from '../../../components/offer-state-badge';
import { OutcomeBadge } from '../../../components/outcome-badge';
import { ScopeBadge } from '../../../components/scope-badge';
import { TitleText } from '../../../components/title-text';
import { useSession } from '../../../lib/session';
import { RetestButton } from '../../experiment/retest-button';
import { OfferOutlookLine } from '../offer-outlook';
import { draftAtRung, latestAtRung, offerOutlook, openProposal } from '../offer-summary';
import { StartExperimentButton } from '../start-experiment-button';
import type { BoardOffer } from '../types';

/** One offer on its rung: where it stands, its latest result there, what it is worth, and what to do next. */
export function OfferCard({ offer }: { offer: BoardOffer }) {
  const { can } = useSession();
  const latest = latestAtRung(offer);
  const draft = draftAtRung(offer);
  const proposal = openProposal(offer);
  const outlook = offerOutlook(offer);
  const page = `/ladder/offers/${encodeURIComponent(offer.id)}`;
  return (
    <Card withBorder padding="sm" data-testid="offer-card" data-offer={offer.id} data-state={offer.state}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <TitleText to={page} fw={600} size="sm" data-testid="offer-name">
            {offer.name}
          </TitleText>
          <OfferStateBadge state={offer.state} size="sm" />
        </Group>
        <TitleText size="xs" c="dimmed" lines={1}>
          {offer.hypothesis.title}
        </TitleText>
        {latest ? (
          <Group gap={6} data-testid="offer-latest" data-key={latest.key}>
            <Code fz="xs">{latest.key}</Code>
            <ExperimentStatusBadge status={latest.status as ExperimentStatus} size="xs" />
            <OutcomeBadge outcome={latest.outcome} size="xs" />
            <ScopeBadge experiment={latest} size="xs" />
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            No experiment on this rung yet.
          </Text>
        )}
        {outlook && <OfferOutlookLine outlook={outlook} size="xs" />}
        <Group gap="xs" mt={4}>
          <Button component={Link} to={page} size="xs" variant="default" data-testid="offer-open">
            Open
          </Button>
          {draft && offer.state === 'READY' && <StartExperimentButton experiment={draft} />}
          {latest && offer.state === 'STOPPED' && (
            <RetestButton experiment={{ ...latest, offerId: offer.id }} size="xs" />
          )}
          {proposal && (
            <Button
              component={Link}
              to={`/ladder/inbox#promotion-${proposal.id}`}
              size="xs"
              color="yellow"
              leftSection={<IconInbox size={14} />}
              data-testid="offer-review"
            >
              {can('promotion.decide') ? 'Review proposal' : 'See proposal'}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

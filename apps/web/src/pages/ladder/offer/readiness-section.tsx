import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../../lib/session';
import { openProposal } from '../offer-summary';
import { type Board, type OfferJourney, policyFor } from '../types';
import { ReadinessForm } from './readiness-form';
import { ReadinessHistory } from './readiness-history';

/** Rungs a readiness check can be recorded for: those behind the gate, the one a proposal waits on first. */
function gatedRungs(board: Board, offer: OfferJourney) {
  const ladder: string[] = board.ladder;
  const gated = ladder.filter((r) => policyFor(board, r).readinessGate);
  const proposal = openProposal(offer);
  const waiting = proposal?.kind === 'PROMOTE' && gated.includes(proposal.toRung) ? proposal.toRung : null;
  const first = waiting ?? gated.find((r) => ladder.indexOf(r) > ladder.indexOf(offer.rung));
  return { rungs: first ? [first, ...gated.filter((r) => r !== first)] : gated, needed: waiting !== null };
}

/**
 * The readiness checks of an offer and, for product owners, the form to record one: open when a waiting
 * proposal needs it, a button away otherwise.
 */
export function ReadinessSection({ board, offer }: { board: Board; offer: OfferJourney }) {
  const { can } = useSession();
  const { rungs, needed } = gatedRungs(board, offer);
  const [opened, setOpened] = useState(false);
  const form =
    can('readiness.check') &&
    (rungs.length === 0 ? (
      <Text size="sm" c="dimmed">
        No rung of this workspace’s ladder asks for a readiness check.
      </Text>
    ) : needed || opened ? (
      <ReadinessForm key={rungs[0]} offerId={offer.id} rungs={rungs} />
    ) : (
      <Button
        variant="default"
        w="fit-content"
        leftSection={<IconClipboardCheck size={16} />}
        onClick={() => setOpened(true)}
        data-testid="readiness-open"
      >
        Record a readiness check
      </Button>
    ));
  return (
    <Stack gap="sm" id="readiness">
      {form}
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          Readiness checks
        </Title>
        <ReadinessHistory checks={offer.readiness} />
      </Paper>
    </Stack>
  );
}

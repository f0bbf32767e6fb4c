import { Anchor, Button, Center, EmptyState, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconStairsUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { OfferStateBadge } from '../../../components/offer-state-badge';
import { httpStatusOf, messageOf } from '../../../lib/errors';
import { rungName, rungPlace } from '../../../lib/ladder-words';
import { useCurrency } from '../../../lib/money';
import { useTRPC } from '../../../lib/trpc';
import { signedAmount } from '../evidence-words';
import { projectedMonthly } from '../offer-summary';
import { Journey } from './journey';
import { ReadinessSection } from './readiness-section';

/** One offer's whole journey up the ladder, and its readiness checks. */
export function OfferPage() {
  const currency = useCurrency();
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const trpc = useTRPC();
  const offer = useQuery(trpc.ladder.offer.queryOptions({ id }, { refetchInterval: 15_000 }));
  const board = useQuery(trpc.ladder.board.queryOptions());
  const ready = Boolean(offer.data && board.data);
  useEffect(() => {
    if (ready && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [ready, hash]);

  if (offer.isError) {
    if (httpStatusOf(offer.error) !== 404) return <ErrorAlert error={offer.error} onRetry={() => offer.refetch()} />;
    return (
      <EmptyState mt="xl" icon={<IconStairsUp />} title="No such offer" description={messageOf(offer.error)}>
        <EmptyState.Actions>
          <Button component={Link} to="/ladder" variant="default">
            Channel ladder
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  if (board.isError) return <ErrorAlert error={board.error} onRetry={() => board.refetch()} />;
  if (!offer.data || !board.data) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const o = offer.data;
  const projected = projectedMonthly(o);

  return (
    <Stack gap="md" data-testid="offer-page" data-offer={o.id} data-rung={o.rung} data-state={o.state}>
      <Anchor component={Link} to="/ladder" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Channel ladder
        </Group>
      </Anchor>
      <Stack gap={6}>
        <Title order={2} data-testid="offer-title">
          {o.name}
        </Title>
        <Group gap="xs">
          <OfferStateBadge state={o.state} size="lg" />
          <Text size="sm" data-testid="offer-rung" data-rung={o.rung}>
            on the <b>{rungName(o.rung).toLowerCase()}</b> rung · offer of
          </Text>
          <Anchor component={Link} to={`/hypotheses/${o.hypothesis.id}`} size="sm" data-testid="offer-hypothesis">
            {o.hypothesis.title}
          </Anchor>
        </Group>
        {projected && (
          <Text size="sm" c="dimmed">
            Latest projection: {signedAmount(projected.gain, currency)} per month {rungPlace(projected.rung)}.
          </Text>
        )}
      </Stack>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          Journey
        </Title>
        <Journey offer={o} ladder={board.data.ladder} />
      </Paper>
      <ReadinessSection board={board.data} offer={o} />
    </Stack>
  );
}

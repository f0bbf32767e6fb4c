import { Anchor, Center, EmptyState, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInbox } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useSession } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';
import { policyFor } from '../types';
import { DecidedTable } from './decided-table';
import { ProposalCard } from './proposal-card';

/** Proposals to step an offer up or back the ladder, waiting for a product owner; decided ones below. */
export function InboxPage() {
  const trpc = useTRPC();
  const { can } = useSession();
  const { hash } = useLocation();
  const promotions = useQuery(trpc.ladder.promotions.queryOptions({}, { refetchInterval: 15_000 }));
  // The board carries the rungs' policies: whether a step needs the readiness gate.
  const board = useQuery(trpc.ladder.board.queryOptions());
  const ready = promotions.data && board.data;
  useEffect(() => {
    // A card linked from the board (#promotion-…) scrolls into view once the list is there.
    if (ready && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [ready, hash]);

  const error = promotions.error ?? board.error;
  if (error) return <ErrorAlert error={error} onRetry={() => Promise.all([promotions.refetch(), board.refetch()])} />;
  if (!promotions.data || !board.data) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const open = promotions.data.filter((p) => p.status === 'PROPOSED');
  const decided = promotions.data.filter((p) => p.status !== 'PROPOSED');

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/ladder" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Channel ladder
        </Group>
      </Anchor>
      <Stack gap={2}>
        <Title order={2}>Promotion inbox</Title>
        <Text size="sm" c="dimmed">
          {can('promotion.decide')
            ? 'Offers that won (or lost) on their rung and need your decision before they move.'
            : 'Offers that won (or lost) on their rung, waiting for a product owner.'}
        </Text>
      </Stack>
      {open.length === 0 ? (
        <EmptyState
          icon={<IconInbox />}
          title="Nothing waiting"
          description="A win on a rung that asks for approval, or a loss above the first rung, shows up here."
          data-testid="inbox-empty"
        />
      ) : (
        <Stack gap="sm" data-testid="inbox-open">
          {open.map((p) => (
            <ProposalCard
              key={p.id}
              promotion={p}
              gate={p.kind === 'PROMOTE' && policyFor(board.data, p.toRung).readinessGate}
            />
          ))}
        </Stack>
      )}
      <Title order={4} mt="md">
        Decided
      </Title>
      {decided.length === 0 ? (
        <Text size="sm" c="dimmed">
          No decisions yet.
        </Text>
      ) : (
        <Paper withBorder>
          <DecidedTable rows={decided} />
        </Paper>
      )}
    </Stack>
  );
}

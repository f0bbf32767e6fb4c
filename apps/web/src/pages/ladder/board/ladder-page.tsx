import { Badge, Button, Center, Flex, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useTRPC } from '../../../lib/trpc';
import { policySummary } from '../policy-words';
import { type BoardOffer, policyFor } from '../types';
import { RungColumn } from './rung-column';

/** The channel ladder: one column per rung in the workspace's order, a card per offer on it. */
export function LadderPage() {
  const trpc = useTRPC();
  // Offers move when the worker decides an experiment: keep the board fresh without a reload.
  const board = useQuery(trpc.ladder.board.queryOptions(undefined, { refetchInterval: 15_000 }));

  if (board.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (board.isError) return <ErrorAlert error={board.error} onRetry={() => board.refetch()} />;
  const { offers } = board.data;
  const ladder: string[] = board.data.ladder;
  const byRung = new Map<string, BoardOffer[]>(ladder.map((rung) => [rung, []]));
  // An offer may stand on a rung the workspace has since removed: it gets a column of its own.
  for (const offer of offers) byRung.set(offer.rung, [...(byRung.get(offer.rung) ?? []), offer]);
  const waiting = offers.filter((o) => o.promotions.some((p) => p.status === 'PROPOSED')).length;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2}>Channel ladder</Title>
          <Text size="sm" c="dimmed">
            Each offer climbs from the cheapest channel up, one experiment per rung; a win proposes the next rung.
          </Text>
        </Stack>
        <Button
          component={Link}
          to="/ladder/inbox"
          variant="light"
          leftSection={<IconInbox size={16} />}
          rightSection={waiting > 0 && <Badge size="sm">{waiting}</Badge>}
          data-testid="ladder-inbox-link"
        >
          Promotion inbox
        </Button>
      </Group>
      {offers.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="ladder-empty">
          No offer on the ladder yet: an approved hypothesis joins it with its first experiment.
        </Text>
      )}
      <ScrollArea type="auto" offsetScrollbars>
        {/* Rungs side by side from "sm" up; on a phone they stack, each as wide as the screen. */}
        <Flex
          direction={{ base: 'column', sm: 'row' }}
          align={{ base: 'stretch', sm: 'flex-start' }}
          gap="md"
          data-testid="ladder-board"
        >
          {[...byRung].map(([rung, list]) => {
            const step = ladder.indexOf(rung);
            return (
              <RungColumn
                key={rung}
                rung={rung}
                step={step >= 0 ? step + 1 : null}
                rule={
                  step > 0 ? policySummary(policyFor(board.data, rung)) : step === 0 ? 'Every offer starts here.' : null
                }
                offers={list}
              />
            );
          })}
        </Flex>
      </ScrollArea>
    </Stack>
  );
}
